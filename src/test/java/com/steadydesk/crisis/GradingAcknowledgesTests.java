package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.notifications.StaffNotices;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;

/** The lead who grades a crisis and is on level 1 of that grade's chain need not acknowledge it again. */
@SpringBootTest
@WithMockUser(username = GradingAcknowledgesTests.GRADER, roles = "CRISIS_LEAD")
class GradingAcknowledgesTests {

    static final String GRADER = "lead-grader";

    @Autowired
    CrisisManagement crises;
    @Autowired
    ReportingChain chain;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    UserManagement users;
    @Autowired
    StaffNotices staffNotices;

    String colleague;

    @BeforeEach
    void graderIsAUser() {
        if (users.findByUsername(GRADER).isEmpty()) {
            users.create(new UserManagement.NewUser(GRADER, GRADER, null, "password-123", Set.of(Role.CRISIS_LEAD)));
        }
        colleague = CrisisTestSupport.user(users, "major-l1", Role.CRISIS_LEAD);
    }

    @AfterEach
    void defaultMajorChain() {
        chain.saveLevel(CrisisGrade.MAJOR, 1, null, List.of(), List.of("CRISIS_LEAD"), List.of("IN_APP", "EMAIL"), 5);
    }

    @Test
    void aGraderOnTheFirstLevelHasAcknowledgedByGradingWhileOtherReportsStillEscalate() {
        chain.saveLevel(CrisisGrade.MAJOR, 1, null, List.of(GRADER, colleague), List.of(), List.of("IN_APP"), 5);
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "充电宝起火", null, null, List.of()));
        ChainNotice reported = chain.notices(id).get(0);
        crises.declare(id, null, null, CrisisManagementTests.MINOR);

        crises.overrideGrade(id, CrisisGrade.MAJOR, "多地出现同类事故");

        ChainNotice major = chain.notices(id).stream().filter(n -> n.grade() == CrisisGrade.MAJOR).findFirst().orElseThrow();
        assertThat(major.recipients()).containsExactly(GRADER, colleague);
        assertThat(major.acknowledgedBy()).isEqualTo(GRADER);
        assertThat(major.acknowledgedAt()).isEqualTo(major.sentAt());
        assertThat(staffNotices.recent(colleague, null, 5).rows()).extracting(n -> n.link()).contains("/crisis/" + id.value());
        assertThat(timeline.entries(id)).filteredOn(e -> e.kind().equals("ACKNOWLEDGED")).singleElement()
                .satisfies(e -> assertThat(e.author()).isEqualTo(GRADER))
                .satisfies(e -> assertThat(e.text()).isEqualTo("acknowledged the report (MAJOR, level 1) by grading it"));

        chain.escalateOverdue(reported.sentAt().plus(Duration.ofHours(2)));

        List<ChainNotice> after = chain.notices(id);
        assertThat(after).filteredOn(n -> n.grade() == CrisisGrade.MAJOR).singleElement().satisfies(n -> assertThat(n.escalatedAt()).isNull());
        // the report that came before the grading was not acknowledged by it: it escalates as before
        assertThat(after.get(0).id()).isEqualTo(reported.id());
        assertThat(after.get(0).escalatedAt()).isNotNull();
        assertThat(after).filteredOn(n -> n.grade() == CrisisGrade.MINOR && n.level() == 2).isNotEmpty();
    }

    @Test
    void aDeclarationStraightToMajorCountsToo() {
        chain.saveLevel(CrisisGrade.MAJOR, 1, GRADER, List.of(colleague), List.of(), List.of("IN_APP"), 5);

        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "批次召回", null, null, List.of()),
                CrisisManagementTests.MAJOR);

        assertThat(crisis.grade()).isEqualTo(CrisisGrade.MAJOR);
        assertThat(chain.notices(crisis.id())).filteredOn(n -> n.grade() == CrisisGrade.MAJOR).singleElement()
                .satisfies(n -> assertThat(n.acknowledgedBy()).isEqualTo(GRADER));
    }

    @Test
    void aGraderNotOnTheFirstLevelLeavesItToEscalateAsBefore() {
        chain.saveLevel(CrisisGrade.MAJOR, 1, null, List.of(colleague), List.of(), List.of("IN_APP"), 5);

        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "包装破损", null, null, List.of()),
                CrisisManagementTests.MAJOR);

        ChainNotice major = chain.notices(crisis.id()).stream().filter(n -> n.grade() == CrisisGrade.MAJOR).findFirst().orElseThrow();
        assertThat(major.open()).isTrue();
        chain.escalateOverdue(major.ackDueAt());
        assertThat(chain.notices(crisis.id())).filteredOn(n -> n.grade() == CrisisGrade.MAJOR).extracting(ChainNotice::level)
                .containsExactly(1, 2);
        assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::kind).doesNotContain("ACKNOWLEDGED");
    }
}
