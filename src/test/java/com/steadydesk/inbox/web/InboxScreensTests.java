package com.steadydesk.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The screens that do not need the customers module (the ones that do are in InboxIntegrationTests). */
@SpringBootTest
@AutoConfigureMockMvc
class InboxScreensTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;

    @Test
    void streamEmitsAnEventWhenATicketChanges() throws Exception {
        MvcResult list = mvc.perform(get("/inbox/stream").with(user("temp2").roles("TEMP_AGENT")))
                .andExpect(request().asyncStarted()).andReturn();
        TicketId id = tickets.open(OpenTicket.of("实时更新", "hi", new CustomerId(8_800_001), Channel.CHAT), VipTier.NONE);
        TicketId other = tickets.open(OpenTicket.of("别的工单", "hi", new CustomerId(8_800_003), Channel.CHAT), VipTier.NONE);
        MvcResult page = mvc.perform(get("/inbox/stream").param("ticket", String.valueOf(id.value())).with(user("temp2").roles("TEMP_AGENT")))
                .andExpect(request().asyncStarted()).andReturn();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(list.getResponse().getContentAsString())
                .contains("event:ticket-changed\ndata:"));
        String before = page.getResponse().getContentAsString();

        tickets.tag(other, "elsewhere");
        tickets.tag(id, "live");

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(page.getResponse().getContentAsString())
                .contains("event:ticket-" + id.value() + "\ndata:" + id.value()));
        assertThat(before).doesNotContain("event:ticket-changed");
        assertThat(page.getResponse().getContentAsString()).as("a ticket page hears of its own ticket only")
                .doesNotContain("event:ticket-" + other.value() + "\n").doesNotContain("event:ticket-changed");
    }

    @Test
    void streamAndListNeedAnAgentRole() throws Exception {
        mvc.perform(get("/inbox/stream").with(user("rev").roles("REVIEWER"))).andExpect(status().isForbidden());
        mvc.perform(get("/inbox")).andExpect(status().is3xxRedirection());
    }

    @Test
    void emptyViewRendersWithSidebarCountsInChinese() throws Exception {
        mvc.perform(get("/inbox").param("view", "mine").with(user("nobody").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("我的工单")))
                .andExpect(content().string(containsString("SLA 已超时")))
                .andExpect(content().string(containsString("sse-connect=\"/inbox/stream\"")))
                .andExpect(content().string(containsString("这里没有工单")));
    }

    @Test
    void bulkFormRunsTheActionAndReportsFailures() throws Exception {
        TicketId a = tickets.open(OpenTicket.of("批量表单", "hi", new CustomerId(8_800_002), Channel.WEB), VipTier.NONE);
        mvc.perform(post("/inbox/bulk").with(user("agent2").roles("AGENT")).with(csrf())
                        .param("ids", String.valueOf(a.value()), "99999999").param("action", "tag").param("tag", "表单"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已给 1 张工单加上标签“表单”；1 张未处理：#99999999 找不到该工单"));
        assertThat(tickets.find(a).orElseThrow().tags()).contains("表单");
        mvc.perform(post("/inbox/bulk").with(user("agent2").roles("AGENT")).with(csrf())
                .param("ids", String.valueOf(a.value())).param("action", "reply").param("body", "hi")).andExpect(status().isForbidden());
    }

    @Test
    void customerTicketsFragmentListsTheTicketsOfACustomer() throws Exception {
        TicketId id = tickets.open(OpenTicket.of("客户的工单", "hi", new CustomerId(8_800_003), Channel.EMAIL), VipTier.NONE);
        long number = tickets.find(id).orElseThrow().number();
        mvc.perform(get("/inbox/fragments/customer-tickets/{c}", 8_800_003).with(user("temp3").roles("TEMP_AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("#" + number + " 客户的工单")));
    }

    @Test
    void newTicketAndCallFormsShowErrorsNextToTheFields() throws Exception {
        var agent = user("agent3").roles("AGENT");
        mvc.perform(get("/inbox/tickets/new").with(agent)).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"subject\"")));
        mvc.perform(post("/inbox/tickets").with(agent).with(csrf()).param("email", "not-an-email").param("subject", "").param("body", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("格式不正确")))
                .andExpect(content().string(containsString("必填")));
        mvc.perform(get("/inbox/calls/new").with(user("temp4").roles("TEMP_AGENT"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("通话摘要")));
        mvc.perform(post("/inbox/calls").with(user("temp4").roles("TEMP_AGENT")).with(csrf()).param("ticketNumber", "99999999")
                        .param("summary", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("找不到该工单号")));
    }

    @Test
    void callOnAnExistingTicketFromTheFormIsLogged() throws Exception {
        TicketId id = tickets.open(OpenTicket.of("电话跟进", "hi", new CustomerId(8_800_004), Channel.PHONE), VipTier.NONE);
        long number = tickets.find(id).orElseThrow().number();
        mvc.perform(post("/inbox/calls").with(user("temp4").roles("TEMP_AGENT")).with(csrf()).param("ticketNumber", "#" + number)
                        .param("callerName", "周先生").param("summary", "客户来电确认收货地址").param("outcome", "RESOLVED").param("status", "SOLVED"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已在工单 #" + number + " 记录来电"));
        assertThat(tickets.messages(id)).last().satisfies(m -> assertThat(m.kind()).isEqualTo("PHONE"));
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(com.steadydesk.inbox.TicketStatus.SOLVED);
    }

    @Test
    void apiIsDescribedOnTheOpenApiPage() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/tickets/{id}/merge")))
                .andExpect(content().string(containsString("/api/v1/tickets/bulk")));
    }
}
