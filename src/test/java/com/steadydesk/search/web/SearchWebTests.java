package com.steadydesk.search.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.steadydesk.search.SearchFixtures;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.internal.SearchGaps;
import com.steadydesk.search.internal.Synonyms;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.UriUtils;

@SpringBootTest
@AutoConfigureMockMvc
class SearchWebTests {

    @Autowired
    MockMvc mvc;
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
    void apiNeedsAuthentication() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "退款")).andExpect(status().isUnauthorized());
    }

    @Test
    @WithMockUser(username = "temp", roles = "TEMP_AGENT")
    void apiReturnsHighlightedHitsIncludingInternalOnesToStaff() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "退款").param("kind", "article").param("limit", "20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("refund"))
                .andExpect(jsonPath("$.items[0].snippetHtml").value(containsString("<mark>退款</mark>")))
                .andExpect(jsonPath("$.items[0].fields.url").value("/kb/refund"))
                .andExpect(jsonPath("$.items[?(@.id == 'internal-compensation')]").exists());
    }

    @Test
    @WithMockUser(username = "temp", roles = "TEMP_AGENT")
    void temporaryAgentsSeeTicketSnippetsWithContactsMasked() throws Exception {
        index.index(new com.steadydesk.search.SearchDocument("ticket", "T-mask", "快递丢件", "客户电话 13812345678，顺丰包裹显示已签收但未收到",
                java.util.List.of(), java.util.Map.of(), "zh", false, java.time.Instant.now()));
        index.refreshNow();
        mvc.perform(get("/api/v1/search").param("q", "顺丰 签收").param("kind", "ticket"))
                .andExpect(jsonPath("$.items[0].id").value("T-mask"))
                .andExpect(jsonPath("$.items[0].snippetHtml").value(containsString("138****5678")))
                .andExpect(content().string(not(containsString("13812345678"))));
        mvc.perform(get("/search").param("q", "顺丰 签收").param("kind", "ticket"))
                .andExpect(content().string(not(containsString("13812345678"))));
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void agentsSeeTicketSnippets() throws Exception {
        index.index(new com.steadydesk.search.SearchDocument("ticket", "T-mask2", "快递丢件", "客户电话 13812345678，中通包裹显示已签收但未收到",
                java.util.List.of(), java.util.Map.of(), "zh", false, java.time.Instant.now()));
        index.refreshNow();
        mvc.perform(get("/api/v1/search").param("q", "中通 签收").param("kind", "ticket"))
                .andExpect(jsonPath("$.items[0].id").value("T-mask2"))
                .andExpect(jsonPath("$.items[0].snippetHtml").value(containsString("13812345678")));
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void apiRejectsBadParametersAsProblems() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", " ")).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/search").param("q", "退款").param("limit", "1000")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/search").param("q", "退款").param("kind", "../etc")).andExpect(status().isBadRequest());
    }

    @Test
    @WithMockUser(username = "reviewer", roles = "REVIEWER")
    void apiIsForAgentsOnly() throws Exception {
        mvc.perform(get("/api/v1/search").param("q", "退款")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "temp", roles = "TEMP_AGENT")
    void searchPageGroupsHitsByKindWithSnippetsAndLinks() throws Exception {
        mvc.perform(get("/search").param("q", "物流延迟"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>物流延迟</mark>")))
                .andExpect(content().string(containsString("href=\"/kb/delay\"")))
                .andExpect(content().string(containsString("知识库文章")))
                .andExpect(content().string(not(containsString("/admin/search"))));
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void adminScreensAreForSupervisors() throws Exception {
        mvc.perform(get("/admin/search")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/search/gaps")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/synonyms").with(csrf()).param("terms", "a, b")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void supervisorEditsSynonymsAndTheyApplyAtOnce() throws Exception {
        mvc.perform(get("/admin/search")).andExpect(status().isOk()).andExpect(content().string(containsString("同义词")));
        mvc.perform(post("/admin/search/synonyms").param("terms", "密码, 口令")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/search/synonyms").with(csrf()).param("terms", "退款 "))
                .andExpect(status().isOk()).andExpect(content().string(containsString("至少需要两个不同的词")));
        mvc.perform(post("/admin/search/synonyms").with(csrf()).param("terms", "password, 口令"))
                .andExpect(redirectedUrl("/admin/search"));
        mvc.perform(get("/search").param("q", "口令")).andExpect(content().string(containsString("href=\"/kb/en-password\"")));
        long id = synonyms.list().stream().filter(g -> g.terms().contains("口令")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/search/synonyms/{id}/delete", id).with(csrf())).andExpect(redirectedUrl("/admin/search"));
        mvc.perform(get("/search").param("q", "口令")).andExpect(content().string(not(containsString("href=\"/kb/en-password\""))));
        mvc.perform(get("/admin/search/rebuilds")).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"rebuilds\"")));
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void anEnglishQuestionWithoutAnswerOffersAnEnglishArticle() throws Exception {
        index.searchPublic("how do I export my loyalty stamps", 10);
        gaps.flush();
        mvc.perform(get("/admin/search/gaps"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/knowledge/articles/new?title=how%20do%20i%20export%20my%20loyalty%20stamps&amp;language=en\"")));
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void supervisorSeesAndResolvesQuestionsWithoutAnswer() throws Exception {
        index.searchPublic("如何开具增值税专用发票", 10);
        gaps.flush();
        mvc.perform(get("/admin/search/gaps").param("order", "most-asked"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("如何开具增值税专用发票")))
                .andExpect(content().string(containsString("href=\"/knowledge/articles/new?title=" + UriUtils.encode("如何开具增值税专用发票", UTF_8)
                        + "&amp;language=zh-CN\"")));
        long id = gaps.open(SearchGaps.Order.NEWEST, null, 100).rows().stream()
                .filter(g -> g.query().equals("如何开具增值税专用发票")).findFirst().orElseThrow().id();
        mvc.perform(post("/admin/search/gaps/{id}/resolve", id).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/search/gaps")).andExpect(content().string(not(containsString("如何开具增值税专用发票"))));
    }
}
