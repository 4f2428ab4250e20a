package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.CrisisCleanup;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-panels", roles = "CRISIS_LEAD")
class CockpitPanelsTests {

    static final GradingFactors NONE = new GradingFactors(null, 0, 0, 0, null, null, null);

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisCleanup cleanup;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void aClosedCrisisShowsItsChecklistInBothLanguagesAndTheListMarksTheCleanUpOpen() throws Exception {
        long id = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "收尾页面测试", null, null, List.of()), NONE)
                .id().value();
        mvc.perform(post("/crisis/" + id + "/contact-point-changes").with(csrf()).param("change", "热线转接外包坐席"))
                .andExpect(status().is3xxRedirection());
        assertThat(mvc.perform(get("/crisis/" + id)).andReturn().getResponse().getContentAsString())
                .contains("临时调整（危机结束后恢复）").contains("热线转接外包坐席").doesNotContain("收尾清单");
        crises.resolve(new CrisisId(id));
        crises.close(new CrisisId(id));
        // the never-public crisis needs no final update; the three notices are verified gone by the close listener
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> cleanup.checklist(new CrisisId(id)).done() >= 4);

        String zh = mvc.perform(get("/crisis/" + id)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("收尾清单").contains("热线转接外包坐席").contains("已确认移除").contains("确认已恢复")
                .contains("已完成 4/5 项");
        String en = mvc.perform(get("/crisis/" + id).param("lang", "en")).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Clean-up checklist").contains("4 of 5 done").contains("Verified removed").contains("Confirm back to normal");
        assertThat(mvc.perform(get("/crisis").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("href=\"/crisis/" + id + "#cleanup\"").contains("clean-up open");

        long change = cleanup.checklist(new CrisisId(id)).steps().stream().filter(s -> s.kind().equals("CONTACT_POINT")).findFirst()
                .orElseThrow().id();
        mvc.perform(post("/crisis/" + id + "/cleanup/steps/" + change).with(user("agent-panels").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/crisis/" + id + "/cleanup/steps/" + change).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/crises/" + id + "/cleanup").with(user("agent-panels").roles("AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.done").value(5)).andExpect(jsonPath("$.total").value(5));
        mvc.perform(post("/api/v1/crises/" + id + "/cleanup/steps/" + change + "/confirmation")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("crisis.cleanup.done"));
    }

    @Test
    void internalUpdatesThroughTheApiAreForTheLeadAndSquadAndStaffOnly() throws Exception {
        long id = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "内部通报接口", null, null, List.of()), NONE).id().value();
        mvc.perform(post("/api/v1/crises/" + id + "/internal-updates").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\":\"客服主管已到岗，十点再同步。\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.author").value("lead-panels"));
        mvc.perform(post("/api/v1/crises/" + id + "/internal-updates").with(user("agent-outside").roles("AGENT"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/crises/" + id + "/internal-updates").contentType(MediaType.APPLICATION_JSON).content("{\"body\":\"\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/crises/" + id + "/internal-updates").with(user("agent-outside").roles("AGENT"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].body").value("客服主管已到岗，十点再同步。"));
        mvc.perform(get("/api/v1/crises/" + id + "/internal-updates").with(user("temp-outside").roles("TEMP_AGENT")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/crisis/" + id + "/follow").with(user("agent-outside").roles("AGENT")).with(csrf()).param("follow", "true"))
                .andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/crisis/" + id).with(user("agent-outside").roles("AGENT"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("客服主管已到岗，十点再同步。").contains("取消关注").doesNotContain("id=\"post-internal\"");
    }

    @Test
    void anAgentSearchesTicketsFromTheCockpitAndLinksAllMatches() throws Exception {
        String word = "panelsearch" + System.nanoTime();
        TicketId first = open(word + " 退款未到账", Channel.EMAIL);
        TicketId second = open(word + " 退款进度", Channel.WEB);
        long id = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "搜索关联", null, null, List.of()), NONE)
                .id().value();

        String fragment = mvc.perform(get("/crisis/" + id + "/link-search").with(user("agent-search").roles("AGENT")).param("words", word)
                .param("channel", "").param("from", "").header("HX-Request", "true")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(fragment).contains("共 2 张工单符合").contains("value=\"" + first.value() + "\"").contains("关联全部 2 张").doesNotContain("<html");

        mvc.perform(post("/crisis/" + id + "/link-search/all").with(user("temp-search").roles("TEMP_AGENT")).with(csrf()).param("words", word))
                .andExpect(status().isForbidden());
        mvc.perform(post("/crisis/" + id + "/link-search/all").with(user("agent-search").roles("AGENT")).with(csrf()).param("words", word)
                .param("channel", "").param("from", "").param("to", "")).andExpect(status().is3xxRedirection());
        assertThat(crises.linkedTickets(new CrisisId(id))).containsExactlyInAnyOrder(first, second);

        mvc.perform(get("/api/v1/crises/" + id + "/ticket-search").with(user("agent-search").roles("AGENT")).param("words", word)
                        .param("channel", "WEB"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.matching").value(1)).andExpect(jsonPath("$.shown[0].linked").value(true));
        TicketId third = open(word + " 第三张", Channel.CHAT);
        mvc.perform(post("/api/v1/crises/" + id + "/linked-tickets/from-search").with(user("agent-search").roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"words\":\"" + word + "\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.matched").value(3)).andExpect(jsonPath("$.linked").value(1));
        assertThat(crises.linkedTickets(new CrisisId(id))).contains(third);
    }

    private TicketId open(String subject, Channel channel) {
        CustomerProfile customer = customers.identifyByEmail("panels-" + System.nanoTime() + "@example.com", "客户");
        return tickets.open(OpenTicket.of(subject, "正文", customer.id(), channel), customer.vipTier());
    }
}
