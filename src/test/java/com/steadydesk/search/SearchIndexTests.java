package com.steadydesk.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.search.internal.SearchGaps;
import com.steadydesk.search.internal.Synonyms;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class SearchIndexTests {

    @Autowired
    SearchIndex index;
    @Autowired
    Synonyms synonyms;
    @Autowired
    SearchGaps gaps;

    @BeforeEach
    void indexFixtures() {
        SearchFixtures.articles().forEach(index::index);
        index.refreshNow();
    }

    @Test
    void indexedDocumentsBecomeSearchableWithinASecond() {
        index.index(new SearchDocument("script", "S-nrt", "优惠券补发话术", "您好，优惠券已补发到您的账户，请查收。", List.of("补偿"),
                Map.of("url", "/scripts/S-nrt"), "zh", false, Instant.now()));
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(index.search(new SearchQuery("优惠券补发", Set.of("script"), Map.of(), false, 5)))
                        .extracting(SearchHit::id).containsExactly("S-nrt"));
        assertThat(index.search(new SearchQuery("优惠券补发", Set.of("script"), Map.of(), false, 5)).get(0).fields())
                .containsEntry("url", "/scripts/S-nrt");
    }

    @Test
    void publicSearchShowsOnlyPublicArticles() {
        index.index(new SearchDocument("ticket", "T-pub", "退款申请", "客户要求退款", List.of(), Map.of(), "zh", true, Instant.now()));
        index.refreshNow();
        List<SearchHit> hits = index.searchPublic("退款 补偿", 50);
        assertThat(hits).isNotEmpty().extracting(SearchHit::id).doesNotContain("internal-compensation", "T-pub");
        assertThat(hits).extracting(SearchHit::kind).containsOnly("article");
    }

    @Test
    void adminSynonymsApplyWithoutReindexing() {
        assertThat(index.search(new SearchQuery("返款", Set.of("article"), Map.of(), false, 5))).extracting(SearchHit::id).doesNotContain("refund");
        long id = synonyms.add("退款，退钱、返款", "admin");
        try {
            assertThat(index.search(new SearchQuery("返款", Set.of("article"), Map.of(), false, 5)).get(0).id()).isEqualTo("refund");
        } finally {
            synonyms.delete(id);
        }
        assertThat(index.search(new SearchQuery("返款", Set.of("article"), Map.of(), false, 5))).extracting(SearchHit::id).doesNotContain("refund");
    }

    @Test
    void questionsWithoutAnswerAreLoggedOnceWithACount() {
        // other tests in this context may have logged "退款" while their index had no answer: compare counts, not presence
        gaps.flush();
        long refundAskedBefore = refundAsked(gaps.open(SearchGaps.Order.NEWEST, null, 200).rows());
        index.searchPublic("发票抬头怎么改", 10);
        index.searchPublic("发票抬头怎么改 ", 10);
        index.search(new SearchQuery("退款", Set.of(), Map.of(), false, 10));
        gaps.flush();
        List<SearchGaps.Gap> open = gaps.open(SearchGaps.Order.NEWEST, null, 200).rows();
        assertThat(open).filteredOn(g -> g.query().equals("发票抬头怎么改"))
                .singleElement().satisfies(g -> {
                    assertThat(g.askedCount()).isEqualTo(2);
                    assertThat(g.publicSearch()).isTrue();
                });
        assertThat(refundAsked(open)).as("a question with an answer is no gap").isEqualTo(refundAskedBefore);
        long gapId = open.stream().filter(g -> g.query().equals("发票抬头怎么改")).findFirst().orElseThrow().id();
        gaps.resolve(gapId, "admin");
        assertThat(gaps.open(SearchGaps.Order.MOST_ASKED, null, 50).rows()).extracting(SearchGaps.Gap::id).doesNotContain(gapId);
    }

    private static long refundAsked(List<SearchGaps.Gap> open) {
        return open.stream().filter(g -> g.query().equals("退款")).mapToLong(SearchGaps.Gap::askedCount).sum();
    }
}
