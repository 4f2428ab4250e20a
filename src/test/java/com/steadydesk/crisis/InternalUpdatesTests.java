package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.notifications.StaffNotice;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.scripts.ScriptsTestSupport;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-internal", roles = "CRISIS_LEAD")
class InternalUpdatesTests {

    @Autowired
    CrisisManagement crises;
    @Autowired
    InternalUpdates internalUpdates;
    @Autowired
    CrisisTaskManagement tasks;
    @Autowired
    ReportingChain chain;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    StaffNotices staffNotices;
    @Autowired
    UserManagement users;
    @Autowired
    MockMvc mvc;

    @Test
    void followersTheSquadAndTheChainGetAnInternalUpdateButNotTheAuthorNorThePublic() throws Exception {
        String follower = CrisisTestSupport.user(users, "follows", Role.AGENT);
        String squadMember = CrisisTestSupport.user(users, "squad", Role.AGENT);
        String chainLead = CrisisTestSupport.user(users, "chain", Role.CRISIS_LEAD);
        String bystander = CrisisTestSupport.user(users, "bystander", Role.AGENT);
        chain.saveLevel(CrisisGrade.MINOR, 1, chainLead, List.of(), List.of(), List.of("IN_APP"), 30);
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "内部通报测试", null, null, List.of()),
                CrisisManagementTests.MINOR);
        tasks.add(crisis.id(), new CrisisTaskManagement.NewTask("核对退款名单", Department.FINANCE, squadMember, null));
        ScriptsTestSupport.run(follower, Role.AGENT, () -> internalUpdates.follow(crisis.id()));
        int chainUnread = staffNotices.unreadCount(chainLead);

        InternalUpdates.InternalUpdate update = internalUpdates.post(crisis.id(), "退款口径已确定：全额退款，三个工作日内到账。");

        assertThat(internalUpdates.staff(crisis.id())).contains(follower, squadMember, chainLead, "lead-internal").doesNotContain(bystander);
        for (String colleague : List.of(follower, squadMember)) {
            assertThat(staffNotices.recent(colleague, null, 5).rows()).extracting(StaffNotice::body)
                    .contains("退款口径已确定：全额退款，三个工作日内到账。");
        }
        assertThat(staffNotices.unreadCount(chainLead)).isEqualTo(chainUnread + 1);
        assertThat(staffNotices.recent("lead-internal", null, 50).rows()).extracting(StaffNotice::body)
                .doesNotContain("退款口径已确定：全额退款，三个工作日内到账。");
        assertThat(staffNotices.unreadCount(bystander)).isZero();
        assertThat(update.notified()).isEqualTo(internalUpdates.staff(crisis.id()).size() - 1);
        assertThat(internalUpdates.of(crisis.id())).extracting(InternalUpdates.InternalUpdate::author).containsExactly("lead-internal");
        assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::kind).contains("INTERNAL_UPDATE");
        assertThat(mvc.perform(get("/status")).andReturn().getResponse().getContentAsString()).doesNotContain("退款口径已确定");
    }

    @Test
    void onlyTheLeadAndTheSquadPost() {
        String squadMember = CrisisTestSupport.user(users, "squad", Role.AGENT);
        String follower = CrisisTestSupport.user(users, "reader", Role.AGENT);
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "谁能发内部通报", null, null, List.of()),
                CrisisManagementTests.MINOR);
        tasks.add(crisis.id(), new CrisisTaskManagement.NewTask("联系物流", Department.LOGISTICS, squadMember, null));
        ScriptsTestSupport.run(follower, Role.AGENT, () -> internalUpdates.follow(crisis.id()));

        ScriptsTestSupport.run(squadMember, Role.AGENT, () -> internalUpdates.post(crisis.id(), "物流已确认延误两天。"));
        assertThatThrownBy(() -> ScriptsTestSupport.run(follower, Role.AGENT, () -> internalUpdates.post(crisis.id(), "我也想发")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> internalUpdates.post(crisis.id(), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(internalUpdates.of(crisis.id())).extracting(InternalUpdates.InternalUpdate::author).containsExactly(squadMember);

        ScriptsTestSupport.run(follower, Role.AGENT, () -> internalUpdates.unfollow(crisis.id()));
        assertThat(internalUpdates.follows(crisis.id(), follower)).isFalse();
    }
}
