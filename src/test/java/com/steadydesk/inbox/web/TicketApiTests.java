package com.steadydesk.inbox.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketStatus;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class TicketApiTests {

    static final AtomicLong customers = new AtomicLong(3_000_000);
    static final RequestPostProcessor TEMP = user("temp1").roles("TEMP_AGENT");
    static final RequestPostProcessor AGENT = user("agent1").roles("AGENT");
    static final RequestPostProcessor LEAD = user("lead1").roles("SUPERVISOR");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;

    TicketId ticket(long customer) {
        return tickets.open(OpenTicket.of("接口测试", "你好", new CustomerId(customer), Channel.API), VipTier.NONE);
    }

    @Test
    void badBodyAnswers400ProblemNamingTheFields() throws Exception {
        mvc.perform(post("/api/v1/tickets").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"\",\"body\":\"x\",\"requester\":{\"email\":\"not-an-email\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("subject")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("requester.email")));
        mvc.perform(post("/api/v1/tickets").with(AGENT).contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"s\",\"body\":\"b\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("requesterOrCustomerId")));
        mvc.perform(post("/api/v1/tickets").with(AGENT).contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutCredentials401AndWithTooSmallARole403() throws Exception {
        mvc.perform(get("/api/v1/tickets")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/tickets").with(TEMP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"s\",\"body\":\"b\",\"customerId\":1}"))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/tickets").with(user("reviewer").roles("REVIEWER"))).andExpect(status().isForbidden());
    }

    @Test
    void oversizedBodyAnswers413Problem() throws Exception {
        String huge = "{\"subject\":\"s\",\"body\":\"" + "x".repeat(1_100_000) + "\",\"customerId\":1}";
        mvc.perform(post("/api/v1/tickets").with(AGENT).contentType(MediaType.APPLICATION_JSON).content(huge))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void listsAViewWithAKeysetCursor() throws Exception {
        long customer = customers.incrementAndGet();
        for (int i = 0; i < 3; i++) {
            tickets.tag(ticket(customer), "api-list");
        }
        String body = mvc.perform(get("/api/v1/tickets").param("view", "TAG").param("tag", "api-list").param("limit", "2").with(TEMP))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
                .andReturn().getResponse().getContentAsString();
        String cursor = body.replaceAll(".*\"nextCursor\":\"([^\"]+)\".*", "$1");
        mvc.perform(get("/api/v1/tickets").param("view", "TAG").param("tag", "api-list").param("limit", "2").param("after", cursor).with(TEMP))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
        mvc.perform(get("/api/v1/tickets").param("after", "garbage").with(TEMP)).andExpect(status().isBadRequest());
    }

    @Test
    void temporaryAgentMayTagAndSolveButNotAssignOrClose() throws Exception {
        TicketId id = ticket(customers.incrementAndGet());
        mvc.perform(patch("/api/v1/tickets/{id}", id.value()).with(TEMP).contentType(MediaType.APPLICATION_JSON)
                .content("{\"assigneeId\":1}")).andExpect(status().isForbidden());
        mvc.perform(patch("/api/v1/tickets/{id}", id.value()).with(TEMP).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"CLOSED\"}")).andExpect(status().isForbidden());
        org.assertj.core.api.Assertions.assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
    }

    @Test
    void bulkListsTheFailuresAndBulkCloseNeedsASupervisor() throws Exception {
        long customer = customers.incrementAndGet();
        TicketId a = ticket(customer);
        TicketId closed = ticket(customer);
        tickets.changeStatus(closed, TicketStatus.CLOSED);
        mvc.perform(post("/api/v1/tickets/bulk").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticketIds\":[" + a.value() + "," + closed.value() + "],\"type\":\"TAG\",\"tag\":\"批量\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.succeeded[0].value").value(a.value()))
                .andExpect(jsonPath("$.failures[0].ticketId.value").value(closed.value()))
                .andExpect(jsonPath("$.failures[0].rule").value("ticket.closed"));
        mvc.perform(post("/api/v1/tickets/bulk").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ticketIds\":[" + a.value() + "],\"type\":\"STATUS\",\"status\":\"CLOSED\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tickets/bulk").with(LEAD).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ticketIds\":[" + a.value() + "],\"type\":\"STATUS\",\"status\":\"CLOSED\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/tickets/bulk").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"ticketIds\":[],\"type\":\"TAG\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("ticketIds")));
    }

    @Test
    void replyWithAnUnfilledPlaceholderIsRefusedWith409() throws Exception {
        TicketId id = ticket(customers.incrementAndGet());
        mvc.perform(post("/api/v1/tickets/{id}/messages", id.value()).with(TEMP).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"REPLY\",\"body\":\"您的订单 {{order_no}} 已发货\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("reply.placeholder-unfilled"))
                .andExpect(jsonPath("$.detail", containsString("{{order_no}}")));
        mvc.perform(post("/api/v1/tickets/{id}/messages", id.value()).with(TEMP).contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"SHOUT\",\"body\":\"x\"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
    }

    @Test
    void mergeByNumberAndLinks() throws Exception {
        long customer = customers.incrementAndGet();
        TicketId target = ticket(customer);
        TicketId source = ticket(customer);
        long number = tickets.find(target).orElseThrow().number();
        mvc.perform(post("/api/v1/tickets/{id}/merge", source.value()).with(TEMP).contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetNumber\":" + number + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tickets/{id}/merge", source.value()).with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"targetNumber\":" + number + "}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.targetId").value(target.value()));
        org.assertj.core.api.Assertions.assertThat(tickets.find(source).orElseThrow().mergedIntoId()).isEqualTo(target);
        TicketId other = ticket(customers.incrementAndGet());
        mvc.perform(post("/api/v1/tickets/{id}/links", target.value()).with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticketId\":" + other.value() + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].kind").value("RELATED"));
        mvc.perform(get("/api/v1/tickets/{id}/links", other.value()).with(TEMP)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].number").value(number));
        mvc.perform(get("/api/v1/tickets/{id}/messages", 987654321L).with(TEMP)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
