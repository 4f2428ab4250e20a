package com.steadydesk.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The one diff of two versions of a text (scripts, articles, source-of-truth pages): longest common subsequence, line
 * by line, and word by word (single characters for Chinese, which has no spaces). Texts here are pages, not books, so a
 * quadratic table is fine; beyond {@link #MAX_CELLS} the changed middle is shown as replaced whole. Two HTML forms:
 * {@link #html} for page-like texts (a {@code <pre>} of lines), {@link #inlineHtml} for short texts shown in place.
 */
public final class TextDiff {

    /** Largest LCS table computed (cells); about 16 MB of ints. */
    static final long MAX_CELLS = 4_000_000L;

    /** What happened to a piece of text. */
    public enum Op { EQUAL, DELETE, INSERT }

    /** A run of tokens with the same fate; line chunks keep their line breaks. */
    public record Chunk(Op op, String text) {
    }

    private TextDiff() {
    }

    /** Line diff; every chunk's text is whole lines (each ending in a line break except perhaps the last). */
    public static List<Chunk> lines(String before, String after) {
        return diff(splitLines(before), splitLines(after));
    }

    /** Word diff: runs of letters/digits, single CJK characters, whitespace runs and single punctuation marks. */
    public static List<Chunk> words(String before, String after) {
        return diff(splitWords(before), splitWords(after));
    }

    /** The line diff as HTML ({@code <del>}/{@code <ins>}, everything escaped); replaced lines show their word changes. */
    public static String html(String before, String after) {
        List<Chunk> chunks = lines(withFinalBreak(before), withFinalBreak(after));
        var out = new StringBuilder("<pre class=\"diff\">");
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            if (c.op() == Op.DELETE && i + 1 < chunks.size() && chunks.get(i + 1).op() == Op.INSERT) {
                for (Chunk w : words(c.text(), chunks.get(i + 1).text())) {
                    out.append(wrap(w));
                }
                i++;
            } else {
                out.append(wrap(c));
            }
        }
        return out.append("</pre>").toString();
    }

    /**
     * The word diff as HTML without a wrapper, for short texts shown inside the page's own block (a script's version
     * history): unchanged text escaped, deletions in {@code <del>}, insertions in {@code <ins>}.
     */
    public static String inlineHtml(String before, String after) {
        var out = new StringBuilder();
        words(before, after).forEach(w -> out.append(wrap(w)));
        return out.toString();
    }

    /** The line diff as plain text: {@code + } added, {@code - } removed, unchanged lines only near a change. */
    public static String plain(String before, String after) {
        var out = new StringBuilder();
        List<Chunk> chunks = lines(withFinalBreak(before), withFinalBreak(after));
        for (int i = 0; i < chunks.size(); i++) {
            Chunk c = chunks.get(i);
            List<String> ls = splitLines(c.text());
            if (c.op() == Op.EQUAL) {
                boolean first = i == 0;
                boolean last = i == chunks.size() - 1;
                if (ls.size() > 2 && !first && !last) {
                    out.append("  ").append(stripBreak(ls.get(0))).append('\n').append("  …\n")
                            .append("  ").append(stripBreak(ls.get(ls.size() - 1))).append('\n');
                } else if (ls.size() > 1 && first && !last) {
                    out.append("  …\n").append("  ").append(stripBreak(ls.get(ls.size() - 1))).append('\n');
                } else if (ls.size() > 1 && last && !first) {
                    out.append("  ").append(stripBreak(ls.get(0))).append('\n').append("  …\n");
                } else if (!(first && last)) {
                    ls.forEach(l -> out.append("  ").append(stripBreak(l)).append('\n'));
                }
            } else {
                String sign = c.op() == Op.INSERT ? "+ " : "- ";
                ls.forEach(l -> out.append(sign).append(stripBreak(l)).append('\n'));
            }
        }
        return out.toString();
    }

    /** Whether the two texts differ at all. */
    public static boolean changed(String before, String after) {
        return !nullToEmpty(before).equals(nullToEmpty(after));
    }

    static List<Chunk> diff(List<String> a, List<String> b) {
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        var out = new ArrayList<Chunk>();
        add(out, Op.EQUAL, a.subList(0, prefix));
        List<String> midA = a.subList(prefix, a.size() - suffix);
        List<String> midB = b.subList(prefix, b.size() - suffix);
        if ((long) midA.size() * midB.size() > MAX_CELLS) {
            add(out, Op.DELETE, midA);
            add(out, Op.INSERT, midB);
        } else {
            lcs(midA, midB, out);
        }
        add(out, Op.EQUAL, a.subList(a.size() - suffix, a.size()));
        return out;
    }

    private static void lcs(List<String> a, List<String> b, List<Chunk> out) {
        int n = a.size();
        int m = b.size();
        int[][] len = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                len[i][j] = a.get(i).equals(b.get(j)) ? len[i + 1][j + 1] + 1 : Math.max(len[i + 1][j], len[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (a.get(i).equals(b.get(j))) {
                add(out, Op.EQUAL, List.of(a.get(i)));
                i++;
                j++;
            } else if (len[i + 1][j] >= len[i][j + 1]) {
                add(out, Op.DELETE, List.of(a.get(i++)));
            } else {
                add(out, Op.INSERT, List.of(b.get(j++)));
            }
        }
        add(out, Op.DELETE, a.subList(i, n));
        add(out, Op.INSERT, b.subList(j, m));
    }

    /** Appends tokens, merging with the previous chunk of the same kind; a DELETE always precedes its INSERT. */
    private static void add(List<Chunk> out, Op op, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!out.isEmpty() && out.get(out.size() - 1).op() == op) {
            out.set(out.size() - 1, new Chunk(op, out.get(out.size() - 1).text() + text));
        } else if (op == Op.DELETE && !out.isEmpty() && out.get(out.size() - 1).op() == Op.INSERT) {
            Chunk insert = out.remove(out.size() - 1);
            if (!out.isEmpty() && out.get(out.size() - 1).op() == Op.DELETE) {
                Chunk delete = out.remove(out.size() - 1);
                out.add(new Chunk(Op.DELETE, delete.text() + text));
            } else {
                out.add(new Chunk(Op.DELETE, text));
            }
            out.add(insert);
        } else {
            out.add(new Chunk(op, text));
        }
    }

    static List<String> splitLines(String text) {
        var lines = new ArrayList<String>();
        String s = nullToEmpty(text).replace("\r\n", "\n");
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\n') {
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    static List<String> splitWords(String text) {
        var tokens = new ArrayList<String>();
        String s = nullToEmpty(text);
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) && !isCjk(cp)) {
                while (end < s.length() && Character.isLetterOrDigit(s.codePointAt(end)) && !isCjk(s.codePointAt(end))) {
                    end += Character.charCount(s.codePointAt(end));
                }
            } else if (Character.isWhitespace(cp)) {
                while (end < s.length() && Character.isWhitespace(s.codePointAt(end))) {
                    end++;
                }
            }
            tokens.add(s.substring(i, end));
            i = end;
        }
        return tokens;
    }

    private static boolean isCjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static String wrap(Chunk c) {
        String escaped = HtmlUtils.htmlEscape(c.text(), "UTF-8");
        return switch (c.op()) {
            case EQUAL -> escaped;
            case DELETE -> "<del>" + escaped + "</del>";
            case INSERT -> "<ins>" + escaped + "</ins>";
        };
    }

    /** A last line without a break would otherwise differ from the same line followed by a new one. */
    private static String withFinalBreak(String text) {
        String s = nullToEmpty(text);
        return s.isEmpty() || s.endsWith("\n") ? s : s + "\n";
    }

    private static String stripBreak(String line) {
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
