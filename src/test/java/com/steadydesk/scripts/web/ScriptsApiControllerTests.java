package com.steadydesk.scripts.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptsTestSupport;
import com.steadydesk.search.SearchIndex;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The REST API's role checks and the review flow over HTTP: agents never see drafts, only reviewers approve. */
@SpringBootTest
@AutoConfigureMockMvc
@Import(ScriptsTestSupport.Clocks.class)
class ScriptsApiControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    SearchIndex searchIndex;

    static final RequestPostProcessor EDITOR = user("api.editor").roles("SUPERVISOR");
    static final RequestPostProcessor REVIEWER = user("api.reviewer").roles("REVIEWER");
    static final RequestPostProcessor AGENT = user("api.agent").roles("AGENT");
    static final RequestPostProcessor TEMP = user("api.temp").roles("TEMP_AGENT");

    long refundCategory() {
        return scripts.categories().stream().filter(c -> c.code().equals("refund")).findFirst().orElseThrow().id();
    }

    String body(String title, String text) {
        return """
                {"title":"%s","categoryId":%d,"language":"en","body":"%s","tags":["api"],"audience":"ALL",
                 "placeholders":[{"name":"order_no","label":"Order number","required":true}]}""".formatted(title, refundCategory(), text);
    }

    long create(String title, String text) throws Exception {
        String json = mvc.perform(post("/api/v1/scripts").with(EDITOR).contentType(MediaType.APPLICATION_JSON).content(body(title, text)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id.value")).longValue();
    }

    @Test
    void createSubmitApproveEachWithItsRoleCheck() throws Exception {
        mvc.perform(post("/api/v1/scripts").with(AGENT).contentType(MediaType.APPLICATION_JSON).content(body("x", "y")))
                .andExpect(status().isForbidden());
        long id = create("Persimmon refund", "Hi, the persimmon refund for {{order_no}} is approved.");

        mvc.perform(get("/api/v1/scripts/{id}", id).with(AGENT)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/scripts").with(TEMP)).andExpect(jsonPath("$.items[*].title", not(hasItem("Persimmon refund"))));
        mvc.perform(get("/api/v1/scripts/{id}", id).with(EDITOR)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DRAFT"));

        mvc.perform(post("/api/v1/scripts/{id}/submit", id).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/scripts/{id}/submit", id).with(EDITOR)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/scripts/{id}/approve", id).with(EDITOR).contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/scripts/{id}/approve", id).with(user("api.editor").roles("REVIEWER"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"mine\"}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.rule").value("script.self-approval"));
        mvc.perform(post("/api/v1/scripts/{id}/approve", id).with(REVIEWER).contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"ok\"}"))
                .andExpect(status().isNoContent());

        mvc.perform(get("/api/v1/scripts/{id}", id).with(TEMP)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));

        mvc.perform(put("/api/v1/scripts/{id}", id).with(EDITOR).contentType(MediaType.APPLICATION_JSON)
                        .content(body("Persimmon refund", "Hi, the persimmon refund for {{order_no}} is approved and on its way.")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(2));
        mvc.perform(get("/api/v1/scripts/{id}", id).with(AGENT)).andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.content.body").value("Hi, the persimmon refund for {{order_no}} is approved."));
        mvc.perform(get("/api/v1/scripts/{id}/diff", id).param("from", "1").param("to", "2").with(EDITOR))
                .andExpect(jsonPath("$.html", containsString("<ins>")));
        mvc.perform(get("/api/v1/scripts/{id}/diff", id).param("from", "1").param("to", "2").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void validatesBodiesAsProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/scripts").with(EDITOR).contentType(MediaType.APPLICATION_JSON).content("{\"title\":\"\"}"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("title")));
    }

    @Test
    void suggestionsReturnTheTopFiveWithScores() throws Exception {
        long id = create("Apricot refund timing", "Hi, your apricot refund for {{order_no}} arrives within 3-5 business days.");
        mvc.perform(post("/api/v1/scripts/{id}/submit", id).with(EDITOR)).andExpect(status().isNoContent());
        mvc.perform(post("/api/v1/scripts/{id}/approve", id).with(REVIEWER)).andExpect(status().isNoContent());
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            searchIndex.refreshNow();
            mvc.perform(get("/api/v1/scripts/suggestions").param("text", "where is my apricot refund").with(TEMP))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.items[0].id.value").value(id))
                    .andExpect(jsonPath("$.items[0].score").isNumber())
                    .andExpect(jsonPath("$.items[0].textScore").isNumber())
                    .andExpect(jsonPath("$.items[0].categoryScore").value(1.0))
                    .andExpect(jsonPath("$.items.length()").value(org.hamcrest.Matchers.lessThanOrEqualTo(5)));
        });
        mvc.perform(get("/api/v1/scripts/search").param("q", "apricot").with(httpBasic("admin", "test-admin-password")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id.value").value(id));
    }

    @Test
    void refusesToSendWhileAPlaceholderIsUnfilled() throws Exception {
        mvc.perform(post("/api/v1/scripts/placeholders/check").with(TEMP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"订单 {{order_no}} 已发货\"}"))
                .andExpect(jsonPath("$.sendable").value(false)).andExpect(jsonPath("$.unfilled[0]").value("order_no"));
        mvc.perform(post("/api/v1/scripts/placeholders/check").with(TEMP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"text\":\"订单 A-1 已发货\"}"))
                .andExpect(jsonPath("$.sendable").value(true));
    }

    @Test
    void anonymousCallsAreRefused() throws Exception {
        mvc.perform(get("/api/v1/scripts")).andExpect(status().isUnauthorized());
    }
}
