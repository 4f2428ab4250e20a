package com.steadydesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchQuery;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/** The guarantee behind the public help center: whatever is indexed, in whatever order, a public search never yields internal content. */
class PublicSearchTests {

    static final List<String> WORDS = List.of("退款", "物流", "延迟", "补偿", "优惠券", "闪退", "发票", "refund", "delivery",
            "password", "invoice", "crash", "内部", "故障", "客服", "app", "iPhone");

    @Property(tries = 60)
    void publicSearchNeverReturnsAnInternalDocument(@ForAll("writes") @Size(min = 1, max = 30) List<Write> writes,
            @ForAll("queries") String query) throws IOException {
        Path dir = Files.createTempDirectory("public-search");
        KindIndexes indexes = new KindIndexes(dir, true);
        try {
            Map<String, Boolean> visibility = new HashMap<>();
            for (Write w : writes) {
                if (w.delete()) {
                    indexes.forKind(w.doc().kind()).delete(w.doc().id());
                    visibility.remove(w.doc().kind() + "/" + w.doc().id());
                } else {
                    indexes.forKind(w.doc().kind()).upsert(w.doc());
                    visibility.put(w.doc().kind() + "/" + w.doc().id(), w.doc().publicVisible());
                }
            }
            indexes.refreshNow();
            List<SearchHit> hits = CrossKindSearch.standalone(indexes, () -> SynonymGroups.NONE)
                    .search(new SearchQuery(query, Set.of(), Map.of(), true, 100)).hits();
            for (SearchHit hit : hits) {
                assertThat(visibility.get(hit.kind() + "/" + hit.id())).as("%s/%s", hit.kind(), hit.id()).isTrue();
            }
        } finally {
            indexes.destroy();
        }
    }

    record Write(SearchDocument doc, boolean delete) {
    }

    @Provide
    Arbitrary<List<Write>> writes() {
        Arbitrary<String> text = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join(" ", l));
        Arbitrary<SearchDocument> doc = Combinators.combine(Arbitraries.of("article", "script", "ticket"),
                        Arbitraries.integers().between(1, 8), text, text, Arbitraries.of(true, false))
                .as((kind, id, title, body, isPublic) -> new SearchDocument(kind, "d" + id, title, body, List.of(),
                        Map.of(), "zh", isPublic, Instant.EPOCH));
        return Combinators.combine(doc, Arbitraries.integers().between(0, 9)).as((d, r) -> new Write(d, r == 0)).list();
    }

    @Provide
    Arbitrary<String> queries() {
        return Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
    }
}
