package com.steadydesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchFixtures;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Relevance on real Lucene indexes in a temporary directory, with the help-center fixtures. */
class CrossKindSearchTests {

    @TempDir
    Path dir;
    KindIndexes indexes;
    AtomicReference<SynonymGroups> synonyms = new AtomicReference<>(SynonymGroups.NONE);
    CrossKindSearch search;

    @BeforeEach
    void indexFixtures() {
        indexes = new KindIndexes(dir, false);
        search = CrossKindSearch.standalone(indexes, synonyms::get);
        SearchFixtures.articles().forEach(doc -> indexes.forKind(doc.kind()).upsert(doc));
        indexes.refreshNow();
    }

    @AfterEach
    void close() {
        indexes.destroy();
    }

    List<String> ids(String text) {
        return ids(new SearchQuery(text, Set.of(), Map.of(), false, 10));
    }

    List<String> ids(SearchQuery query) {
        return search.search(query).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void twoCharacterChineseWordFindsItsArticleFirst() {
        List<String> ids = ids("退款");
        assertThat(ids.get(0)).isEqualTo("refund");
        assertThat(ids).contains("iphone-refund").doesNotContain("payment", "return");
    }

    @Test
    void phraseRanksTheExactPhraseFirst() {
        List<String> ids = ids("物流延迟");
        assertThat(ids.get(0)).isEqualTo("delay");
        assertThat(ids).contains("tracking");
    }

    @Test
    void mixedChineseEnglishQueryFindsTheArticleWithBoth() {
        assertThat(ids("iPhone 退款").get(0)).isEqualTo("iphone-refund");
        assertThat(ids("APP 闪退").get(0)).isEqualTo("app-crash");
        assertThat(ids("app闪退").get(0)).isEqualTo("app-crash");
    }

    @Test
    void englishTypoStillFindsItsArticle() {
        assertThat(ids("refnud").get(0)).isEqualTo("en-refund");
        assertThat(ids("pasword reset").get(0)).isEqualTo("en-password");
        assertThat(search.search(new SearchQuery("refnud", Set.of(), Map.of(), false, 10)).answered()).isTrue();
    }

    @Test
    void englishStemmingMatchesOtherFormsOfAWord() {
        assertThat(ids("refunded").get(0)).isEqualTo("en-refund");
        assertThat(ids("invoice").get(0)).isEqualTo("en-invoice");
        assertThat(ids("delayed parcels").get(0)).isEqualTo("en-delivery");
    }

    @Test
    void synonymsExpandTheQueryUntilTheGroupIsRemoved() {
        assertThat(ids("退钱")).doesNotContain("refund");
        synonyms.set(new SynonymGroups(List.of(List.of("退款", "退钱", "返款"), List.of("refund", "money back"))));
        assertThat(ids("怎么退钱").get(0)).isEqualTo("refund");
        assertThat(ids("money back").get(0)).isEqualTo("en-refund");
        synonyms.set(SynonymGroups.NONE);
        assertThat(ids("退钱")).doesNotContain("refund");
    }

    @Test
    void snippetsHighlightTheMatchAndEscapeTheRest() {
        indexes.forKind("article").upsert(SearchFixtures.article("html", "脚本注入测试", "<script>alert(1)</script> 退款 & 售后", true, "测试", "zh"));
        indexes.refreshNow();
        SearchHit hit = search.search(new SearchQuery("退款", Set.of(), Map.of("category", "测试"), false, 5)).hits().get(0);
        assertThat(hit.snippetHtml()).contains("<mark>退款</mark>").contains("&lt;script&gt;").doesNotContain("<script>");
        SearchHit english = search.search(new SearchQuery("refunds", Set.of(), Map.of(), false, 5)).hits().get(0);
        assertThat(english.snippetHtml()).contains("<mark>refund</mark>");
    }

    @Test
    void publicOnlyNeverReturnsInternalArticles() {
        assertThat(ids("补偿")).contains("internal-compensation");
        assertThat(ids(new SearchQuery("补偿 退款", Set.of(), Map.of(), true, 50))).doesNotContain("internal-compensation").contains("refund");
    }

    @Test
    void filtersAreExact() {
        assertThat(ids(new SearchQuery("退款", Set.of(), Map.of("category", "售后"), false, 10)))
                .contains("refund", "iphone-refund").doesNotContain("internal-compensation");
        assertThat(ids(new SearchQuery("refund", Set.of(), Map.of("language", "zh"), false, 10))).doesNotContain("en-refund");
        assertThat(ids(new SearchQuery("", Set.of("article"), Map.of("category", "物流"), false, 10))).containsExactlyInAnyOrder("delay", "tracking");
    }

    @Test
    void deleteAndUpsertTakeEffect() {
        indexes.forKind("article").delete("delay");
        indexes.forKind("article").upsert(SearchFixtures.article("tracking", "快递单号查询", "复制快递单号到快递公司官网查询。", true, "物流", "zh"));
        indexes.refreshNow();
        assertThat(ids("物流延迟")).doesNotContain("delay", "tracking");
        assertThat(ids("快递单号")).containsExactly("tracking");
    }

    @Test
    void resultsOfSeveralKindsAreMergedAndKindsCanBeChosen() {
        indexes.forKind("ticket").upsert(new SearchDocument("ticket", "T-1", "我要退款", "买的耳机坏了，要求退款", List.of(), Map.of(),
                "zh", false, Instant.now()));
        indexes.refreshNow();
        assertThat(search.search(new SearchQuery("退款", Set.of(), Map.of(), false, 20)).hits())
                .extracting(SearchHit::kind).contains("article", "ticket");
        assertThat(ids(new SearchQuery("退款", Set.of("ticket"), Map.of(), false, 20))).containsExactly("T-1");
        assertThat(ids(new SearchQuery("退款", Set.of("script"), Map.of(), false, 20))).isEmpty();
    }

    @Test
    void aQuestionWithoutAGoodMatchIsNotAnswered() {
        assertThat(search.search(new SearchQuery("发票抬头修改", Set.of(), Map.of(), false, 10)).answered()).isFalse();
        assertThat(search.search(new SearchQuery("退款", Set.of(), Map.of(), false, 10)).answered()).isTrue();
    }

    /** A chatty customer message of about {@code length} characters: Chinese, some English words, spaces and punctuation. */
    static String longMessage(int length) {
        String sentence = "您好，我上周在你们店买的 iPhone 手机屏幕碎了，申请退款以后一直没有到账，物流信息也好几天不更新，请尽快帮我处理一下退款进度！";
        var text = new StringBuilder();
        while (text.length() < length) {
            text.append(sentence).append(text.length() % 3 == 0 ? " " : "");
        }
        return text.substring(0, length);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {600, 5_000, 100_000})
    void aVeryLongQueryIsSearchedByItsBeginningOnEveryPath(int length) {
        String text = longMessage(length);
        // English: every word not in the index gets fuzzy alternatives, each of which expands to many terms
        String english = ("Hello, I ordered an iphone last week and the screen arrived cracked. I asked for a refund but the money "
                + "never arrived and the tracking has not updated for days, pleese chekc my refnud ").repeat(length / 150 + 1).substring(0, length);
        assertThat(search.search(new SearchQuery(english, Set.of("article"), Map.of(), true, 10)).hits()).isNotEmpty();
        assertThat(search.search(new SearchQuery(english, Set.of("article"), Map.of(), false, 10), false).hits()).isNotEmpty();
        // the help center's search (public, with snippets and the gap check) and the staff search of one kind
        assertThat(search.search(new SearchQuery(text, Set.of("article"), Map.of(), true, 10)).hits()).isNotEmpty();
        assertThat(search.search(new SearchQuery(text, Set.of(), Map.of(), false, 10)).hits()).isNotEmpty();
        // the reply suggestions rank without snippets
        assertThat(search.search(new SearchQuery(text, Set.of("article"), Map.of(), false, 10), false).hits()).isNotEmpty();
        // nothing but CJK and no spaces at all: the worst case for the number of clauses
        String han = text.replaceAll("[^\\p{IsHan}]", "");
        assertThat(search.search(new SearchQuery(han, Set.of(), Map.of(), true, 10)).hits()).isNotEmpty();
        // within what Lucene takes (else TooManyNestedClauses, a 500), even on an index where every word is fuzzy
        var relevance = new RelevanceQuery(indexes.analyzer());
        for (String query : List.of(text, han, english)) {
            assertThat(RelevanceQuery.clauses(relevance.build(query, SynonymGroups.NONE, null).scoring())).isLessThanOrEqualTo(RelevanceQuery.CLAUSE_BUDGET);
        }
    }
}
