package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisStatus;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CrisisPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void anAgentReportsFromATicketAndTheLeadAcknowledgesDeclaresAndOverrides() throws Exception {
        CustomerProfile customer = customers.identifyByEmail("pages-" + System.nanoTime() + "@example.com", "周敏");
        TicketId ticket = tickets.open(OpenTicket.of("付款失败", "一直提示支付失败", customer.id(), Channel.WEB), customer.vipTier());
        long number = tickets.find(ticket).orElseThrow().number();

        String dialog = mvc.perform(get("/crisis/report").param("ticketId", String.valueOf(ticket.value())).header("HX-Request", "true")
                .with(user("temp-he").roles("TEMP_AGENT"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(dialog).contains("crisis-report-dialog").contains("value=\"" + number + "\"").doesNotContain("<html");

        String location = mvc.perform(post("/crisis/report").with(user("agent-he").roles("AGENT")).with(csrf())
                        .param("type", "TECHNICAL_FAILURE").param("title", "支付接口大面积失败").param("exampleNumbers", "#" + number))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring("/crisis/".length()));
        assertThat(crises.linkedTickets(new CrisisId(id))).containsExactly(ticket);

        String cockpit = mvc.perform(get("/crisis/" + id).with(user("lead-pages").roles("CRISIS_LEAD")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(cockpit).contains("支付接口大面积失败").contains("id=\"acknowledge\"").contains("#" + number);

        mvc.perform(post("/crisis/" + id + "/acknowledge").with(user("lead-pages").roles("CRISIS_LEAD")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/crisis/" + id + "/declare").with(user("lead-pages").roles("CRISIS_LEAD")).with(csrf())
                .param("type", "TECHNICAL_FAILURE").param("natures", "QUALITY").param("customers", "500").param("trend", "RISING")
                .param("urgency", "HIGH").param("attention", "SOCIAL_MEDIA")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/crisis/" + id + "/override").with(user("lead-pages").roles("CRISIS_LEAD")).with(csrf())
                .param("grade", "MAJOR").param("reason", "已上热搜")).andExpect(status().is3xxRedirection());

        var crisis = crises.find(new CrisisId(id));
        assertThat(crisis.status()).isEqualTo(CrisisStatus.DECLARED);
        assertThat(crisis.grade()).isEqualTo(CrisisGrade.MAJOR);
        assertThat(crisis.lead()).isEqualTo("lead-pages");
        String after = mvc.perform(get("/crisis/" + id).with(user("agent-he").roles("AGENT")).param("lang", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // playbook tasks show their English titles on an English screen
        assertThat(after).contains("Major").contains("已上热搜").contains("Switch to the backup system or a degraded mode")
                .contains("Form the emergency squad and hold the first stand-up").doesNotContain("成立应急小组并召开首次碰头会")
                .doesNotContain("id=\"declare\"")
                .doesNotContain("id=\"acknowledge\""); // the agent was not told: the chain refuses an acknowledgement from them
        assertThat(mvc.perform(get("/crisis/" + id).with(user("lead-pages").roles("CRISIS_LEAD"))).andReturn().getResponse().getContentAsString())
                .contains("id=\"acknowledge\""); // the major chain was told and waits for its acknowledgement
    }

    @Test
    void aTempAgentMayReportButNotOpenTheCockpitNorDeclare() throws Exception {
        mvc.perform(get("/crisis").with(user("temp-li").roles("TEMP_AGENT"))).andExpect(status().isOk());
        long id = crises.report(new com.steadydesk.crisis.NewCrisisReport(null, "门店断电", null, null, java.util.List.of())).value();
        mvc.perform(get("/crisis/" + id).with(user("temp-li").roles("TEMP_AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/crisis/" + id + "/declare").with(user("agent-li").roles("AGENT")).with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    void aDismissedReportAsksNobodyToAcknowledgeIt() throws Exception {
        long id = crises.report(new com.steadydesk.crisis.NewCrisisReport(null, "误报：监控抖动", null, null, java.util.List.of())).value();
        String before = mvc.perform(get("/crisis/" + id).with(user("lead-dismiss").roles("CRISIS_LEAD")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("id=\"acknowledge\"");

        mvc.perform(post("/crisis/" + id + "/dismiss").with(user("lead-dismiss").roles("CRISIS_LEAD")).with(csrf())
                .param("reason", "监控误报")).andExpect(status().is3xxRedirection());

        String after = mvc.perform(get("/crisis/" + id).with(user("lead-dismiss").roles("CRISIS_LEAD")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).doesNotContain("id=\"acknowledge\"");
    }

    @Test
    void aReportWithoutTitleOrWithAnUnknownTicketComesBackWithMessages() throws Exception {
        String page = mvc.perform(post("/crisis/report").with(user("agent-x").roles("AGENT")).with(csrf()).param("lang", "en")
                .param("type", "OTHER").param("title", " ").param("exampleNumbers", "999999999")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Say what is happening.").contains("No ticket 999999999.");
    }

    @Test
    void monitoringToolsOpenAReportThroughTheApiAndTheLeadGradesIt() throws Exception {
        String json = mvc.perform(post("/api/v1/crises/reports").with(user("monitor").roles("AGENT"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"type":"TECHNICAL_FAILURE","title":"订单服务 5xx 比例超过 20%","description":"由监控自动上报"}"""))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("REPORTED")).andReturn().getResponse()
                .getContentAsString();
        long id = com.jayway.jsonpath.JsonPath.parse(json).read("$.id.value", Long.class);

        mvc.perform(post("/api/v1/crises/" + id + "/declaration").with(user("lead-api").roles("CRISIS_LEAD"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"factors":{"natures":["SAFETY"],"customersAffected":20000,"regionsAffected":5,"estimatedLossYuan":2000000,
                                 "trend":"SURGING","urgency":"CRITICAL","publicAttention":"NATIONAL_MEDIA"}}"""))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grade").value("MAJOR"));
        mvc.perform(post("/api/v1/crises/" + id + "/grade-override").with(user("lead-api").roles("CRISIS_LEAD"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"grade\":\"MODERATE\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/v1/crises/" + id + "/declaration").with(user("lead-api").roles("CRISIS_LEAD"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isConflict());
        mvc.perform(get("/api/v1/crises/" + id + "/tasks").with(user("agent-api").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].title").exists());
        mvc.perform(get("/api/v1/crises/" + id + "/timeline").with(user("agent-api").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].kind").value("REPORTED"));
        mvc.perform(post("/api/v1/crises/" + id + "/declaration").with(user("agent-api").roles("AGENT"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/crises/999999")
                .with(user("agent-api").roles("AGENT"))).andExpect(status().isNotFound());
    }

    @Test
    void theCockpitShowsCompensationCallbacksAndTheReviewDraft() throws Exception {
        long id = crises.reportAndDeclare(new com.steadydesk.crisis.NewCrisisReport(null, "跟进测试", null, null, java.util.List.of()),
                new com.steadydesk.crisis.GradingFactors(null, 0, 0, 0, null, null, null)).id().value();
        mvc.perform(post("/crisis/" + id + "/compensations").with(user("lead-fu").roles("CRISIS_LEAD")).with(csrf())
                .param("segment", "故障期间下单客户").param("kind", "COUPON").param("amount", "20").param("reason", "致歉"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/crisis/" + id + "/callbacks").with(user("agent-fu").roles("AGENT")).with(csrf())
                .param("customerId", "5").param("assignee", "zhangwei")).andExpect(status().is3xxRedirection());
        String page = mvc.perform(get("/crisis/" + id).with(user("lead-fu").roles("CRISIS_LEAD"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("故障期间下单客户").contains("待审批").doesNotContain("PROPOSED").contains("zhangwei").contains("review.md");
        String review = mvc.perform(get("/crisis/" + id + "/review.md").with(user("agent-fu").roles("AGENT"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(review).startsWith("# 复盘 Review: 跟进测试").contains("## 行动项 Action items");
    }

    @Test
    void theTimelineLinksLinkedTicketsByTheirNumber() throws Exception {
        CustomerProfile customer = customers.identifyByEmail("timeline-" + System.nanoTime() + "@example.com", "吴芳");
        TicketId ticket = tickets.open(OpenTicket.of("扣款两次", "同一订单扣了两次钱", customer.id(), Channel.WEB), customer.vipTier());
        long number = tickets.find(ticket).orElseThrow().number();
        long id = crises.report(new com.steadydesk.crisis.NewCrisisReport(null, "重复扣款", null, null, java.util.List.of(ticket.value())))
                .value();

        String page = mvc.perform(get("/crisis/" + id).with(user("lead-timeline").roles("CRISIS_LEAD"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String timeline = page.substring(page.indexOf("kind-TICKETS_LINKED"));
        assertThat(timeline).contains("关联 1 张工单（随上报）")
                .contains("<a href=\"/inbox/tickets/" + ticket.value() + "\">#" + number + "</a>")
                .doesNotContain("[" + ticket.value() + "]");
    }

    @Test
    void theCockpitSpeaksTheReadersLanguageWithoutRawCodes() throws Exception {
        long id = crises.reportAndDeclare(new com.steadydesk.crisis.NewCrisisReport(com.steadydesk.crisis.CrisisType.TECHNICAL_FAILURE,
                "双语驾驶舱", null, null, java.util.List.of()), com.steadydesk.crisis.GradingFactors.none()).id().value();

        String zh = mvc.perform(get("/crisis/" + id).with(user("lead-lang").roles("CRISIS_LEAD"))).andReturn().getResponse()
                .getContentAsString();
        String en = mvc.perform(get("/crisis/" + id).param("lang", "en").with(user("lead-lang").roles("CRISIS_LEAD"))).andReturn()
                .getResponse().getContentAsString();

        String zhTimeline = zh.substring(zh.indexOf("/timeline\""), zh.indexOf("<aside"));
        assertThat(zhTimeline).contains("宣布为技术故障危机").contains("定级：轻微").doesNotContain("declared").doesNotContain(">DECLARED<");
        String enTimeline = en.substring(en.indexOf("/timeline\""), en.indexOf("<aside"));
        assertThat(enTimeline).contains("Declared a Technical failure crisis").doesNotContain("宣布为");
        assertThat(zh.substring(zh.indexOf("crisis-chain"))).doesNotContain(" MINOR<").doesNotContain("IN_APP");
    }

    @Test
    void compensationAndCallbackFormsPickCustomersByNameInsteadOfAskingForIds() throws Exception {
        String name = "蒋" + System.nanoTime() % 100000;
        customers.identifyByEmail("picker-" + System.nanoTime() + "@example.com", name);
        long id = crises.reportAndDeclare(new com.steadydesk.crisis.NewCrisisReport(null, "选择器", null, null, java.util.List.of()),
                com.steadydesk.crisis.GradingFactors.none()).id().value();

        String cockpit = mvc.perform(get("/crisis/" + id).with(user("lead-picker").roles("CRISIS_LEAD", "AGENT"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(cockpit).doesNotContain("name=\"customerId\" type=\"number\"").doesNotContain("name=\"scriptId\" type=\"number\"")
                .contains("/crisis/pickers/customers").contains("/crisis/pickers/scripts");
        String found = mvc.perform(get("/crisis/pickers/customers").param("q", name).with(user("lead-picker").roles("CRISIS_LEAD", "AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(found).contains(name).contains("name=\"customerId\"").doesNotContain("<html");
    }

    @Test
    void theTimelineDownloadsAsCsv() throws Exception {
        long id = crises.report(new com.steadydesk.crisis.NewCrisisReport(null, "导出", null, null, java.util.List.of())).value();
        var response = mvc.perform(get("/crisis/" + id + "/timeline.csv").with(user("agent-csv").roles("AGENT")))
                .andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).contains("crisis-" + id + "-timeline.csv");
        assertThat(response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).contains("REPORTED").contains("导出");
    }
}
