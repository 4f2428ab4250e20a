package com.steadydesk.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.platform.MutableClockConfiguration;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = "steadydesk.sla.scan-interval-ms=3600000")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class SlaPolicyControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    SlaPolicies policies;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    /** Changes recalculate open tickets after commit; let that finish before the next test looks at tickets. */
    @AfterEach
    void recalculationsDone() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                jdbc.sql("select count(*) from event_publication where completion_date is null").query(Long.class).single() == 0);
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void listsTheDefaultPoliciesWithTheirTargetsInWords() throws Exception {
        mvc.perform(get("/admin/sla")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("在线聊天"), containsString("30 秒"), containsString("60 秒"),
                        containsString("4 个工作小时"), containsString("1 个工作小时"), containsString("30 分钟"),
                        containsString("工作日 9:00-18:00"), containsString("7×24 全天候"), containsString("任意 VIP"))))
                .andExpect(content().string(not(containsString("sla.delete"))));
        mvc.perform(get("/admin/sla").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("30 s"), containsString("4 business hours"), containsString("Urgent"))));
    }

    @Test
    @WithMockUser(username = "agent", roles = "AGENT")
    void agentsCannotOpenTheSlaAdmin() throws Exception {
        mvc.perform(get("/admin/sla")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/sla/calendars")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/sla/policies").with(csrf()).param("name", "x")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void badFieldsAreExplainedNextToTheFieldsInTheUsersLanguage() throws Exception {
        mvc.perform(post("/admin/sla/policies").with(csrf())
                        .param("name", " ").param("firstResponseAmount", "abc").param("firstResponseUnit", "MINUTES")
                        .param("atRiskPercent", "120"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("必填"), containsString("请输入正整数"),
                        containsString("请输入 1 到 99 之间的整数"), containsString("value=\"abc\""))));
        mvc.perform(post("/admin/sla/policies").with(csrf()).param("lang", "en")
                        .param("name", "No targets").param("atRiskPercent", "75"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Set at least a first-response or a resolution target")));
        assertThat(policies.all()).noneMatch(p -> p.name().equals("No targets"));
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void aSupervisorCreatesReordersAndDeactivatesAPolicyAndEveryStepIsAudited() throws Exception {
        mvc.perform(post("/admin/sla/policies").with(csrf())
                        .param("name", "金卡邮件").param("channel", "EMAIL").param("vipTier", "GOLD")
                        .param("firstResponseAmount", "30").param("firstResponseUnit", "MINUTES")
                        .param("resolutionAmount", "6").param("resolutionUnit", "HOURS")
                        .param("calendarId", "").param("atRiskPercent", "80").param("active", "true"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/admin/sla"));
        SlaPolicy created = policies.all().stream().filter(p -> p.name().equals("金卡邮件")).findFirst().orElseThrow();
        assertThat(created.channel()).isEqualTo(Channel.EMAIL);
        assertThat(created.vipTier()).isEqualTo(VipCriterion.GOLD);
        assertThat(created.firstResponseTarget()).isEqualTo(Duration.ofMinutes(30));
        assertThat(created.atRiskPercent()).isEqualTo(80);
        assertThat(policies.all().get(policies.all().size() - 1)).isEqualTo(created);

        mvc.perform(post("/admin/sla/policies/{id}/move", created.id()).with(csrf()).param("direction", "-1"))
                .andExpect(status().is3xxRedirection());
        var ordered = policies.all();
        assertThat(ordered.get(ordered.size() - 2).id()).isEqualTo(created.id());

        mvc.perform(post("/admin/sla/policies/{id}/active", created.id()).with(csrf()).param("active", "false"))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.get(created.id()).active()).isFalse();

        mvc.perform(get("/admin/sla/policies/{id}/edit", created.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"金卡邮件\"")));
        mvc.perform(post("/admin/sla/policies/{id}", created.id()).with(csrf())
                        .param("name", "金卡邮件").param("channel", "EMAIL").param("priority", "URGENT").param("vipTier", "GOLD")
                        .param("firstResponseAmount", "15").param("firstResponseUnit", "MINUTES")
                        .param("atRiskPercent", "75"))
                .andExpect(status().is3xxRedirection());
        assertThat(policies.get(created.id()).priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(policies.get(created.id()).resolutionTarget()).isNull();

        mvc.perform(post("/admin/sla/policies/{id}/delete", created.id()).with(csrf())).andExpect(status().isForbidden());
        assertThat(audit.recent("lead", "sla.policy.", null, 20)).extracting(AuditLog.AuditEntry::action)
                .contains("sla.policy.created", "sla.policy.moved", "sla.policy.deactivated", "sla.policy.updated");
        policies.delete(created.id());
    }

    @Test
    @WithMockUser(username = "boss", roles = "ADMIN")
    void anAdminDeletesAPolicy() throws Exception {
        long id = policies.create(new SlaPolicy(0, "临时策略", Channel.API, TicketPriority.LOW, null, Duration.ofHours(1), null, null, 75, false, 0));
        mvc.perform(post("/admin/sla/policies/{id}/delete", id).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(policies.find(id)).isEmpty();
        assertThat(audit.recent("boss", "sla.policy.deleted", null, 5)).extracting(AuditLog.AuditEntry::target).contains("sla-policy:" + id);
    }
}
