package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.AuditLog.AuditEntry;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    AuditLog audit;

    @Test
    void filtersByActorAndActionPrefixNewestFirstInShanghaiTime() throws Exception {
        audit.recordAs("filter-actor", "script.approved", "script-1", null);
        audit.recordAs("filter-actor", "user.created", "someone", "roles=[AGENT]");
        audit.recordAs("filter-actor", "user.deactivated", "someone", null);
        audit.recordAs("other-actor", "user.created", "someone-else", null);
        audit.recordAs("filter-actor", "user_created", "not-a-prefix-match", null);

        Document page = page("/admin/audit?actor=filter-actor&action=user.", "SUPERVISOR");
        List<Element> rows = page.select("table.audit tbody tr[data-id]");
        assertThat(rows).extracting(r -> r.select("code").text()).containsExactly("user.deactivated", "user.created");
        assertThat(rows).extracting(r -> r.child(1).text()).containsOnly("filter-actor");

        AuditEntry newest = audit.recent("filter-actor", "user.deactivated", null, 1).get(0);
        String shanghai = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(newest.at().atZone(ZoneId.of("Asia/Shanghai")));
        assertThat(rows.get(0).child(0).text()).isEqualTo(shanghai);
        assertThat(page.select("#actor").val()).isEqualTo("filter-actor");

        Document literal = page("/admin/audit?actor=filter-actor&action=user_", "SUPERVISOR");
        assertThat(literal.select("table.audit tbody tr[data-id] code").eachText()).containsExactly("user_created");
    }

    @Test
    void pagesOlderEntriesByTheLastIdShown() throws Exception {
        for (int i = 0; i < AuditLogController.PAGE_SIZE + 5; i++) {
            audit.recordAs("busy-actor", "ticket.touched", "ticket-" + i, null);
        }
        Document first = page("/admin/audit?actor=busy-actor", "ADMIN");
        List<Element> rows = first.select("table.audit tbody tr[data-id]");
        assertThat(rows).hasSize(AuditLogController.PAGE_SIZE);
        assertThat(rows.get(0).child(3).text()).isEqualTo("ticket-54");
        String lastId = rows.get(rows.size() - 1).attr("data-id");
        String older = first.select(".pager a.older").attr("href");
        assertThat(older).contains("before=" + lastId).contains("actor=busy-actor");

        Document second = page(older, "ADMIN");
        assertThat(second.select("table.audit tbody tr[data-id]")).extracting(r -> r.child(3).text())
                .containsExactly("ticket-4", "ticket-3", "ticket-2", "ticket-1", "ticket-0");
        assertThat(second.select(".pager a.older")).isEmpty();
    }

    @Test
    void agentsMayNotReadTheAuditLog() throws Exception {
        mvc.perform(get("/admin/audit").with(user("an-agent").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/audit").with(user("a-reviewer").roles("REVIEWER"))).andExpect(status().isForbidden());
    }

    private Document page(String url, String role) throws Exception {
        return Jsoup.parse(mvc.perform(get(url).with(user("reader").roles(role)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
