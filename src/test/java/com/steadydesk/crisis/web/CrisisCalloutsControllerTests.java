package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.knowledge.ArticleDraft;
import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.HelpCenterNotices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** Help-article callouts have a screen in the cockpit and an API (issue 11.5): pick an article, write, remove. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-callouts", roles = {"CRISIS_LEAD", "ADMIN"})
class CrisisCalloutsControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;
    @Autowired
    ArticleManagement articles;
    @Autowired
    HelpCenterNotices helpCenter;

    @Test
    void theLeadPutsACalloutOnAnArticleFromTheCockpitAndTakesItOffAgain() throws Exception {
        long article = articles.create(new ArticleDraft("如何修改收货地址", null, null, "在订单页修改收货地址。", null, "zh-CN", List.of(), null,
                null)).id();
        long id = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "物流延迟", null, null, List.of()), GradingFactors.none())
                .id().value();

        mvc.perform(post("/crisis/" + id + "/callouts").with(csrf()).param("articleId", String.valueOf(article))
                .param("text", "受物流延迟影响，地址修改可能晚一天生效。")).andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(String.valueOf(result.getFlashMap().get("flash"))).contains("如何修改收货地址"));

        assertThat(helpCenter.calloutsFor(article)).singleElement().satisfies(c -> assertThat(c.link()).isEqualTo("/status#crisis-" + id));
        String cockpit = mvc.perform(get("/crisis/" + id)).andReturn().getResponse().getContentAsString();
        assertThat(cockpit).contains("帮助文章提示").contains("如何修改收货地址").contains("地址修改可能晚一天生效");

        mvc.perform(post("/crisis/" + id + "/callouts/" + article + "/remove").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(helpCenter.calloutsFor(article)).isEmpty();
    }

    @Test
    void theCalloutApiAddsListsAndRemovesWithProblemDetailsForBadInput() throws Exception {
        long article = articles.create(new ArticleDraft("Refund timing", null, null, "Refunds take 3 days.", null, "en", List.of(), null,
                null)).id();
        long id = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "Refund delays", null, null, List.of()), GradingFactors.none())
                .id().value();

        mvc.perform(post("/api/v1/crises/" + id + "/callouts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"articleId\": " + article + ", \"text\": \"Refunds are slower this week.\"}")).andExpect(status().isCreated())
                .andExpect(jsonPath("$.articleTitle").value("Refund timing"));
        mvc.perform(get("/api/v1/crises/" + id + "/callouts")).andExpect(jsonPath("$[0].articleId").value(article));
        mvc.perform(post("/api/v1/crises/" + id + "/callouts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"articleId\": 99999999, \"text\": \"x\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/crises/" + id + "/callouts").with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"articleId\": " + article + "}")).andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/crises/" + id + "/callouts").with(user("agent-c").roles("AGENT")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"articleId\": " + article + ", \"text\": \"x\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(delete("/api/v1/crises/" + id + "/callouts/" + article).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/crises/" + id + "/callouts")).andExpect(jsonPath("$").isEmpty());
    }
}
