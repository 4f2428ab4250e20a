package com.steadydesk.search.internal;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.springframework.web.util.HtmlUtils;

/**
 * Highlighted passages of the body: the bigram analysis (Chinese, exact substrings) and the English one (stems,
 * typos) are highlighted from the single stored body and the richer of the two wins. Everything is HTML-escaped
 * except the {@code <mark>} tags.
 */
final class Snippets {

    private static final String[] FIELDS = {"body" + TextAnalysis.BIGRAMS, "body" + TextAnalysis.ENGLISH};
    private static final int MAX_CHARS = 20_000;
    private static final int PASSAGE_CHARS = 90;
    private static final int FALLBACK_CHARS = 140;

    private Snippets() {
    }

    static String[] highlight(IndexSearcher searcher, Analyzer analyzer, Query query, int[] docIds) throws IOException {
        String[] out = new String[docIds.length];
        if (docIds.length == 0) {
            return out;
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(0)
                .withHandleMultiTermQuery(true)
                .withHighlightPhrasesStrictly(false)
                .withMaxLength(MAX_CHARS)
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f));
        int[] passages = new int[FIELDS.length];
        Arrays.fill(passages, 2);
        Map<String, String[]> byField = new StoredBodyHighlighter(builder).highlightFields(FIELDS, query, docIds, passages);
        StoredFields stored = searcher.storedFields();
        for (int i = 0; i < docIds.length; i++) {
            String best = null;
            int bestMarks = 0;
            for (String field : FIELDS) {
                String candidate = byField.get(field)[i];
                int marks = candidate == null ? 0 : countMarks(candidate);
                if (marks > bestMarks) {
                    best = candidate;
                    bestMarks = marks;
                }
            }
            out[i] = best != null ? best.replace("</mark><mark>", "") : fallback(stored.document(docIds[i], Set.of(IndexedDocuments.BODY)).get(IndexedDocuments.BODY));
        }
        return out;
    }

    private static int countMarks(String html) {
        int count = 0;
        for (int at = html.indexOf("<mark>"); at >= 0; at = html.indexOf("<mark>", at + 6)) {
            count++;
        }
        return count;
    }

    private static String fallback(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String text = body.strip();
        return HtmlUtils.htmlEscape(text.length() > FALLBACK_CHARS ? text.substring(0, FALLBACK_CHARS) + "…" : text);
    }

    /** Reads every highlighted field's text from the one stored {@code body}, so the body is stored only once. */
    private static final class StoredBodyHighlighter extends UnifiedHighlighter {

        StoredBodyHighlighter(Builder builder) {
            super(builder);
        }

        @Override
        protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
            List<CharSequence[]> values = new ArrayList<>();
            StoredFields stored = searcher.storedFields();
            for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                String body = stored.document(doc, Set.of(IndexedDocuments.BODY)).get(IndexedDocuments.BODY);
                CharSequence[] perField = new CharSequence[fields.length];
                Arrays.fill(perField, body == null ? "" : body);
                values.add(perField);
            }
            return values;
        }
    }
}
