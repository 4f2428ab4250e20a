package com.steadydesk.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Turns what a person typed into a Lucene query that a support team finds sensible:
 * <ul>
 * <li>every analysis of every text group, all words required within a field ("strict"); title counts more than
 * tags, tags more than body; a smartcn word match more than a bigram match;</li>
 * <li>a looser any-words clause on bigrams and English for recall, at a fraction of the weight;</li>
 * <li>a boost when the whole query appears as a phrase; "quoted" phrases are required;</li>
 * <li>fuzzy English terms (1 edit from 4 letters, 2 from 8) for typos, never for Chinese;</li>
 * <li>synonym alternatives, each treated like a strict query of its own, slightly lower.</li>
 * </ul>
 * {@link Built#goodMatch()} is the part a result must match to count as an answer (gap logging).
 */
public final class RelevanceQuery {

    static final Map<String, Float> GROUP_BOOST = Map.of("title", 3f, "tags", 2f, "body", 1f);
    static final Map<String, Float> ANALYSIS_BOOST = Map.of(TextAnalysis.WORDS, 1.5f, TextAnalysis.BIGRAMS, 1f, TextAnalysis.ENGLISH, 1.2f);
    private static final List<String> ANALYSES = List.of(TextAnalysis.WORDS, TextAnalysis.BIGRAMS, TextAnalysis.ENGLISH);
    private static final float LOOSE = 0.3f;
    private static final float SYNONYM = 0.9f;
    private static final float FUZZY = 0.5f;
    private static final Pattern QUOTED = Pattern.compile("[\"“”「『]([^\"“”「」『』]+)[\"“”」』]");
    private static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z]+");
    private static final Pattern CJK = Pattern.compile("[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsHangul}]");
    private static final int MAX_QUERY_CHARS = 200;

    /** The scoring query, and what counts as a good match for the gap log. */
    public record Built(Query scoring, Query goodMatch, boolean empty) {
    }

    private final QueryBuilder builder;

    public RelevanceQuery(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
    }

    public Built build(String rawText, SynonymGroups synonyms) {
        String text = rawText == null ? "" : rawText.strip();
        if (text.length() > MAX_QUERY_CHARS) {
            text = text.substring(0, MAX_QUERY_CHARS);
        }
        List<String> quoted = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            quoted.add(m.group(1).strip());
        }
        String all = text.replaceAll("[\"“”「」『』]", " ").strip();

        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        BooleanQuery.Builder good = new BooleanQuery.Builder();
        addStrict(scoring, good, all, 1f);
        addLoose(scoring, all);
        addWholePhrase(scoring, all);
        addFuzzy(scoring, good, all);
        for (String alternative : synonyms.alternativesFor(all)) {
            addStrict(scoring, good, alternative, SYNONYM);
        }
        BooleanQuery scoringQuery = scoring.build();
        if (quoted.isEmpty()) {
            return new Built(scoringQuery, good.build(), scoringQuery.clauses().isEmpty());
        }
        BooleanQuery.Builder withPhrases = new BooleanQuery.Builder().add(scoringQuery, Occur.SHOULD);
        BooleanQuery.Builder goodWithPhrases = new BooleanQuery.Builder().add(good.build(), Occur.SHOULD);
        for (String phrase : quoted) {
            Query required = quotedPhrase(phrase);
            if (required != null) {
                withPhrases.add(required, Occur.MUST);
                goodWithPhrases.add(required, Occur.FILTER);
            }
        }
        return new Built(withPhrases.build(), goodWithPhrases.build(), false);
    }

    private void addStrict(BooleanQuery.Builder scoring, BooleanQuery.Builder good, String text, float factor) {
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : ANALYSES) {
                Query q = builder.createBooleanQuery(group + analysis, text, Occur.MUST);
                if (q != null) {
                    Query boosted = new BoostQuery(q, GROUP_BOOST.get(group) * ANALYSIS_BOOST.get(analysis) * factor);
                    scoring.add(boosted, Occur.SHOULD);
                    good.add(q, Occur.SHOULD);
                }
            }
        }
    }

    private void addLoose(BooleanQuery.Builder scoring, String text) {
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : List.of(TextAnalysis.BIGRAMS, TextAnalysis.ENGLISH)) {
                Query q = builder.createBooleanQuery(group + analysis, text, Occur.SHOULD);
                if (q instanceof BooleanQuery bq && bq.clauses().size() > 1) {
                    BooleanQuery.Builder atLeastHalf = new BooleanQuery.Builder();
                    for (BooleanClause clause : bq.clauses()) {
                        atLeastHalf.add(clause);
                    }
                    int n = bq.clauses().size();
                    atLeastHalf.setMinimumNumberShouldMatch(n >= 3 ? (n + 1) / 2 : 1);
                    scoring.add(new BoostQuery(atLeastHalf.build(), GROUP_BOOST.get(group) * ANALYSIS_BOOST.get(analysis) * LOOSE), Occur.SHOULD);
                }
            }
        }
    }

    private void addWholePhrase(BooleanQuery.Builder scoring, String text) {
        for (String group : List.of("title", "body")) {
            Query bigramPhrase = builder.createPhraseQuery(group + TextAnalysis.BIGRAMS, text, 0);
            if (bigramPhrase instanceof PhraseQuery) {
                scoring.add(new BoostQuery(bigramPhrase, GROUP_BOOST.get(group) * 2f), Occur.SHOULD);
            }
            Query englishPhrase = builder.createPhraseQuery(group + TextAnalysis.ENGLISH, text, 1);
            if (englishPhrase instanceof PhraseQuery) {
                scoring.add(new BoostQuery(englishPhrase, GROUP_BOOST.get(group) * 1.5f), Occur.SHOULD);
            }
        }
    }

    /**
     * Fuzzy on the stem of each Latin word. When the query is all Latin, a result matching every word exactly or
     * within the allowed edits is a good match, so a typo does not count as a question without an answer.
     */
    private void addFuzzy(BooleanQuery.Builder scoring, BooleanQuery.Builder good, String text) {
        Matcher words = LATIN_WORD.matcher(text);
        BooleanQuery.Builder everyWord = new BooleanQuery.Builder();
        int wordCount = 0;
        while (words.find()) {
            String word = words.group();
            List<String> stems = SynonymGroups.stems(word);
            if (stems.size() != 1) {
                continue;
            }
            String stem = stems.get(0);
            int edits = word.length() >= 8 ? 2 : word.length() >= 4 ? 1 : 0;
            List<Query> alternatives = new ArrayList<>();
            for (String group : List.of("title", "body")) {
                String field = group + TextAnalysis.ENGLISH;
                alternatives.add(new org.apache.lucene.search.TermQuery(new Term(field, stem)));
                if (edits > 0) {
                    FuzzyQuery fuzzy = new FuzzyQuery(new Term(field, stem), edits, 1, 50, true);
                    scoring.add(new BoostQuery(fuzzy, GROUP_BOOST.get(group) * FUZZY), Occur.SHOULD);
                    alternatives.add(fuzzy);
                }
            }
            everyWord.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.MUST);
            wordCount++;
        }
        if (wordCount > 0 && !CJK.matcher(text).find()) {
            good.add(everyWord.build(), Occur.SHOULD);
        }
    }

    private Query quotedPhrase(String phrase) {
        List<Query> alternatives = new ArrayList<>();
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : List.of(TextAnalysis.BIGRAMS, TextAnalysis.ENGLISH)) {
                Query q = builder.createPhraseQuery(group + analysis, phrase, 0);
                if (q != null) {
                    alternatives.add(new BoostQuery(q, GROUP_BOOST.get(group) * 2f));
                }
            }
        }
        return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }
}
