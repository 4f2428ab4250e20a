package com.steadydesk.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.inbox.BulkAction;
import com.steadydesk.inbox.CallOutcome;
import com.steadydesk.inbox.InvalidAssignee;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.PhoneCall;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Who tickets may be assigned to, what happens to the tickets of someone deactivated, the bulk rule kept in one place
 * (TicketManagement), and what the agent screens say after each action.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TicketAssignmentTests {

    static final AtomicInteger n = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;

    UserSummary agent(String name) {
        return users.create(new NewUser("assign-" + n.incrementAndGet(), name, null, "assignable-agent-2026", Set.of(Role.AGENT)));
    }

    CustomerProfile customer(String name) {
        return customers.identifyByEmail("assign-" + n.incrementAndGet() + "@example.com", name);
    }

    TicketId ticket(CustomerProfile customer) {
        return tickets.open(OpenTicket.of("订单没到", "我的订单还没到", customer.id(), Channel.EMAIL), VipTier.NONE);
    }

    TicketId ticket() {
        return ticket(customer("王芳"));
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void refusesAssigneeWhoDoesNotExistOrIsDeactivated() {
        TicketId id = ticket();
        UserSummary gone = agent("离职的人");
        users.deactivate(gone.id());

        assertThatThrownBy(() -> tickets.assign(id, new com.steadydesk.identity.UserId(987_654_321), null))
                .isInstanceOf(InvalidAssignee.class).hasMessageContaining("987654321");
        assertThatThrownBy(() -> tickets.assign(id, gone.id(), null)).isInstanceOf(InvalidAssignee.class);
        assertThatThrownBy(() -> tickets.bulk(BulkAction.assign(gone.id(), null), List.of(id))).isInstanceOf(InvalidAssignee.class);
        assertThat(tickets.find(id).orElseThrow().assigneeId()).isNull();
    }

    @Test
    void theApiRefusesAnUnknownOrDeactivatedAssigneeWith400NamingTheField() throws Exception {
        TicketId id = ticket();
        UserSummary gone = agent("离职的人");
        users.deactivate(gone.id());
        mvc.perform(patch("/api/v1/tickets/{id}", id.value()).with(user("agent1").roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"assigneeId\":" + gone.id().value() + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        mvc.perform(post("/api/v1/tickets/bulk").with(user("agent1").roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticketIds\":[" + id.value() + "],\"type\":\"ASSIGN\",\"assigneeId\":987654321}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("assigneeId"));
        assertThat(tickets.find(id).orElseThrow().assigneeId()).isNull();
    }

    @Test
    void theTicketPageAndBulkAssignRefuseADeactivatedAssigneeInTheUsersLanguage() throws Exception {
        TicketId id = ticket();
        UserSummary gone = agent("离职的人");
        users.deactivate(gone.id());
        mvc.perform(post("/inbox/tickets/{id}/assignee", id.value()).with(user("agent1").roles("AGENT")).with(csrf())
                        .param("assignee", String.valueOf(gone.id().value())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该处理人的账号已停用")));
        mvc.perform(post("/inbox/bulk").with(user("agent1").roles("AGENT")).with(csrf()).param("lang", "en")
                        .param("ids", String.valueOf(id.value())).param("action", "assign").param("assignee", String.valueOf(gone.id().value())))
                .andExpect(flash().attribute("flash", "This assignee has been deactivated; choose another colleague"));
        assertThat(tickets.find(id).orElseThrow().assigneeId()).isNull();
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void deactivatingAnAgentReturnsHerOpenTicketsToTheQueueWithAHistoryEntry() {
        UserSummary leaving = agent("要离开的人");
        TicketId open = ticket();
        TicketId solved = ticket();
        tickets.assign(open, leaving.id(), null);
        tickets.assign(solved, leaving.id(), null);
        tickets.changeStatus(solved, TicketStatus.SOLVED);

        users.deactivate(leaving.id()); // the API's path: no hand-over page, the inbox listener acts

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> tickets.find(open).orElseThrow().assigneeId() == null);
        assertThat(tickets.history(open)).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("assignee");
            assertThat(h.from()).isEqualTo(String.valueOf(leaving.id().value()));
            assertThat(h.to()).isNull();
        });
        assertThat(tickets.find(solved).orElseThrow().assigneeId()).as("finished work keeps who did it").isEqualTo(leaving.id().value());
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void theHandoverPageSpreadsTheOpenTicketsOverChosenColleaguesThenDeactivates() throws Exception {
        UserSummary leaving = agent("张伟");
        UserSummary li = agent("李娜");
        UserSummary wang = agent("王强");
        List<TicketId> held = List.of(ticket(), ticket(), ticket(), ticket());
        held.forEach(t -> tickets.assign(t, leaving.id(), null));

        mvc.perform(get("/admin/users/{id}/handover", leaving.id().value()).with(user("admin1").roles("ADMIN")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("仍负责 4 张未结工单")));
        mvc.perform(post("/admin/users/{id}/handover", leaving.id().value()).with(user("admin1").roles("ADMIN")).with(csrf())
                        .param("to", "SPREAD").param("colleagues", String.valueOf(li.id().value()), String.valueOf(wang.id().value())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已停用张伟，4 张未结工单已交给李娜、王强"));

        assertThat(users.findById(leaving.id()).orElseThrow().active()).isFalse();
        assertThat(held).extracting(t -> tickets.find(t).orElseThrow().assigneeId())
                .containsExactly(li.id().value(), wang.id().value(), li.id().value(), wang.id().value());
    }

    @Test
    void theHandoverPageRefusesADeactivatedColleagueAndLeavesEverythingAsItWas() throws Exception {
        UserSummary leaving = agent("张伟");
        UserSummary gone = agent("已走的人");
        users.deactivate(gone.id());
        TicketId t = ticket();
        tickets.assign(t, leaving.id(), null);
        mvc.perform(post("/admin/users/{id}/handover", leaving.id().value()).with(user("admin1").roles("ADMIN")).with(csrf())
                        .param("to", "ONE").param("colleague", String.valueOf(gone.id().value())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该处理人的账号已停用")));
        assertThat(users.findById(leaving.id()).orElseThrow().active()).isTrue();
        assertThat(tickets.find(t).orElseThrow().assigneeId()).isEqualTo(leaving.id().value());
    }

    @Test
    @WithMockUser(username = "plain-agent", roles = "AGENT")
    void bulkCloseAndBulkReplyNeedASupervisorInTheServiceItself() {
        TicketId id = ticket();
        assertThatThrownBy(() -> tickets.bulk(BulkAction.status(TicketStatus.CLOSED), List.of(id))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tickets.bulk(BulkAction.reply("您好"), List.of(id))).isInstanceOf(AccessDeniedException.class);
        assertThat(tickets.bulk(BulkAction.tag("ok"), List.of(id)).succeeded()).containsExactly(id);
    }

    @Test
    void bulkCloseByAnAgentIsRefusedOnTheScreenAndOverTheApi() throws Exception {
        TicketId id = ticket();
        mvc.perform(post("/inbox/bulk").with(user("agent1").roles("AGENT")).with(csrf())
                        .param("ids", String.valueOf(id.value())).param("action", "status").param("status", "CLOSED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/tickets/bulk").with(user("agent1").roles("AGENT")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ticketIds\":[" + id.value() + "],\"type\":\"REPLY\",\"body\":\"您好\"}"))
                .andExpect(status().isForbidden());
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(id)).noneMatch(m -> "REPLY".equals(m.kind()));
    }

    @Test
    void replyingToAnUnassignedTicketAssignsItToTheAgentAndSaysWhatHappened() throws Exception {
        UserSummary zhang = agent("张伟");
        TicketId id = ticket(customer("李明"));
        mvc.perform(post("/inbox/tickets/{id}/messages", id.value()).with(user(zhang.username()).roles("AGENT")).with(csrf())
                        .param("body", "您好，已经为您查询").param("kind", "REPLY").param("statusAfter", "PENDING"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", "已回复客户李明，工单转为等待客户，工单已分配给你"));
        assertThat(tickets.find(id).orElseThrow().assigneeId()).isEqualTo(zhang.id().value());
        assertThat(tickets.history(id)).anySatisfy(h -> {
            assertThat(h.field()).isEqualTo("assignee");
            assertThat(h.to()).isEqualTo(String.valueOf(zhang.id().value()));
            assertThat(h.actor()).isEqualTo(zhang.username());
        });
    }

    @Test
    void replyingToAColleaguesTicketLeavesItWithHer() throws Exception {
        UserSummary zhang = agent("张伟");
        UserSummary li = agent("李娜");
        TicketId id = ticket();
        tickets.bulk(BulkAction.assign(li.id(), null), List.of(id));
        mvc.perform(post("/inbox/tickets/{id}/messages", id.value()).with(user(zhang.username()).roles("AGENT")).with(csrf())
                        .param("body", "补充一下").param("kind", "REPLY"))
                .andExpect(status().is3xxRedirection());
        assertThat(tickets.find(id).orElseThrow().assigneeId()).isEqualTo(li.id().value());
    }

    @Test
    void bulkAssignSaysHowManyTicketsWentToWhom() throws Exception {
        UserSummary zhang = agent("张伟");
        TicketId a = ticket();
        TicketId b = ticket();
        mvc.perform(post("/inbox/bulk").with(user("agent1").roles("AGENT")).with(csrf())
                        .param("ids", String.valueOf(a.value()), String.valueOf(b.value())).param("action", "assign")
                        .param("assignee", String.valueOf(zhang.id().value())))
                .andExpect(flash().attribute("flash", "已把 2 张工单分配给张伟"));
        mvc.perform(post("/inbox/bulk").with(user("agent1").roles("AGENT")).with(csrf()).param("lang", "en")
                        .param("ids", String.valueOf(a.value())).param("action", "tag").param("tag", "退款"))
                .andExpect(flash().attribute("flash", "Tagged 1 tickets with \"退款\""));
    }

    @Test
    void theHistoryShowsStatusesAndAssigneesByNameNotByCode() throws Exception {
        UserSummary zhang = agent("张伟");
        TicketId id = ticket();
        mvc.perform(post("/inbox/tickets/{id}/assignee", id.value()).with(user("agent1").roles("AGENT")).with(csrf())
                .param("assignee", String.valueOf(zhang.id().value())));
        mvc.perform(post("/inbox/tickets/{id}/status", id.value()).with(user("agent1").roles("AGENT")).with(csrf()).param("status", "PENDING"));
        String page = mvc.perform(get("/inbox/tickets/{id}", id.value()).with(user("agent1").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String history = page.substring(page.indexOf("class=\"panel history\""), page.indexOf("</details>", page.indexOf("class=\"panel history\"")));
        assertThat(history).contains("等待客户", "张伟").doesNotContain("PENDING", ">NEW<", ">OPEN<", ">" + zhang.id().value() + "<");
    }

    @Test
    void theStatusEditSaysWhatTheTicketBecame() throws Exception {
        TicketId id = ticket();
        mvc.perform(post("/inbox/tickets/{id}/status", id.value()).with(user("agent1").roles("AGENT")).with(csrf()).param("status", "PENDING"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("工单已转为“等待客户”")));
    }

    @Test
    void loggingACallOpensAnOpenTicketWhoseSubjectLeavesOutTheCallersNumber() throws Exception {
        String location = mvc.perform(post("/inbox/calls").with(user("agent1").roles("AGENT")).with(csrf())
                        .param("callerName", "赵女士").param("callerPhone", "13912345678").param("outcome", "RESOLVED").param("status", "OPEN")
                        .param("summary", "13912345678 来电询问退款进度\n已告知三天内到账"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", containsString("已记录来电，新建电话工单")))
                .andReturn().getResponse().getRedirectedUrl();
        TicketId id = new TicketId(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        var ticket = tickets.find(id).orElseThrow();
        assertThat(ticket.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.subject()).isEqualTo("来电询问退款进度");
        assertThat(PhoneCall.subjectFrom("客户 138-0013-8000 反映：订单 20261207001 未发货。")).isEqualTo("客户 反映：订单 未发货");
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void aCallWithoutAStatusChoiceOpensTheTicketOpenWhateverTheOutcome() {
        TicketId id = tickets.logCall(new PhoneCall(null, customer("陈先生").id(), "陈先生", null, "咨询", "问题已解答", CallOutcome.RESOLVED, null));
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.OPEN);
    }
}
