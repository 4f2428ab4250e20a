package com.steadydesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Groups of equivalent terms ("退款, 退钱, 返款", "refund, money back"), immutable. A query that contains one term
 * of a group is expanded with the others. Chinese terms match as substrings of the query; Latin terms match as whole
 * stemmed words, so "refunds" triggers the "refund" group.
 */
public final class SynonymGroups {

    public static final SynonymGroups NONE = new SynonymGroups(List.of());

    private static final Pattern SEPARATORS = Pattern.compile("[,，、;；\\n\\r]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
    private static final Analyzer ENGLISH = TextAnalysis.english();

    private final List<List<Term>> groups;

    private record Term(String text, List<String> stems) {
    }

    public SynonymGroups(List<List<String>> groups) {
        this.groups = groups.stream()
                .map(g -> g.stream().map(t -> new Term(normalise(t), isCjk(t) ? List.of() : stems(normalise(t)))).toList())
                .toList();
    }

    /** One admin line → its distinct terms (commas, Chinese commas, 、 or semicolons separate them). */
    public static List<String> parse(String line) {
        Set<String> terms = new LinkedHashSet<>();
        for (String part : SEPARATORS.split(line == null ? "" : line)) {
            String term = normalise(part);
            if (!term.isEmpty()) {
                terms.add(term);
            }
        }
        return List.copyOf(terms);
    }

    /** Lower case, full-width folded to half-width, spaces collapsed: how queries and terms are compared. */
    public static String normalise(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").trim();
    }

    /** The terms to add to a query: every other term of every group that the query mentions. */
    public List<String> alternativesFor(String query) {
        if (groups.isEmpty()) {
            return List.of();
        }
        String text = normalise(query);
        List<String> queryStems = stems(text);
        Set<String> alternatives = new LinkedHashSet<>();
        for (List<Term> group : groups) {
            List<Term> mentioned = group.stream().filter(t -> mentions(text, queryStems, t)).toList();
            if (!mentioned.isEmpty()) {
                group.stream().filter(t -> !mentioned.contains(t)).map(Term::text).forEach(alternatives::add);
            }
        }
        return List.copyOf(alternatives);
    }

    public int size() {
        return groups.size();
    }

    private static boolean mentions(String text, List<String> queryStems, Term term) {
        if (term.stems().isEmpty()) {
            return !term.text().isEmpty() && text.contains(term.text());
        }
        return Collections.indexOfSubList(queryStems, term.stems()) >= 0;
    }

    private static boolean isCjk(String term) {
        return CJK.matcher(term).find();
    }

    static List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = ENGLISH.tokenStream("synonym", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
