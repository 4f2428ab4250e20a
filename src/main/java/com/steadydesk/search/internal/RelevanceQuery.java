package com.steadydesk.search.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
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
 * {@link Built#goodMatch()} is the part a result must match to count as an answer (gap logging). A text too long for all
 * that (more clauses than Lucene takes) is searched by its key terms instead, in this one place for every caller.
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
    /** Longer texts are searched by their key terms ({@link #keyTerms}). */
    private static final int MAX_QUERY_CHARS = 200;
    /** Leaf clauses a query may have once rewritten: Lucene refuses more than its maximum; some room for the caller's filters. */
    static final int CLAUSE_BUDGET = IndexSearcher.getMaxClauseCount() - 24;
    private static final int FUZZY_EXPANSIONS = 50;
    private static final int MAX_KEY_TERMS = 12;
    private static final int KEY_TERMS_FROM_CHARS = 2_000;

    /** The scoring query, and what counts as a good match for the gap log. */
    public record Built(Query scoring, Query goodMatch, Query typoMatch, boolean empty, boolean hasCjk, boolean hasLatin) {
    }

    private final QueryBuilder builder;
    private final Analyzer analyzer;

    public RelevanceQuery(Analyzer analyzer) {
        this.builder = new QueryBuilder(analyzer);
        this.analyzer = analyzer;
    }

    public Built build(String rawText, SynonymGroups synonyms) {
        return build(rawText, synonyms, null);
    }

    /**
     * With a reader, a Latin word gets fuzzy alternatives only when the index does not know it as written: a typo
     * usually is not a word of the corpus, and fuzzy expansion of a common word costs much and adds noise.
     */
    public Built build(String rawText, SynonymGroups synonyms, IndexReader reader) {
        String text = rawText == null ? "" : rawText.strip();
        if (text.length() <= MAX_QUERY_CHARS) {
            Built full = buildFull(text, synonyms, reader);
            if (clauses(full.scoring()) <= CLAUSE_BUDGET) {
                return full;
            }
        }
        return keyTerms(text, reader);
    }

    private Built buildFull(String text, SynonymGroups synonyms, IndexReader reader) {
        List<String> quoted = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            quoted.add(m.group(1).strip());
        }
        String all = text.replaceAll("[\"“”「」『』]", " ").strip();

        boolean hasCjk = CJK.matcher(all).find();
        boolean hasLatin = LATIN_WORD.matcher(all).find();
        // Latin text is analysed nearly alike by all three analyses; the English one (with stems) suffices.
        List<String> analyses = hasCjk ? ANALYSES : List.of(TextAnalysis.ENGLISH);
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        BooleanQuery.Builder good = new BooleanQuery.Builder();
        addStrict(scoring, good, all, 1f, analyses);
        addLoose(scoring, all, analyses);
        addWholePhrase(scoring, all, analyses);
        Query typo = addFuzzy(scoring, all, reader);
        for (String alternative : synonyms.alternativesFor(all)) {
            addStrict(scoring, good, alternative, SYNONYM, CJK.matcher(alternative).find() ? ANALYSES : List.of(TextAnalysis.ENGLISH));
        }
        BooleanQuery scoringQuery = scoring.build();
        if (quoted.isEmpty()) {
            return new Built(scoringQuery, good.build(), typo, scoringQuery.clauses().isEmpty(), hasCjk, hasLatin);
        }
        BooleanQuery.Builder withPhrases = new BooleanQuery.Builder().add(scoringQuery, Occur.SHOULD);
        BooleanQuery.Builder goodWithPhrases = new BooleanQuery.Builder().add(good.build(), Occur.SHOULD);
        for (String phrase : quoted) {
            Query required = quotedPhrase(phrase, analyses);
            if (required != null) {
                withPhrases.add(required, Occur.MUST);
                goodWithPhrases.add(required, Occur.FILTER);
            }
        }
        return new Built(withPhrases.build(), goodWithPhrases.build(), null, false, hasCjk, hasLatin);
    }

    /**
     * A long text (a whole customer message pasted into a search box, say) as its most informative words: every word of
     * it as a required term in every field and analysis, with fuzzy alternatives, makes more clauses than Lucene takes
     * (TooManyNestedClauses) and finds nothing anyway, since no article holds every word of a long message. Its
     * smartcn words (from the beginning of the text), rarest in the index first, each in any field; a result
     * matching two of them (one, if only one is known) counts as an answer.
     */
    private Built keyTerms(String text, IndexReader reader) {
        String head = text.length() > KEY_TERMS_FROM_CHARS ? text.substring(0, KEY_TERMS_FROM_CHARS) : text;
        List<String> words = new ArrayList<>(new LinkedHashSet<>(RankTerms.terms(head, "body" + TextAnalysis.WORDS, analyzer)));
        words.removeIf(word -> word.length() < 2);
        if (reader != null) {
            Map<String, Integer> frequency = new HashMap<>();
            for (String word : words) {
                frequency.put(word, documentFrequency(reader, word));
            }
            words.removeIf(word -> frequency.get(word) == 0);
            words.sort(Comparator.comparingInt(frequency::get));
        }
        List<String> kept = words.subList(0, Math.min(words.size(), MAX_KEY_TERMS));
        BooleanQuery.Builder scoring = new BooleanQuery.Builder();
        for (String word : kept) {
            List<Query> inFields = new ArrayList<>();
            for (String group : TextAnalysis.GROUPS) {
                inFields.add(new BoostQuery(new TermQuery(new Term(group + TextAnalysis.WORDS, word)), GROUP_BOOST.get(group)));
            }
            scoring.add(new DisjunctionMaxQuery(inFields, 0.1f), Occur.SHOULD);
        }
        BooleanQuery scoringQuery = scoring.build();
        BooleanQuery.Builder good = new BooleanQuery.Builder().setMinimumNumberShouldMatch(Math.min(2, kept.size()));
        scoringQuery.clauses().forEach(good::add);
        return new Built(scoringQuery, good.build(), null, kept.isEmpty(), CJK.matcher(head).find(), LATIN_WORD.matcher(head).find());
    }

    private static int documentFrequency(IndexReader reader, String word) {
        try {
            int documents = 0;
            for (String group : TextAnalysis.GROUPS) {
                documents += reader.docFreq(new Term(group + TextAnalysis.WORDS, word));
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaf clauses the query will have once rewritten; a fuzzy term counts as all the terms it may expand to. */
    static int clauses(Query query) {
        int[] count = {0};
        query.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query q, Term... terms) {
                count[0] += terms.length;
            }

            @Override
            public void consumeTermsMatching(Query q, String field, java.util.function.Supplier<org.apache.lucene.util.automaton.ByteRunAutomaton> automaton) {
                count[0] += FUZZY_EXPANSIONS;
            }

            @Override
            public void visitLeaf(Query q) {
                count[0]++;
            }

            @Override
            public QueryVisitor getSubVisitor(Occur occur, Query parent) {
                return this;
            }
        });
        return count[0];
    }

    private void addStrict(BooleanQuery.Builder scoring, BooleanQuery.Builder good, String text, float factor, List<String> analyses) {
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : analyses) {
                Query q = builder.createBooleanQuery(group + analysis, text, Occur.MUST);
                if (q != null) {
                    Query boosted = new BoostQuery(q, GROUP_BOOST.get(group) * ANALYSIS_BOOST.get(analysis) * factor);
                    scoring.add(boosted, Occur.SHOULD);
                    good.add(q, Occur.SHOULD);
                }
            }
        }
    }

    private void addLoose(BooleanQuery.Builder scoring, String text, List<String> analyses) {
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : analyses) {
                if (analysis.equals(TextAnalysis.WORDS)) {
                    continue;
                }
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

    private void addWholePhrase(BooleanQuery.Builder scoring, String text, List<String> analyses) {
        for (String group : List.of("title", "body")) {
            Query bigramPhrase = analyses.contains(TextAnalysis.BIGRAMS) ? builder.createPhraseQuery(group + TextAnalysis.BIGRAMS, text, 0) : null;
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
     * within the allowed edits is a good match (returned, checked only when the strict match fails, since rewriting
     * fuzzy terms costs), so a typo does not count as a question without an answer.
     */
    private Query addFuzzy(BooleanQuery.Builder scoring, String text, IndexReader reader) {
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
            if (edits > 0 && reader != null && known(reader, stem)) {
                edits = 0;
            }
            List<Query> alternatives = new ArrayList<>();
            for (String group : List.of("title", "body")) {
                String field = group + TextAnalysis.ENGLISH;
                alternatives.add(new TermQuery(new Term(field, stem)));
                if (edits > 0) {
                    FuzzyQuery fuzzy = new FuzzyQuery(new Term(field, stem), edits, 1, FUZZY_EXPANSIONS, true);
                    scoring.add(new BoostQuery(fuzzy, GROUP_BOOST.get(group) * FUZZY), Occur.SHOULD);
                    alternatives.add(fuzzy);
                }
            }
            everyWord.add(new DisjunctionMaxQuery(alternatives, 0f), Occur.MUST);
            wordCount++;
        }
        return wordCount > 0 && !CJK.matcher(text).find() ? everyWord.build() : null;
    }

    private static boolean known(IndexReader reader, String stem) {
        try {
            return reader.docFreq(new Term("body" + TextAnalysis.ENGLISH, stem)) > 0
                    || reader.docFreq(new Term("title" + TextAnalysis.ENGLISH, stem)) > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query quotedPhrase(String phrase, List<String> analyses) {
        List<Query> alternatives = new ArrayList<>();
        for (String group : TextAnalysis.GROUPS) {
            for (String analysis : analyses) {
                if (analysis.equals(TextAnalysis.WORDS)) {
                    continue;
                }
                Query q = builder.createPhraseQuery(group + analysis, phrase, 0);
                if (q != null) {
                    alternatives.add(new BoostQuery(q, GROUP_BOOST.get(group) * 2f));
                }
            }
        }
        return alternatives.isEmpty() ? null : new DisjunctionMaxQuery(alternatives, 0.1f);
    }
}
