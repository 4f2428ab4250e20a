package com.steadydesk.scripts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.util.HtmlUtils;

/**
 * A word-level diff of two texts by longest common subsequence, rendered as HTML with {@code <ins>} and {@code <del>}.
 * Tokens are Latin words, single Chinese characters (Chinese has no spaces), whitespace runs and punctuation.
 */
public final class TextDiff {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_{}.]+|\\s+|.", Pattern.DOTALL);
    /** Beyond this many tokens per side the table would be too large; the texts are shown as replaced. */
    private static final int MAX_TOKENS = 6000;

    private TextDiff() {
    }

    /** One run of equal, deleted or inserted text. */
    public record Part(char op, String text) {
    }

    public static List<Part> diff(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        var parts = new ArrayList<Part>();
        if (a.size() > MAX_TOKENS || b.size() > MAX_TOKENS) {
            add(parts, '-', before);
            add(parts, '+', after);
            return parts;
        }
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0, j = 0;
        while (i < a.size() && j < b.size()) {
            if (a.get(i).equals(b.get(j))) {
                add(parts, '=', a.get(i++));
                j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                add(parts, '-', a.get(i++));
            } else {
                add(parts, '+', b.get(j++));
            }
        }
        while (i < a.size()) {
            add(parts, '-', a.get(i++));
        }
        while (j < b.size()) {
            add(parts, '+', b.get(j++));
        }
        return parts;
    }

    /** The diff as escaped HTML: unchanged text plain, deletions in {@code <del>}, insertions in {@code <ins>}. */
    public static String html(String before, String after) {
        var sb = new StringBuilder();
        for (Part p : diff(before, after)) {
            String text = HtmlUtils.htmlEscape(p.text());
            switch (p.op()) {
                case '-' -> sb.append("<del>").append(text).append("</del>");
                case '+' -> sb.append("<ins>").append(text).append("</ins>");
                default -> sb.append(text);
            }
        }
        return sb.toString();
    }

    private static void add(List<Part> parts, char op, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!parts.isEmpty() && parts.get(parts.size() - 1).op() == op) {
            Part last = parts.remove(parts.size() - 1);
            parts.add(new Part(op, last.text() + text));
        } else {
            parts.add(new Part(op, text));
        }
    }

    private static List<String> tokens(String text) {
        var tokens = new ArrayList<String>();
        if (text != null) {
            Matcher m = TOKEN.matcher(text);
            while (m.find()) {
                tokens.add(m.group());
            }
        }
        return tokens;
    }
}
