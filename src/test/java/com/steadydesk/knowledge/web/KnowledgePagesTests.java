package com.steadydesk.knowledge.web;

import static com.steadydesk.knowledge.KnowledgeFixtures.as;
import static com.steadydesk.knowledge.KnowledgeFixtures.draft;
import static com.steadydesk.knowledge.KnowledgeFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.ArticleStatus;
import com.steadydesk.knowledge.SourceOfTruthManagement;
import com.steadydesk.knowledge.KnowledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The staff screens over HTTP: who may do what, and the forms' validation next to the fields. */
@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
class KnowledgePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ArticleManagement articles;
    @Autowired
    SourceOfTruthManagement truth;

    long article() {
        return as("kb-sup", "SUPERVISOR", () -> articles.create(draft("页面测试文章", "正文 **加粗**", "zh-CN")).id());
    }

    @Test
    void aTempAgentReadsButCannotEdit() throws Exception {
        long id = article();
        var temp = user("temp-1").roles("TEMP_AGENT");
        assertThat(mvc.perform(get("/knowledge").with(temp)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("页面测试文章");
        assertThat(mvc.perform(get("/knowledge/articles/" + id).with(temp)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString()).contains("<strong>加粗</strong>").doesNotContain("/edit\"");
        mvc.perform(get("/knowledge/articles/new").with(temp)).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/" + id).with(temp).with(csrf()).param("title", "x").param("body", "y").param("language", "en"))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAgentWritesButASupervisorPublishes() throws Exception {
        var agent = user("agent-1").roles("AGENT");
        String location = mvc.perform(post("/knowledge/articles").with(agent).with(csrf())
                        .param("title", "Agent wrote this").param("body", "Some **text**").param("language", "en").param("tags", "a, b，c"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/knowledge/articles/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(articles.details(id).tags()).containsExactly("a", "b", "c");

        mvc.perform(post("/knowledge/articles/" + id + "/publish").with(agent).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/" + id + "/visibility").with(agent).with(csrf()).param("visibility", "PUBLIC"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/" + id + "/publish").with(user("sup-1").roles("SUPERVISOR")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(articles.details(id).status()).isEqualTo(ArticleStatus.PUBLISHED);
    }

    @Test
    void theEditorShowsErrorsNextToTheFields() throws Exception {
        String html = mvc.perform(post("/knowledge/articles").with(user("agent-2").roles("AGENT")).with(csrf())
                        .param("title", "").param("body", "").param("language", "en").param("slug", "Not A Slug"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("field-error").contains("只能使用小写字母、数字和连字符");
    }

    @Test
    void theGapListLinkPrefillsTheTitle() throws Exception {
        assertThat(mvc.perform(get("/knowledge/articles/new").param("title", "发票抬头怎么改").with(user("agent-3").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("value=\"发票抬头怎么改\"");
    }

    @Test
    void theGapListLinkPicksTheQuestionsLanguageOverTheWritersOwn() throws Exception {
        String html = mvc.perform(get("/knowledge/articles/new").param("title", "how to change the invoice title").param("language", "en")
                        .with(user("agent-4").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("value=\"how to change the invoice title\"").containsPattern("<option value=\"en\"[^>]*selected");
        String unknown = mvc.perform(get("/knowledge/articles/new").param("language", "fr").with(user("agent-4").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).containsPattern("<option value=\"zh-CN\"[^>]*selected");
    }

    @Test
    void versionsPageShowsTheDiffAndRestoreRequiresAnAgent() throws Exception {
        long id = article();
        run("kb-sup", "SUPERVISOR", () -> articles.update(id, draft("页面测试文章", "正文改过了", "zh-CN"), null));
        assertThat(mvc.perform(get("/knowledge/articles/" + id + "/versions").with(user("t").roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("<ins>").contains("<del>");
        mvc.perform(post("/knowledge/articles/" + id + "/versions/1/restore").with(user("t").roles("TEMP_AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/articles/" + id + "/versions/1/restore").with(user("a").roles("AGENT")).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void anUnknownArticleIsNotFound() throws Exception {
        mvc.perform(get("/knowledge/articles/987654").with(user("t").roles("TEMP_AGENT"))).andExpect(status().isNotFound());
        mvc.perform(get("/help/articles/no-such-article")).andExpect(status().isNotFound());
    }

    @Test
    void categoriesAreForAdmins() throws Exception {
        mvc.perform(get("/knowledge/categories").with(user("s").roles("SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/categories").with(user("root").roles("ADMIN")).with(csrf())
                .param("nameZh", "测试分类").param("nameEn", "Test category").param("position", "1")).andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/knowledge/categories").with(user("root").roles("ADMIN"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("测试分类").contains("test-category");
    }

    @Test
    @WithMockUser(username = "crisis-module", roles = "CRISIS_LEAD")
    void theSourceOfTruthPageIsEditedByTheLeadAndFollowedByStaff() throws Exception {
        truth.openFor(777, "物流中断 事实页");
        mvc.perform(get("/knowledge/crisis/777/edit").with(user("agent-x").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/knowledge/crisis/777").with(user("lead-x").roles("CRISIS_LEAD")).with(csrf())
                        .param("impactOnBusiness", "华东仓停发").param("decisions", "2026-11-29 | 补偿 | 每单补偿5元券")
                        .param("nextUpdateDueAt", "2026-11-29T18:00").param("baseVersion", "1"))
                .andExpect(status().is3xxRedirection());
        String html = mvc.perform(get("/knowledge/crisis/777").with(user("temp-x").roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("华东仓停发").contains("每单补偿5元券").contains("2026-11-29 18:00");
        String bad = mvc.perform(post("/knowledge/crisis/777").with(user("lead-x").roles("CRISIS_LEAD")).with(csrf())
                        .param("decisions", "昨天 补偿"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(bad).contains("这一行无法识别");
        mvc.perform(post("/knowledge/crisis/777/subscription").with(user("temp-x").roles("TEMP_AGENT")).with(csrf()).param("follow", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(truth.subscribers(777)).contains("temp-x");
        assertThat(mvc.perform(get("/knowledge/crisis/777/history").with(user("temp-x").roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("<ins>");
    }
}
