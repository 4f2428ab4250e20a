package com.steadydesk.crisis;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.platform.MutableClock;
import com.steadydesk.platform.MutableClockConfiguration;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The review of a crisis built through the real services on a constructed data set in 2035 (tickets opened, answered,
 * solved and rated at known times; a crisis reported, graded, updated, compensated and closed at known times).
 * Every expected figure was computed by hand; the arithmetic is written next to each assertion.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@WithMockUser(username = "review-lead", roles = {"CRISIS_LEAD", "AGENT"})
class CrisisReviewsTests {

    static final Instant SINCE = Instant.parse("2035-06-10T01:00:00Z");    // "occurring since": the window starts here
    static final Instant REPORTED = Instant.parse("2035-06-10T02:00:00Z");
    static final Instant CLOSED = Instant.parse("2035-06-12T01:00:00Z");   // 48 h after SINCE, 47 h after the report
    static final RequestPostProcessor LEAD = user("review-lead").roles("CRISIS_LEAD", "AGENT");

    @Autowired
    MutableClock clock;
    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisReviews reviews;
    @Autowired
    CrisisTaskManagement tasks;
    @Autowired
    StatusPage statusPage;
    @Autowired
    FollowUps followUps;
    @Autowired
    TicketManagement tickets;
    @Autowired
    TicketSatisfaction satisfaction;
    @Autowired
    CustomerManagement customers;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void clockBack() {
        clock.reset();
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

    CrisisId constructedCrisis() {
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

    @Test
    void theReviewOfAConstructedCrisisHasTheFiguresComputedByHand() throws Exception {
        CrisisId id = constructedCrisis();
        CrisisReview review = reviews.draft(id);

        assertThat(review.closed()).isTrue();
        assertThat(review.duration()).isEqualTo(Duration.ofHours(47));
        assertThat(review.windowStart()).isEqualTo(SINCE);
        assertThat(review.timeToFirstPublicUpdate()).isEqualTo(Duration.ofMinutes(40));
        assertThat(review.publicUpdates()).isEqualTo(2);
        assertThat(review.grades()).extracting(CrisisDetails.GradeHistoryEntry::grade, CrisisDetails.GradeHistoryEntry::overridden)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CrisisGrade.MAJOR, false), org.assertj.core.groups.Tuple.tuple(CrisisGrade.MODERATE, true));
        // 5 linked: l1 (from the report), l2..l4, and one opened before the window
        assertThat(review.linkedTickets()).isEqualTo(5);
        assertThat(review.linkedOutside()).isEqualTo(1);
        assertThat(review.linkedOpenedPerDay()).containsExactly(Map.entry(LocalDate.of(2035, 6, 10), 2L), Map.entry(LocalDate.of(2035, 6, 11), 2L));
        // 4 linked in 48 h = 2.0 a day; baseline 5 tickets in 28 days = 0.18 a day; 2 / (5 / 28) = 11.2
        assertThat(review.linkedPerDay()).isEqualTo(2.0);
        assertThat(review.baselineStart()).isEqualTo(SINCE.minus(Duration.ofDays(28)));
        assertThat(review.baselinePerDay()).isEqualTo(0.18);
        assertThat(review.volumeRatio()).isEqualTo(11.2);
        assertThat(review.comparisons()).extracting(CrisisReview.Comparison::key, CrisisReview.Comparison::during, CrisisReview.Comparison::baseline)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("perDay", "2.0", "0.18"),
                        org.assertj.core.groups.Tuple.tuple("tickets", "4", "5"),
                        // during 10, 20, 30, 40 min: median 25, p90 30 + 0.7 * 10 = 37; baseline 30, 60, 90: median 60, p90 60 + 0.8 * 30 = 84
                        org.assertj.core.groups.Tuple.tuple("firstResponseMedian", "0h 25min", "1h 00min"),
                        org.assertj.core.groups.Tuple.tuple("firstResponseP90", "0h 37min", "1h 24min"),
                        // during 2, 4, 6 h: median 4, p90 4 + 0.8 * 2 = 5.6 h; baseline 5, 10 h: median 7.5, p90 5 + 0.9 * 5 = 9.5 h
                        org.assertj.core.groups.Tuple.tuple("resolutionMedian", "4h 00min", "7h 30min"),
                        org.assertj.core.groups.Tuple.tuple("resolutionP90", "5h 36min", "9h 30min"),
                        org.assertj.core.groups.Tuple.tuple("unanswered", "0", "2"),
                        // during rated 1, 2, 4: one good of three; baseline 5, 4, 2: two of three
                        org.assertj.core.groups.Tuple.tuple("csat", "33.3% (1/3)", "66.7% (2/3)"));
        assertThat(review.compensation()).extracting(CrisisReview.CompensationTotal::kind, CrisisReview.CompensationTotal::approvedCount,
                        c -> c.approved().toPlainString(), CrisisReview.CompensationTotal::deliveredCount, c -> c.delivered().toPlainString())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(FollowUps.Kind.COUPON, 1, "20.00", 0, "0.00"),
                        org.assertj.core.groups.Tuple.tuple(FollowUps.Kind.REFUND, 2, "150.00", 1, "100.00"));
        int playbookSteps = review.stepsTotal() - 2;
        assertThat(review.stepsDone()).isEqualTo(playbookSteps + 1);
        assertThat(review.lateSteps()).extracting(CrisisReview.StepFact::title).containsExactly("复盘测试：切换备用系统");
        assertThat(review.skippedSteps()).extracting(CrisisReview.StepFact::title, CrisisReview.StepFact::skipReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("复盘测试：评估补偿", "统一按订单退款"));

        // the written sections: an action item without an owner comes back with the error next to it, nothing saved
        String refused = mvc.perform(post("/crisis/{id}/review", id.value()).with(LEAD).with(csrf()).param("whatWorked", "40 分钟内发出首条说明")
                        .param("whatWasMissing", "切换手册过时").param("action", "更新切换手册", "演练").param("owner", "技术部", "")
                        .param("due", "2035-07-01", ""))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("第 2 条行动项需要负责人").contains("40 分钟内发出首条说明");
        assertThat(reviews.notes(id)).isEqualTo(CrisisReview.Notes.EMPTY);
        mvc.perform(post("/crisis/{id}/review", id.value()).with(LEAD).with(csrf()).param("whatWorked", "40 分钟内发出首条说明")
                        .param("whatWasMissing", "切换手册过时").param("action", "更新切换手册", "", "演练").param("owner", "技术部", "", "客服组")
                        .param("due", "2035-07-01", "", ""))
                .andExpect(status().is3xxRedirection());
        assertThat(reviews.notes(id).actions()).containsExactly(new CrisisReview.ActionItem("更新切换手册", "技术部", LocalDate.of(2035, 7, 1)),
                new CrisisReview.ActionItem("演练", "客服组", null));

        String markdown = reviews.markdown(id);
        assertThat(markdown).contains("Duration: 47h 00min").contains("First public update: 0h 40min (2 updates)")
                .contains("Linked tickets: 5 (1 opened outside the window)")
                .contains("| 首次响应中位数 First response, median | 0h 25min | 1h 00min |")
                .contains("| 满意度 CSAT (good / rated) | 33.3% (1/3) | 66.7% (2/3) |").contains("Volume ratio: ×11.2")
                .contains("| REFUND | 2 · 150.00 | 1 · 100.00 |").contains("| 更新切换手册 | 技术部 | 2035-07-01 |")
                .contains("## 有效做法 What worked\n\n40 分钟内发出首条说明");

        String page = mvc.perform(get("/crisis/{id}/review", id.value()).with(LEAD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("首次响应时长 中位数").contains("0h 25min").contains("1h 24min").contains("33.3% (1/3)").contains("×11.2")
                .contains("/crisis/" + id.value() + "/review.pdf");

        byte[] pdf = mvc.perform(get("/crisis/{id}/review.pdf", id.value()).with(LEAD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("0h 25min").contains("5h 36min").contains("33.3% (1/3)").contains("×11.2").contains("2 · 150.00");
            if (page.contains("id=\"no-cjk-font\"")) {
                assertThat(text).contains("No Chinese font could be embedded");
            } else {
                assertThat(text).contains("复盘：支付中断").contains("首次响应时长 中位数").contains("更新切换手册").doesNotContain("No Chinese font");
            }
        }
    }

    @Test
    void anOpenCrisisWithoutLinkedTicketsShowsNoDataRatherThanZeros() throws Exception {
        clock.setTo(Instant.parse("2035-09-01T00:00:00Z"));
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "空的危机", null, null, List.of()));
        clock.setTo(Instant.parse("2035-09-01T06:00:00Z"));
        CrisisReview review = reviews.draft(id);

        assertThat(review.closed()).isFalse();
        assertThat(review.duration()).isEqualTo(Duration.ofHours(6));
        assertThat(review.linkedTickets()).isZero();
        assertThat(review.during()).isNull();
        assertThat(review.timeToFirstPublicUpdate()).isNull();
        assertThat(review.volumeRatio()).isNull();
        String page = mvc.perform(get("/crisis/{id}/review", id.value()).with(user("agent-x").roles("AGENT"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("无数据").doesNotContain("review-form");
        mvc.perform(post("/crisis/{id}/review", id.value()).with(user("agent-x").roles("AGENT")).with(csrf()).param("whatWorked", "x"))
                .andExpect(status().isForbidden());
    }
}
