package com.steadydesk.crisis;

import static com.steadydesk.scripts.ScriptsTestSupport.as;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.platform.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A crisis with known figures, built through the real services in 2035: tickets opened, answered, solved and rated at
 * known times, and a crisis reported, graded, updated, compensated and closed at known times. The figures it must
 * give are computed by hand in {@link CrisisReviewsTests}. Needs a security context (the services record who acted).
 */
final class ReviewDataSet {

    static final Instant SINCE = Instant.parse("2035-06-10T01:00:00Z");    // "occurring since": the window starts here
    static final Instant REPORTED = Instant.parse("2035-06-10T02:00:00Z");
    static final Instant CLOSED = Instant.parse("2035-06-12T01:00:00Z");   // 48 h after SINCE, 47 h after the report

    private final MutableClock clock;
    private final CrisisManagement crises;
    private final CrisisTaskManagement tasks;
    private final StatusPage statusPage;
    private final FollowUps followUps;
    private final TicketManagement tickets;
    private final TicketSatisfaction satisfaction;
    private final CustomerManagement customers;

    ReviewDataSet(MutableClock clock, CrisisManagement crises, CrisisTaskManagement tasks, StatusPage statusPage, FollowUps followUps,
            TicketManagement tickets, TicketSatisfaction satisfaction, CustomerManagement customers) {
        this.clock = clock;
        this.crises = crises;
        this.tasks = tasks;
        this.statusPage = statusPage;
        this.followUps = followUps;
        this.tickets = tickets;
        this.satisfaction = satisfaction;
        this.customers = customers;
    }

    /** Opens a ticket at {@code opened}, answers it, solves it and records a rating, each at its own time. */
    TicketId ticket(String opened, Duration answer, Duration solve, Integer score) {
        Instant at = Instant.parse(opened);
        clock.setTo(at);
        TicketId id = CrisisTestSupport.ticket(customers, tickets, "复盘数据 " + opened, "网站打不开");
        if (answer != null) {
            clock.setTo(at.plus(answer));
            tickets.reply(id, AgentMessage.of("我们正在处理"));
        }
        if (solve != null) {
            clock.setTo(at.plus(solve));
            tickets.changeStatus(id, TicketStatus.SOLVED);
        }
        if (score != null) {
            satisfaction.rate(id, score, null);
        }
        return id;
    }

    CrisisId build() {
        ticket("2035-01-01T00:00:00Z", null, null, null); // long before: the baseline may reach back its full 28 days
        // baseline (28 days before SINCE): 5 tickets; answered after 30, 60, 90 min; solved after 5 h and 10 h; rated 5, 4, 2
        ticket("2035-05-20T02:00:00Z", Duration.ofMinutes(30), Duration.ofHours(5), 5);
        ticket("2035-05-25T02:00:00Z", Duration.ofMinutes(60), Duration.ofHours(10), 4);
        ticket("2035-06-01T02:00:00Z", Duration.ofMinutes(90), null, 2);
        ticket("2035-06-09T02:00:00Z", null, null, null);
        TicketId olderLinked = ticket("2035-05-30T02:00:00Z", null, null, null); // linked later, but opened before the window
        // during: 4 linked tickets; answered after 10, 20, 30, 40 min; solved after 2, 4, 6 h; rated 1, 2, 4
        TicketId l1 = ticket("2035-06-10T01:30:00Z", Duration.ofMinutes(10), Duration.ofHours(2), 1);  // 09:30 on 10 June in Shanghai
        TicketId l2 = ticket("2035-06-10T03:00:00Z", Duration.ofMinutes(20), Duration.ofHours(4), 2);
        TicketId l3 = ticket("2035-06-10T20:00:00Z", Duration.ofMinutes(30), Duration.ofHours(6), 4);  // 04:00 on 11 June in Shanghai
        TicketId l4 = ticket("2035-06-11T05:00:00Z", Duration.ofMinutes(40), null, null);
        ticket("2035-06-10T05:00:00Z", Duration.ofMinutes(1), Duration.ofMinutes(2), 5); // in the window but not linked: counts nowhere

        clock.setTo(REPORTED);
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付中断", "付款页面报错", SINCE, List.of(l1.value())));
        clock.setTo(REPORTED.plus(Duration.ofMinutes(10)));
        crises.declare(id, null, null, CrisisManagementTests.MAJOR);
        // the playbook's own steps are done at once, on time; two tasks of our own are done late and skipped
        tasks.of(id).forEach(t -> tasks.changeStatus(t.id(), TaskStatus.DONE, null));
        long late = tasks.add(id, new CrisisTaskManagement.NewTask("复盘测试：切换备用系统", Department.TECH, null, REPORTED.plus(Duration.ofMinutes(30)))).id();
        long skipped = tasks.add(id, new CrisisTaskManagement.NewTask("复盘测试：评估补偿", Department.FINANCE, null, REPORTED.plus(Duration.ofHours(4)))).id();
        crises.linkTickets(id, List.of(olderLinked, l2, l3, l4), CrisisManagement.BY_HAND);
        clock.setTo(REPORTED.plus(Duration.ofMinutes(40)));
        statusPage.publish(id, new StatusPage.UpdateDraft("INVESTIGATING", "我们正在排查支付问题。", "We are looking into payments.", null));
        clock.setTo(REPORTED.plus(Duration.ofMinutes(75)));
        tasks.changeStatus(late, TaskStatus.DONE, null);
        clock.setTo(REPORTED.plus(Duration.ofHours(2)));
        crises.overrideGrade(id, CrisisGrade.MODERATE, "影响已受控");
        clock.setTo(REPORTED.plus(Duration.ofHours(3)));
        statusPage.publish(id, new StatusPage.UpdateDraft("MONITORING", "支付已恢复，持续观察中。", "Payments are back.", null));
        tasks.changeStatus(skipped, TaskStatus.SKIPPED, "统一按订单退款");

        // compensation: refunds 100 (delivered) and 50 (approved, not delivered), a coupon of 20 (approved), a gift of 30
        // (rejected) and a credit of 10 (only proposed)
        FollowUps.Compensation r1 = followUps.propose(id, new CustomerId(1), null, FollowUps.Kind.REFUND, new BigDecimal("100"), "重复扣款");
        FollowUps.Compensation r2 = followUps.propose(id, new CustomerId(2), null, FollowUps.Kind.REFUND, new BigDecimal("50"), "重复扣款");
        FollowUps.Compensation coupon = followUps.propose(id, null, "故障期间下单的客户", FollowUps.Kind.COUPON, new BigDecimal("20"), "致歉");
        FollowUps.Compensation gift = followUps.propose(id, new CustomerId(3), null, FollowUps.Kind.GIFT, new BigDecimal("30"), "安抚");
        followUps.propose(id, new CustomerId(4), null, FollowUps.Kind.CREDIT, new BigDecimal("10"), "安抚");
        as("review-finance", Role.CRISIS_LEAD, () -> {
            followUps.decide(r1.id(), true);
            followUps.decide(r2.id(), true);
            followUps.decide(coupon.id(), true);
            return followUps.decide(gift.id(), false);
        });
        followUps.recordDelivery(r1.id(), true, "原路退回");
        followUps.recordDelivery(r2.id(), false, "银行卡已注销");

        clock.setTo(CLOSED);
        crises.close(id);
        clock.setTo(CLOSED.plus(Duration.ofDays(1)));
        satisfaction.rate(l3, 4, "后来解决了"); // a rating after the close still counts (same score, replaces the first)
        return id;
    }

}
