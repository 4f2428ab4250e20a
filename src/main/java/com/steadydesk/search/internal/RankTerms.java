package com.steadydesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;

/**
 * Cuts a ranking query (a whole customer message, say) to its most informative words, by document frequency: every
 * word multiplies the query's clauses (three fields, three analyses, fuzzy alternatives for words the index does not
 * know), while the common and the unknown words of a chatty message hardly change which documents come first. People's
 * searches are never cut: they are short, and each word there was typed on purpose.
 */
final class RankTerms {

    static final int MAX_WORDS = 6;
    private static final List<String> ANALYSES = List.of(TextAnalysis.BIGRAMS, TextAnalysis.ENGLISH);
    private static final List<String> GROUPS = List.of("title", "body");

    private RankTerms() {
    }

    /**
     * At most {@link #MAX_WORDS} space-separated words in their order: the rarest the index knows first, then those it
     * does not know (a typo would still find its word by fuzzy matching, if there is room). Quoted text is kept whole.
     */
    static String mostInformative(String text, Analyzer analyzer, IndexReader reader) {
        String[] words = new LinkedHashSet<>(Arrays.asList(text.strip().split("\\s+"))).toArray(String[]::new);
        if (words.length <= MAX_WORDS || text.matches(".*[\"“”「」『』].*")) {
            return text;
        }
        long[] frequency = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            long known = documentFrequency(words[i], analyzer, reader);
            frequency[i] = known == 0 ? Long.MAX_VALUE : known;
        }
        boolean[] keep = new boolean[words.length];
        IntStream.range(0, words.length).boxed().sorted(Comparator.comparingLong(i -> frequency[i])).limit(MAX_WORDS).forEach(i -> keep[i] = true);
        return String.join(" ", IntStream.range(0, words.length).filter(i -> keep[i]).mapToObj(i -> words[i]).toList());
    }

    /** How many documents hold the word's rarest known part (a Chinese run's rarest bigram), 0 when none is known. */
    private static long documentFrequency(String word, Analyzer analyzer, IndexReader reader) {
        long rarest = 0;
        for (String analysis : ANALYSES) {
            for (String term : terms(word, "body" + analysis, analyzer)) {
                long documents = 0;
                try {
                    for (String group : GROUPS) {
                        documents += reader.docFreq(new Term(group + analysis, term));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (documents > 0 && (rarest == 0 || documents < rarest)) {
                    rarest = documents;
                }
            }
        }
        return rarest;
    }

    /** The terms the field's analysis makes of the text, in order. */
    static List<String> terms(String word, String field, Analyzer analyzer) {
        try (TokenStream tokens = analyzer.tokenStream(field, word)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            var found = new java.util.ArrayList<String>();
            while (tokens.incrementToken()) {
                found.add(term.toString());
            }
            tokens.end();
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
