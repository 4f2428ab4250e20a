package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.internal.Synonyms;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The search checks, through the knowledge module: what it indexes and what the help center shows. */
@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
class KnowledgeSearchTests {

    @Autowired
    ArticleManagement articles;
    @Autowired
    SearchIndex index;
    @Autowired
    Synonyms synonyms;
    @Autowired
    MockMvc mvc;

    long refund;
    long address;
    long appCrash;
    long password;
    long refundPolicy;
    long internalGuide;

    @BeforeEach
    void articles() {
        refund = published(articles, "st-refund-time", "退款多久到账", "申请退款后，款项会在3-5个工作日内原路退回到您的支付账户。", "zh-CN", Visibility.PUBLIC, "退款");
        address = published(articles, "st-change-address", "如何修改收货地址", "订单发货前，您可以在“我的订单”页面修改收货地址；发货后请联系在线客服。", "zh-CN", Visibility.PUBLIC, "订单");
        published(articles, "st-logistics", "物流信息长时间不更新怎么办", "快递运输途中可能暂时没有扫描记录，超过72小时未更新请联系客服。", "zh-CN", Visibility.PUBLIC, "物流");
        appCrash = published(articles, "st-iphone-crash", "App 打开后闪退怎么办", "如果 iPhone 上的 App 一打开就闪退，请先升级到最新版本，再重启手机。", "zh-CN", Visibility.PUBLIC, "故障");
        password = published(articles, "st-reset-password", "How to reset your password", "If you forgot your password, choose Forgot password on the login page. We email you a reset link.", "en", Visibility.PUBLIC, "account");
        refundPolicy = published(articles, "st-refund-policy", "Refund policy", "You can ask for a refund within 30 days of delivery. Refunds go back to the original payment method.", "en", Visibility.PUBLIC, "refund");
        published(articles, "st-shipping", "Shipping times", "Standard shipping takes 3 to 5 business days within mainland China.", "en", Visibility.PUBLIC, "shipping");
        internalGuide = published(articles, "st-crisis-wording", "危机期间话术使用指南", "内部资料：危机期间回复客户时只使用统一口径，退款承诺以事实页为准。", "zh-CN", Visibility.INTERNAL, "危机");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            index.refreshNow();
            assertThat(articles.search("危机期间话术", Map.of(), 5)).extracting(SearchHit::id).contains(String.valueOf(internalGuide));
            assertThat(index.searchPublic("Shipping times", 5)).isNotEmpty();
        });
    }

    @Test
    void aTwoCharacterChineseWordFindsItsArticleFirst() {
        assertThat(first(index.searchPublic("退款", 10))).isEqualTo(refund);
    }

    @Test
    void aChinesePhraseFindsItsArticleFirst() {
        assertThat(first(index.searchPublic("修改收货地址", 10))).isEqualTo(address);
    }

    @Test
    void aMixedChineseEnglishQueryFindsItsArticleFirst() {
        assertThat(first(index.searchPublic("iPhone 闪退", 10))).isEqualTo(appCrash);
    }

    @Test
    void anEnglishQueryWithATypoStillFindsItsArticle() {
        assertThat(first(index.searchPublic("resett pasword", 10))).isEqualTo(password);
    }

    @Test
    void adminSynonymsFindTheArticleByAnotherWord() {
        assertThat(index.searchPublic("退钱", 10)).extracting(SearchHit::id).doesNotContain(String.valueOf(refund));
        long chinese = synonyms.add("退款, 退钱", "kb-admin");
        long english = synonyms.add("refund, reimbursement", "kb-admin");
        try {
            assertThat(first(index.searchPublic("退钱", 10))).isEqualTo(refund);
            assertThat(first(index.searchPublic("reimbursement", 10))).isEqualTo(refundPolicy);
        } finally {
            synonyms.delete(chinese);
            synonyms.delete(english);
        }
    }

    @Test
    void staffSearchFindsInternalArticlesWithHighlights() {
        List<SearchHit> hits = articles.search("统一口径", Map.of(), 5);
        assertThat(first(hits)).isEqualTo(internalGuide);
        assertThat(hits.get(0).snippetHtml()).contains("<mark>");
    }

    @Test
    void anInternalArticleNeverAppearsToThePublic() throws Exception {
        assertThat(index.searchPublic("危机期间话术使用指南", 20)).extracting(SearchHit::id).doesNotContain(String.valueOf(internalGuide));
        String html = mvc.perform(get("/help/search").param("q", "危机期间话术使用指南")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).doesNotContain("危机期间话术使用指南</a>").doesNotContain("/help/articles/st-crisis-wording");
        mvc.perform(get("/help/articles/st-crisis-wording")).andExpect(status().isNotFound());
    }

    @Test
    void theHelpCenterSearchShowsHighlightedPublicResults() throws Exception {
        String html = mvc.perform(get("/help/search").param("q", "退款")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/help/articles/st-refund-time").contains("<mark>");
        assertThat(html.indexOf("/help/articles/st-refund-time")).isLessThan(html.indexOf("/help/articles/st-refund-policy") < 0
                ? Integer.MAX_VALUE : html.indexOf("/help/articles/st-refund-policy"));
    }

    @Test
    void aPublishedArticleThatIsMadeInternalLeavesThePublicIndex() {
        long id = published(articles, "st-going-internal", "临时公告：仓库盘点", "仓库盘点期间发货暂停两天。", "zh-CN", Visibility.PUBLIC, "公告");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            index.refreshNow();
            assertThat(index.searchPublic("仓库盘点", 5)).extracting(SearchHit::id).contains(String.valueOf(id));
        });
        KnowledgeFixtures.run("kb-admin", "ADMIN", () -> articles.changeVisibility(id, Visibility.INTERNAL));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            index.refreshNow();
            assertThat(index.searchPublic("仓库盘点", 5)).extracting(SearchHit::id).doesNotContain(String.valueOf(id));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"TEMP_AGENT", "AGENT", "SUPERVISOR", "ADMIN"})
    void theStaffKnowledgeSearchShowsItsHitsToEveryRole(String role) throws Exception {
        String html = mvc.perform(get("/knowledge").param("q", "退款").with(user("kb-" + role.toLowerCase()).roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/knowledge/articles/" + refund).contains("<mark>");
    }

    @ParameterizedTest
    @ValueSource(ints = {600, 5_000, 100_000})
    void aVeryLongQuestionOnTheHelpCenterStillFindsItsArticle(int length) throws Exception {
        String question = "您好，我申请退款以后款项一直没有到账，请问退款多久到账？".repeat(length / 25 + 1).substring(0, length);
        String html = mvc.perform(get("/help/search").param("q", question)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("/help/articles/st-refund-time");
        String staff = mvc.perform(get("/knowledge").param("q", question).with(user("kb-long").roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(staff).contains("/knowledge/articles/" + refund);
    }

    private static long first(List<SearchHit> hits) {
        assertThat(hits).isNotEmpty();
        return Long.parseLong(hits.get(0).id());
    }
}
