package com.steadydesk.platform;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.util.HtmlUtils;

/**
 * The one diff of two versions of a text (scripts, articles, source-of-truth pages): java-diff-utils (Myers) line by
 * line, and word by word (single characters for Chinese, which has no spaces); what is ours is the tokenising and the
 * HTML that the pages show. Two HTML forms:
 * {@link #html} for page-like texts (a {@code <pre>} of lines), {@link #inlineHtml} for short texts shown in place.
 */
public final class TextDiff {

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
        var out = new ArrayList<Chunk>();
        int at = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int from = delta.getSource().getPosition();
            add(out, Op.EQUAL, a.subList(at, from));
            add(out, Op.DELETE, delta.getSource().getLines());
            add(out, Op.INSERT, delta.getTarget().getLines());
            at = from + delta.getSource().size();
        }
        add(out, Op.EQUAL, a.subList(at, a.size()));
        return out;
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
