package com.steadydesk.search.internal;

import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.Weight;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Runs one query over several kinds at once. The kinds' readers are combined into one {@link MultiReader}, so BM25
 * statistics are shared and scores of an article and a ticket are directly comparable (no per-kind normalisation
 * that would promote a kind's mediocre best hit). The public flag is a Lucene filter and checked again on every hit.
 */
@Component
public class CrossKindSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final Set<String> STORED = Set.of(IndexedDocuments.ID, IndexedDocuments.KIND, IndexedDocuments.TITLE, IndexedDocuments.PUBLIC);

    private final KindIndexes indexes;
    private final Supplier<SynonymGroups> synonyms;
    private final RelevanceQuery relevance;
    private final float minimumScore;

    CrossKindSearch(KindIndexes indexes, Supplier<SynonymGroups> synonyms,
            @Value("${steadydesk.search.gap-minimum-score:0}") float minimumScore) {
        this.indexes = indexes;
        this.synonyms = synonyms;
        this.relevance = new RelevanceQuery(indexes.analyzer());
        this.minimumScore = minimumScore;
    }

    /** For tools and tests outside Spring (the benchmark). */
    public static CrossKindSearch standalone(KindIndexes indexes, Supplier<SynonymGroups> synonyms) {
        return new CrossKindSearch(indexes, synonyms, 0f);
    }

    /** The hits, and whether the best of them answers the question (else it is a gap). */
    public record Result(List<SearchHit> hits, boolean answered) {
    }

    public Result search(SearchQuery query) {
        return search(query, true);
    }

    /** {@code withSnippets} false skips the highlighter, the dearest part of a query, for callers that only rank. */
    public Result search(SearchQuery query, boolean withSnippets) {
        List<String> kinds = query.kinds() == null || query.kinds().isEmpty()
                ? indexes.kinds()
                : query.kinds().stream().filter(k -> indexes.existing(k) != null).sorted().toList();
        if (kinds.isEmpty()) {
            return new Result(List.of(), false);
        }
        int limit = query.limit() <= 0 ? DEFAULT_LIMIT : Math.min(query.limit(), MAX_LIMIT);
        List<KindIndex.Lease> leases = new ArrayList<>(kinds.size());
        try {
            IndexReader[] readers = new IndexReader[kinds.size()];
            for (int i = 0; i < kinds.size(); i++) {
                KindIndex.Lease lease = indexes.existing(kinds.get(i)).acquire();
                leases.add(lease);
                readers[i] = lease.searcher().getIndexReader();
            }
            try (MultiReader multi = new MultiReader(readers, false)) {
                return search(new IndexSearcher(multi), query, limit, withSnippets);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (KindIndex.Lease lease : leases) {
                try {
                    lease.close();
                } catch (IOException ignored) {
                    // releasing a reader only fails if it was closed already
                }
            }
        }
    }

    private Result search(IndexSearcher searcher, SearchQuery query, int limit, boolean withSnippets) throws IOException {
        BooleanQuery.Builder filters = new BooleanQuery.Builder();
        if (query.filters() != null) {
            query.filters().forEach((name, value) -> filters.add(IndexedDocuments.filter(name, value), Occur.FILTER));
        }
        if (query.publicOnly()) {
            filters.add(new TermQuery(new Term(IndexedDocuments.PUBLIC, "true")), Occur.FILTER);
        }
        String text = query.text() == null ? "" : query.text().strip();
        TopDocs top;
        Query scoring;
        RelevanceQuery.Built built = null;
        if (text.isEmpty()) {
            scoring = filters.add(new MatchAllDocsQuery(), Occur.MUST).build();
            top = searcher.search(scoring, limit, new Sort(new SortField(IndexedDocuments.UPDATED_AT, SortField.Type.LONG, true)));
        } else {
            built = relevance.build(text, synonyms.get(), searcher.getIndexReader());
            if (built.empty()) {
                return new Result(List.of(), false);
            }
            scoring = filters.add(built.scoring(), Occur.MUST).build();
            top = searcher.search(scoring, limit);
        }
        int[] docIds = new int[top.scoreDocs.length];
        for (int i = 0; i < docIds.length; i++) {
            docIds[i] = top.scoreDocs[i].doc;
        }
        String[] snippets = built == null || !withSnippets ? new String[docIds.length]
                : Snippets.highlight(searcher, indexes.analyzer(), scoring, docIds, built.hasCjk(), built.hasLatin());
        StoredFields stored = searcher.storedFields();
        List<SearchHit> hits = new ArrayList<>(docIds.length);
        for (int i = 0; i < docIds.length; i++) {
            Document doc = stored.document(docIds[i]);
            boolean isPublic = "true".equals(doc.get(IndexedDocuments.PUBLIC));
            if (query.publicOnly() && !isPublic) {
                continue; // never reached while the filter above holds; kept so that a bug there cannot leak
            }
            Map<String, String> fields = IndexedDocuments.ownerFields(doc);
            String snippet = snippets[i] != null ? snippets[i] : "";
            float score = Float.isNaN(top.scoreDocs[i].score) ? 0f : top.scoreDocs[i].score;
            hits.add(new SearchHit(doc.get(IndexedDocuments.KIND), doc.get(IndexedDocuments.ID), doc.get(IndexedDocuments.TITLE),
                    snippet, score, fields));
        }
        boolean answered = text.isEmpty() || (top.scoreDocs.length > 0 && top.scoreDocs[0].score >= minimumScore
                && (matches(searcher, built.goodMatch(), top.scoreDocs[0])
                    || (built.typoMatch() != null && matches(searcher, built.typoMatch(), top.scoreDocs[0]))));
        return new Result(List.copyOf(hits), answered);
    }

    private static boolean matches(IndexSearcher searcher, Query query, ScoreDoc hit) throws IOException {
        Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
        Scorer scorer = weight.scorer(leaf);
        int target = hit.doc - leaf.docBase;
        return scorer != null && scorer.iterator().advance(target) == target;
    }
}
