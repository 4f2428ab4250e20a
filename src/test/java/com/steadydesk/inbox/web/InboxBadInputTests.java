package com.steadydesk.inbox.web;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Garbage cursors, odd ids and missing tickets answer 400 or 404 with a message (problem+json on the API), never 500. */
@SpringBootTest
@AutoConfigureMockMvc
class InboxBadInputTests {

    static final RequestPostProcessor AGENT = user("agent1").roles("AGENT");
    static final String[] GARBAGE_CURSORS = {"garbage", "%%%", "////", b64("UPDATED|0|yesterday|1"), b64("SLA|0|2026-01-01T00:00:00Z|1"),
            b64("UPDATED"), b64("UPDATED|x|2026-01-01T00:00:00Z|99999999999999999999"), "A".repeat(5000)};

    @Autowired
    MockMvc mvc;

    static String b64(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theApiAnswersAGarbageCursorWith400Problem() throws Exception {
        for (String cursor : GARBAGE_CURSORS) {
            mvc.perform(get("/api/v1/tickets").param("after", cursor).with(AGENT))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.detail").value(containsString("cursor")));
        }
    }

    @Test
    void theApiAnswersBadListParametersWith400Problem() throws Exception {
        for (String[] p : new String[][] {{"limit", "-5"}, {"limit", "0"}, {"limit", "abc"}, {"limit", "99999999999"}, {"view", "NOPE"},
                {"sort", "sideways"}, {"status", "LOST"}, {"assignee", "x"}}) {
            mvc.perform(get("/api/v1/tickets").param(p[0], p[1]).with(AGENT))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
    }

    @Test
    void theApiAnswersMissingOrMalformedTicketIdsWith404Or400Problem() throws Exception {
        for (String id : new String[] {"-1", "0", "9223372036854775807", "987654321"}) {
            for (String path : new String[] {"/api/v1/tickets/" + id, "/api/v1/tickets/" + id + "/messages", "/api/v1/tickets/" + id + "/links",
                    "/api/v1/tickets/" + id + "/satisfaction"}) {
                mvc.perform(get(path).with(AGENT)).andExpect(status().isNotFound())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            }
        }
        for (String id : new String[] {"abc", "1.5", "99999999999999999999999"}) {
            mvc.perform(get("/api/v1/tickets/" + id).with(AGENT)).andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/api/v1/tickets/987654321/messages").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"body\":\"hi\",\"kind\":\"NOTE\"}")).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/tickets/987654321/links").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ticketId\":1}")).andExpect(status().isNotFound());
    }

    @Test
    void theInboxPageAnswersAGarbageCursorWith400AndSaysWhy() throws Exception {
        for (String cursor : GARBAGE_CURSORS) {
            mvc.perform(get("/inbox").param("after", cursor).with(AGENT))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("分页链接已失效")));
        }
    }

    @Test
    void inboxPagesAnswerMissingTicketsWith404AndMalformedIdsWith400() throws Exception {
        for (String id : new String[] {"-1", "0", "987654321", "9223372036854775807"}) {
            mvc.perform(get("/inbox/tickets/" + id).with(AGENT)).andExpect(status().isNotFound());
            mvc.perform(get("/inbox/tickets/" + id + "/conversation").with(AGENT)).andExpect(status().isNotFound());
            mvc.perform(get("/inbox/calls/new").param("ticket", id).with(AGENT)).andExpect(status().isNotFound());
            mvc.perform(post("/inbox/tickets/" + id + "/status").param("status", "OPEN").with(AGENT).with(csrf()))
                    .andExpect(status().isNotFound());
            mvc.perform(post("/inbox/tickets/" + id + "/links/1/remove").with(AGENT).with(csrf())).andExpect(status().isNotFound());
        }
        for (String id : new String[] {"abc", "1e3", "99999999999999999999999"}) {
            mvc.perform(get("/inbox/tickets/" + id).with(AGENT)).andExpect(status().isBadRequest());
            mvc.perform(get("/inbox/fragments/customer-tickets/" + id).with(AGENT)).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/inbox/tickets/1/status").param("status", "LOST").with(AGENT).with(csrf())).andExpect(status().isBadRequest());
        mvc.perform(get("/inbox/fragments/live-bar").with(AGENT)).andExpect(status().isBadRequest());
        mvc.perform(get("/admin/users/987654321/handover").with(user("admin1").roles("ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(get("/admin/users/abc/handover").with(user("admin1").roles("ADMIN"))).andExpect(status().isBadRequest());
    }
}
