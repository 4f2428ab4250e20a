package com.steadydesk.scripts.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.Role;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptsTestSupport;
import com.steadydesk.search.SearchIndex;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** The screens: library, script page, editor with lint findings, review, and the reply assistant for the inbox. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ScriptsTestSupport.Clocks.class)
class ScriptPagesControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    SearchIndex searchIndex;

    long category(String code) {
        return scripts.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    ScriptId script(String title, String code, String body, List<Placeholder> placeholders, boolean approve) {
        ScriptDraft d = new ScriptDraft(title, category(code), "zh-CN", body, List.of("ui"), Audience.ALL, null, "客户问起时", null, null,
                placeholders, null, null);
        ScriptId id = ScriptsTestSupport.as("ui.editor", Role.SUPERVISOR, () -> scripts.create(d).id());
        if (approve) {
            ScriptsTestSupport.run("ui.editor", Role.SUPERVISOR, () -> scripts.submitForReview(id));
            ScriptsTestSupport.run("ui.reviewer", Role.REVIEWER, () -> scripts.approve(id, "ok"));
        }
        return id;
    }

    @Test
    void agentsSeeApprovedScriptsOnlyInTheLibrary() throws Exception {
        ScriptId draft = script("榴莲草稿", "order-status", "您好，榴莲订单正在处理。", List.of(), false);
        ScriptId approved = script("榴莲已批准", "order-status", "您好，榴莲订单已发货。", List.of(), true);
        mvc.perform(get("/scripts").with(user("ui.agent").roles("TEMP_AGENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("榴莲已批准"))).andExpect(content().string(not(containsString("榴莲草稿"))));
        mvc.perform(get("/scripts/{id}", draft.value()).with(user("ui.agent").roles("AGENT"))).andExpect(status().isNotFound());
        mvc.perform(get("/scripts/{id}", approved.value()).with(user("ui.agent").roles("AGENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("榴莲订单已发货")));
        mvc.perform(get("/scripts").with(user("ui.editor").roles("SUPERVISOR"))).andExpect(content().string(containsString("榴莲草稿")));
        mvc.perform(get("/scripts/new").with(user("ui.agent").roles("AGENT"))).andExpect(status().isForbidden());
    }

    @Test
    void editorShowsLintFindingsOnSaveAndLive() throws Exception {
        mvc.perform(post("/scripts").with(user("ui.editor").roles("SUPERVISOR")).with(csrf())
                        .param("title", "保证发货").param("categoryId", String.valueOf(category("order-status"))).param("language", "zh-CN")
                        .param("body", "我们保证明天发货 {{order_no}}").param("audience", "ALL").param("placeholders", "order_no|订单号|required"))
                .andExpect(status().is3xxRedirection());
        // a category that is no number is no reason for a 500: nothing to lint yet
        mvc.perform(post("/scripts/lint").with(user("ui.editor").roles("SUPERVISOR")).with(csrf())
                        .param("title", "x").param("categoryId", "not-a-number").param("language", "en").param("body", "We guarantee it."))
                .andExpect(status().isOk());
        mvc.perform(post("/scripts/lint").with(user("ui.editor").roles("SUPERVISOR")).with(csrf())
                        .param("title", "x").param("language", "en").param("body", "We guarantee it."))
                .andExpect(status().isOk());
        mvc.perform(post("/scripts/lint").with(user("ui.editor").roles("SUPERVISOR")).with(csrf())
                        .param("title", "x").param("categoryId", String.valueOf(category("complaint"))).param("language", "en")
                        .param("body", "We guarantee it. {{foo.bar}}").param("audience", "ALL"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("guarantee")))
                .andExpect(content().string(containsString("data-rule=\"empathy\"")))
                .andExpect(content().string(containsString("data-rule=\"placeholder\"")));
        mvc.perform(post("/scripts").with(user("ui.editor").roles("SUPERVISOR")).with(csrf()).param("title", "")
                        .param("categoryId", String.valueOf(category("order-status"))).param("language", "zh-CN").param("body", ""))
                .andExpect(status().isOk()).andExpect(content().string(containsString("field-error")));
    }

    @Test
    void reviewerApprovesFromTheScriptPageAndTheQueue() throws Exception {
        ScriptId id = script("芒果待审", "refund", "您好，芒果退款会在3-5个工作日内原路退回。", List.of(), false);
        ScriptsTestSupport.run("ui.editor", Role.SUPERVISOR, () -> scripts.submitForReview(id));
        mvc.perform(get("/scripts/reviews").with(user("ui.reviewer").roles("REVIEWER"))).andExpect(content().string(containsString("芒果待审")));
        mvc.perform(get("/scripts/reviews").with(user("ui.agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/scripts/{id}/approve", id.value()).with(user("ui.agent").roles("AGENT")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/scripts/{id}/approve", id.value()).with(user("ui.reviewer").roles("REVIEWER")).with(csrf()).param("comment", "好"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/scripts/{id}", id.value()).with(user("ui.reviewer").roles("REVIEWER")))
                .andExpect(content().string(containsString("ui.reviewer"))).andExpect(content().string(containsString("好")));
        mvc.perform(get("/scripts/contradictions").with(user("ui.editor").roles("SUPERVISOR"))).andExpect(status().isOk());
        mvc.perform(get("/scripts/cleanup").with(user("ui.reviewer").roles("REVIEWER"))).andExpect(status().isOk());
        mvc.perform(get("/scripts/categories").with(user("ui.admin").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("refund")));
        mvc.perform(get("/scripts/jargon").with(user("ui.admin").roles("ADMIN"))).andExpect(content().string(containsString("SLA")));
        mvc.perform(get("/scripts/jargon").with(user("ui.editor").roles("SUPERVISOR"))).andExpect(status().isForbidden());
    }

    @Test
    void replyAssistOffersSuggestionsSnippetsAndTheComposer() throws Exception {
        ScriptId refund = script("猕猴桃退款进度", "refund", "{{customer.name}}您好，订单 {{order_no}} 的猕猴桃退款会在3-5个工作日内原路退回。",
                List.of(new Placeholder("order_no", "订单号", true)), true);
        ScriptId greeting = script("猕猴桃问候", "greeting", "{{customer.name}}您好，我是{{agent.name}}。", List.of(), true);
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            searchIndex.refreshNow();
            mvc.perform(post("/scripts/fragments/reply-assist").with(user("ui.temp").roles("TEMP_AGENT")).with(csrf())
                            .param("ticketId", "77").param("ticketNumber", "T-77").param("customerName", "王女士").param("vip", "false")
                            .param("text", "我的猕猴桃退款什么时候到账？"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("猕猴桃退款进度")))
                    .andExpect(content().string(containsString("data-script-id=\"" + refund.value() + "\"")))
                    .andExpect(content().string(containsString("data-placeholders=\"order_no|订单号|true\"")))
                    .andExpect(content().string(containsString("data-script-id=\"" + greeting.value() + "\"")))
                    .andExpect(content().string(containsString("/js/scripts-composer.js")))
                    .andExpect(content().string(containsString("data-customer-name=\"王女士\"")));
        });
        mvc.perform(get("/scripts/fragments/reply-assist/search").param("q", "猕猴桃").with(user("ui.temp").roles("TEMP_AGENT")))
                .andExpect(content().string(containsString("猕猴桃退款进度")));
        mvc.perform(post("/scripts/{id}/used", refund.value()).with(user("ui.temp").roles("TEMP_AGENT")).with(csrf()).param("ticketId", "77")
                .param("text", "退款什么时候到账")).andExpect(status().isNoContent());
        org.assertj.core.api.Assertions.assertThat(ScriptsTestSupport.as("ui.editor", Role.SUPERVISOR, () -> scripts.usage(refund)).byUser())
                .containsEntry("ui.temp", 1L);
        mvc.perform(get("/js/scripts-composer.js")).andExpect(status().isOk());
    }
}
