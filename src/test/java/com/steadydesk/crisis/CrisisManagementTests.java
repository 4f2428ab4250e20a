package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.crisis.GradingFactors.Attention;
import com.steadydesk.crisis.GradingFactors.Nature;
import com.steadydesk.crisis.GradingFactors.Trend;
import com.steadydesk.crisis.GradingFactors.Urgency;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-li", roles = "CRISIS_LEAD")
class CrisisManagementTests {

    static final GradingFactors MAJOR = new GradingFactors(Set.of(Nature.SAFETY), 20_000, 5, 2_000_000, Trend.SURGING, Urgency.CRITICAL,
            Attention.NATIONAL_MEDIA);
    static final GradingFactors MINOR = new GradingFactors(Set.of(Nature.QUALITY), 10, 1, 0, Trend.STABLE, Urgency.LOW, Attention.NONE);

    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    ReportingChain chain;
    @Autowired
    CrisisTaskManagement tasks;
    @Autowired
    UserManagement users;
    @Autowired
    StaffNotices staffNotices;
    @Autowired
    AuditLog audit;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void aReportReachesTheOnDutyLeadAtOnceAndLandsOnTheTimeline() {
        String lead = CrisisTestSupport.user(users, "duty", Role.CRISIS_LEAD);
        chain.saveLevel(CrisisGrade.MINOR, 1, lead, List.of(), List.of("CRISIS_LEAD"), List.of("IN_APP"), 30);
        TicketId example = CrisisTestSupport.ticket(customers, tickets, "支付失败", "付款一直失败");

        CrisisId id = crises.report(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付接口大面积失败", "多位客户反映无法付款",
                Instant.now().minus(Duration.ofMinutes(20)), List.of(example.value())));

        CrisisDetails crisis = crises.find(id);
        assertThat(crisis.status()).isEqualTo(CrisisStatus.REPORTED);
        assertThat(crisis.reportedBy()).isEqualTo("lead-li");
        List<ChainNotice> notices = chain.notices(id);
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).recipients().get(0)).isEqualTo(lead);
        assertThat(notices.get(0).open()).isTrue();
        assertThat(staffNotices.unreadCount(lead)).isEqualTo(1);
        assertThat(staffNotices.recent(lead, null, 5).rows().get(0).link()).isEqualTo("/crisis/" + id.value());
        assertThat(timeline.entries(id)).extracting(TimelineEntry::kind).containsExactly("REPORTED", "TICKETS_LINKED", "CHAIN_NOTIFIED");
        assertThat(crises.linkedTickets(id)).containsExactly(example);
    }

    @Test
    void anUnacknowledgedReportEscalatesToTheNextLevelByItself() {
        String first = CrisisTestSupport.user(users, "l1", Role.CRISIS_LEAD);
        String second = CrisisTestSupport.user(users, "l2", Role.SUPERVISOR);
        chain.saveLevel(CrisisGrade.MINOR, 1, first, List.of(), List.of(), List.of("IN_APP"), 30);
        chain.saveLevel(CrisisGrade.MINOR, 2, second, List.of(), List.of(), List.of("IN_APP", "EMAIL"), 60);
        try {
            CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "物流延迟投诉增多", null, null, List.of()));
            Instant sent = chain.notices(id).get(0).sentAt();

            assertThat(chain.escalateOverdue(sent.plus(Duration.ofMinutes(29)))).isZero();
            assertThat(chain.notices(id)).hasSize(1);

            chain.escalateOverdue(sent.plus(Duration.ofMinutes(31)));

            List<ChainNotice> notices = chain.notices(id);
            assertThat(notices).hasSize(2);
            assertThat(notices.get(0).escalatedAt()).isEqualTo(sent.plus(Duration.ofMinutes(31)));
            assertThat(notices.get(1).level()).isEqualTo(2);
            assertThat(notices.get(1).recipients()).containsExactly(second);
            assertThat(notices.get(1).ackDueAt()).isEqualTo(sent.plus(Duration.ofMinutes(31 + 60)));
            // other crises' open reports escalate too, so look for this crisis's notice among the second level's
            assertThat(staffNotices.recent(second, null, 50).rows()).extracting(n -> n.link()).contains("/crisis/" + id.value());
            assertThat(timeline.entries(id)).extracting(TimelineEntry::kind)
                    .containsSubsequence("CHAIN_NOTIFIED", "ESCALATED", "CHAIN_NOTIFIED");
        } finally {
            chain.saveLevel(CrisisGrade.MINOR, 1, null, List.of(), List.of("CRISIS_LEAD"), List.of("IN_APP"), 30);
            chain.saveLevel(CrisisGrade.MINOR, 2, null, List.of(), List.of("SUPERVISOR"), List.of("IN_APP", "EMAIL"), 60);
        }
    }

    @Test
    void anAcknowledgedReportDoesNotEscalate() {
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.PR, "微博负面舆情", null, null, List.of()));
        Instant sent = chain.notices(id).get(0).sentAt();

        assertThat(chain.acknowledge(id)).isEqualTo(1);
        chain.escalateOverdue(sent.plus(Duration.ofHours(5)));

        assertThat(chain.notices(id)).hasSize(1).allSatisfy(n -> assertThat(n.acknowledgedBy()).isEqualTo("lead-li"));
        assertThat(timeline.entries(id)).extracting(TimelineEntry::kind).contains("ACKNOWLEDGED").doesNotContain("ESCALATED");
        assertThatThrownBy(() -> chain.acknowledge(id)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    @WithMockUser(username = "agent-wang", roles = "AGENT")
    void onlySomeoneToldOrALeadMayAcknowledge() {
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "某门店停电", null, null, List.of()));
        assertThatThrownBy(() -> chain.acknowledge(id)).isInstanceOf(DomainRuleViolation.class).hasMessageContaining("crisis lead");
    }

    @Test
    void declaringStartsThePlaybookForTypeAndGrade() {
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.STAFF_WALKOUT, "客服团队集体离职", null, null, List.of()));

        CrisisDetails declared = crises.declare(id, null, null, MINOR);

        assertThat(declared.status()).isEqualTo(CrisisStatus.DECLARED);
        assertThat(declared.lead()).isEqualTo("lead-li");
        assertThat(declared.grade()).isEqualTo(CrisisGrade.MINOR);
        List<CrisisTaskView> list = tasks.of(id);
        assertThat(list).extracting(CrisisTaskView::title).contains("从销售、运营等部门借调人员支援", "启动外包与兼职客服",
                "下发应急手册（FAQ、系统操作指南）", "发布服务调整公告（响应时间延长说明）");
        CrisisTaskView secondment = list.stream().filter(t -> t.title().startsWith("从销售")).findFirst().orElseThrow();
        assertThat(secondment.dueAt()).isEqualTo(declared.declaredAt().plus(Duration.ofMinutes(120)));
        assertThat(secondment.department()).isEqualTo(Department.HR);
        assertThat(tasks.progress(id).total()).isEqualTo(list.size());
        assertThat(timeline.entries(id)).extracting(TimelineEntry::kind).contains("DECLARED", "GRADED", "PLAYBOOK_STARTED");
    }

    @Test
    void aMajorTechnicalFailureGetsTheStrongerPlaybookAndTellsTheMajorChain() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "全站宕机", null, null, List.of()),
                MAJOR);

        assertThat(crisis.grade()).isEqualTo(CrisisGrade.MAJOR);
        assertThat(tasks.of(crisis.id())).extracting(CrisisTaskView::title).contains("成立应急小组并召开首次碰头会");
        assertThat(chain.notices(crisis.id())).extracting(ChainNotice::grade).containsExactly(CrisisGrade.MINOR, CrisisGrade.MAJOR);
    }

    @Test
    void anOverrideNeedsAReasonAndIsKeptInTheGradeHistory() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.PR, "产品安全质疑", null, null, List.of()), MINOR);

        assertThatThrownBy(() -> crises.overrideGrade(crisis.id(), CrisisGrade.MAJOR, " ")).isInstanceOf(DomainRuleViolation.class);
        CrisisDetails overridden = crises.overrideGrade(crisis.id(), CrisisGrade.MAJOR, "央视记者已来电询问");

        assertThat(overridden.grade()).isEqualTo(CrisisGrade.MAJOR);
        assertThat(overridden.gradeHistory()).hasSize(2);
        CrisisDetails.GradeHistoryEntry last = overridden.gradeHistory().get(1);
        assertThat(last.overridden()).isTrue();
        assertThat(last.reason()).isEqualTo("央视记者已来电询问");
        assertThat(last.changedBy()).isEqualTo("lead-li");
        assertThat(overridden.gradeHistory().get(0).overridden()).isFalse();
        assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::kind).contains("GRADE_OVERRIDDEN");
        assertThat(audit.recent("lead-li", "crisis.grade-overridden", null, 5)).isNotEmpty();
        // the grade rose: the major chain is told
        assertThat(chain.notices(crisis.id())).extracting(ChainNotice::grade).contains(CrisisGrade.MAJOR);
    }

    @Test
    void regradingFromTheMatrixKeepsEveryGrade() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.CYBERSECURITY, "疑似撞库", null, null, List.of()), MINOR);

        var assessment = crises.regrade(crisis.id(), MAJOR);

        assertThat(assessment.grade()).isEqualTo(CrisisGrade.MAJOR);
        assertThat(crises.find(crisis.id()).gradeHistory()).extracting(CrisisDetails.GradeHistoryEntry::grade)
                .containsExactly(CrisisGrade.MINOR, CrisisGrade.MAJOR);
    }

    @Test
    void aReportCannotBeDeclaredTwiceNorADismissedOneGraded() {
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "误报", null, null, List.of()));
        crises.dismiss(id, "只是个别客户的网络问题");
        assertThatThrownBy(() -> crises.declare(id, null, null, MINOR)).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> crises.overrideGrade(id, CrisisGrade.MAJOR, "x")).isInstanceOf(DomainRuleViolation.class);
        assertThat(crises.find(id).status()).isEqualTo(CrisisStatus.DISMISSED);
    }

    @Test
    void tasksAreFlaggedOverdueAndSkippingNeedsAReason() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "任务测试", null, null, List.of()), MINOR);
        CrisisTaskView late = tasks.add(crisis.id(), new CrisisTaskManagement.NewTask("核对退款名单", Department.FINANCE, "fin-zhao",
                Instant.now().minus(Duration.ofMinutes(5))));
        assertThat(late.overdue()).isTrue();

        assertThatThrownBy(() -> tasks.changeStatus(late.id(), TaskStatus.SKIPPED, null)).isInstanceOf(DomainRuleViolation.class);
        tasks.comment(late.id(), "名单已导出，等待财务确认");
        CrisisTaskView done = tasks.changeStatus(late.id(), TaskStatus.DONE, null);

        assertThat(done.overdue()).isFalse();
        assertThat(done.doneLate()).isTrue();
        assertThat(done.comments()).extracting(CrisisTaskView.Comment::text).containsExactly("名单已导出，等待财务确认");
        assertThatThrownBy(() -> tasks.changeStatus(late.id(), TaskStatus.IN_PROGRESS, null)).isInstanceOf(DomainRuleViolation.class);
        assertThat(tasks.progress(crisis.id()).done()).isEqualTo(1);
    }

    @Test
    void theTimelineExportsAsCsvAndMarkdown() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "导出测试", null, null, List.of()), MINOR);
        timeline.write(crisis.id(), "DECISION", "=对受影响客户发放 20 元优惠券, \"全部\"");

        String csv = timeline.exportCsv(crisis.id());
        assertThat(csv).startsWith("\uFEFFtime,author,kind,text\r\n").contains("\"DECISION\",\"'=对受影响客户发放 20 元优惠券, \"\"全部\"\"\"");
        String md = timeline.exportMarkdown(crisis.id(), "导出测试");
        assertThat(md).startsWith("# 导出测试").contains("| DECISION |");
        assertThatThrownBy(() -> timeline.write(crisis.id(), "DECLARED", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingRunsTheCleanUp() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "关闭测试", null, null, List.of()), MINOR);
        crises.resolve(crisis.id());
        crises.close(crisis.id());

        assertThat(crises.find(crisis.id()).status()).isEqualTo(CrisisStatus.CLOSED);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::kind).contains("CLEAN_UP"));
    }

    @Autowired
    StatusPage statusPage;

    @Test
    void closingACrisisThePublicWasToldAboutPublishesTheResolutionStatementOrIsRefused() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "关闭需说明", null, null, List.of()),
                MINOR);
        statusPage.publish(crisis.id(), statusPage.defaultDraft(crisis.id()));

        assertThatThrownBy(() -> crises.closeWithStatement(crisis.id(), " ", null)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("crisis.close.statement-required");
        assertThat(crises.find(crisis.id()).status()).isEqualTo(CrisisStatus.DECLARED);

        StatusPage.UpdateDraft statement = statusPage.resolutionDraft(crisis.id());
        assertThat(statement.bodyZh()).contains("已解决").doesNotContain("{{");
        crises.closeWithStatement(crisis.id(), statement.bodyZh(), statement.bodyEn());

        assertThat(crises.find(crisis.id()).status()).isEqualTo(CrisisStatus.CLOSED);
        assertThat(statusPage.updates(crisis.id()).get(0).phase()).as("the page no longer says investigating").isEqualTo("RESOLVED");

        CrisisDetails quiet = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "从未公开", null, null, List.of()), MINOR);
        crises.closeWithStatement(quiet.id(), null, null);
        assertThat(statusPage.updates(quiet.id())).as("a crisis never made public closes without a statement").isEmpty();
    }

    @Test
    void theReporterHearsWhenTheirReportIsAcknowledgedDeclaredOrDismissed() {
        String reporter = CrisisTestSupport.user(users, "reporter", Role.AGENT);
        CrisisId declared = com.steadydesk.scripts.ScriptsTestSupport.as(reporter, Role.AGENT,
                () -> crises.report(new NewCrisisReport(CrisisType.OTHER, "上报后有回音", null, null, List.of())));
        CrisisId dismissed = com.steadydesk.scripts.ScriptsTestSupport.as(reporter, Role.AGENT,
                () -> crises.report(new NewCrisisReport(CrisisType.OTHER, "误报", null, null, List.of())));

        chain.acknowledge(declared);
        crises.declare(declared, null, null, MAJOR);
        crises.dismiss(dismissed, "单个客户的问题，已单独处理");

        List<String> subjects = staffNotices.recent(reporter, null, 10).rows().stream().map(n -> n.subject()).toList();
        assertThat(subjects).anyMatch(t -> t.contains("上报后有回音") && t.contains("确认收到"))
                .anyMatch(t -> t.contains("上报后有回音") && t.contains("定为危机"))
                .anyMatch(t -> t.contains("误报") && t.contains("未被定为危机"));
        assertThat(staffNotices.recent(reporter, null, 10).rows()).anyMatch(n -> n.body().contains("重大") && n.body().contains("Major"))
                .anyMatch(n -> n.body().contains("单个客户的问题"));
    }

    @Test
    void aCrisisTaskAssigneeIsToldOfTheTask() {
        String assignee = CrisisTestSupport.user(users, "task-owner", Role.AGENT);
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "任务通知", null, null, List.of()), MINOR);

        CrisisTaskView task = tasks.add(crisis.id(), new CrisisTaskManagement.NewTask("核对退款名单", Department.FINANCE, assignee, null));

        assertThat(staffNotices.recent(assignee, null, 5).rows()).anyMatch(n -> n.subject().contains("核对退款名单")
                && n.link().equals("/crisis/" + crisis.id().value()));
        String next = CrisisTestSupport.user(users, "task-next", Role.AGENT);
        tasks.assign(task.id(), next);
        assertThat(staffNotices.unreadCount(next)).isEqualTo(1);
    }
}
