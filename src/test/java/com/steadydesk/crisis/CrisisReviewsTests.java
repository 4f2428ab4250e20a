package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.platform.MutableClock;
import com.steadydesk.platform.MutableClockConfiguration;
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

    static final Instant SINCE = ReviewDataSet.SINCE;
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

    CrisisId constructedCrisis() {
        return new ReviewDataSet(clock, crises, tasks, statusPage, followUps, tickets, satisfaction, customers).build();
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
                        // business hours, default policy (Mon-Fri 09:00-18:00 Shanghai): the crisis began on Sunday 10 June
                        // 09:30 Shanghai. During: l1 and l2 answered and solved on Sunday (0), l3 opened Monday 04:00, answered
                        // 04:30 (0), solved 10:00 (1 h), l4 opened Monday 13:00, answered 13:40 (40 min).
                        // First response 0, 0, 0, 40 min: median 0, p90 0 + 0.7 * 40 = 28 min; resolution 0, 0, 1 h: median 0,
                        // p90 0 + 0.8 * 60 = 48 min. Baseline: Sunday 20 May 10:00 answered and solved the same day (0, 0);
                        // Friday 25 May 10:00 answered 11:00 (1 h), solved 20:00 (8 h, until 18:00); Friday 1 June 10:00 answered
                        // 11:30 (1.5 h). First response 0, 1, 1.5 h: median 1 h, p90 1 + 0.8 * 0.5 = 1.4 h; resolution 0, 8 h:
                        // median 4 h, p90 0.9 * 8 = 7.2 h
                        org.assertj.core.groups.Tuple.tuple("businessFirstResponseMedian", "0h 00min", "1h 00min"),
                        org.assertj.core.groups.Tuple.tuple("businessFirstResponseP90", "0h 28min", "1h 24min"),
                        org.assertj.core.groups.Tuple.tuple("businessResolutionMedian", "0h 00min", "4h 00min"),
                        org.assertj.core.groups.Tuple.tuple("businessResolutionP90", "0h 48min", "7h 12min"),
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
                .contains("| 首次响应中位数（自然时间）First response, median (wall clock) | 0h 25min | 1h 00min |")
                .contains("| 满意度 CSAT (good / rated) | 33.3% (1/3) | 66.7% (2/3) |")
                .contains("| 解决时长 P90（工作时间）Resolution, p90 (business hours) | 0h 48min | 7h 12min |").contains("Volume ratio: ×11.2")
                .contains("| REFUND | 2 · 150.00 | 1 · 100.00 |").contains("| 更新切换手册 | 技术部 | 2035-07-01 |")
                .contains("## 有效做法 What worked\n\n40 分钟内发出首条说明");

        String page = mvc.perform(get("/crisis/{id}/review", id.value()).with(LEAD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("首次响应时长 中位数").contains("解决时长 P90（工作时间）").contains("7h 12min").contains("0h 25min").contains("1h 24min").contains("33.3% (1/3)").contains("×11.2")
                .contains("/crisis/" + id.value() + "/review.pdf");

        byte[] pdf = mvc.perform(get("/crisis/{id}/review.pdf", id.value()).with(LEAD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("0h 25min").contains("5h 36min").contains("7h 12min").contains("0h 48min").contains("33.3% (1/3)").contains("×11.2").contains("2 · 150.00");
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

    @Test
    void theReviewWindowCoversTheTicketsThatTriggeredTheReportEvenWhenTheyPredateIt() {
        // the tickets that made an agent report the crisis were opened hours before anyone called it a crisis
        clock.setTo(Instant.parse("2035-10-01T00:00:00Z"));
        TicketId first = CrisisTestSupport.ticket(customers, tickets, "退款失败", "退款一直失败");
        clock.setTo(Instant.parse("2035-10-01T01:00:00Z"));
        TicketId second = CrisisTestSupport.ticket(customers, tickets, "退款报错", "退款报错");
        clock.setTo(Instant.parse("2035-10-01T03:00:00Z"));
        CrisisId id = crises.report(new NewCrisisReport(CrisisType.OTHER, "退款故障", null, null, List.of(first.value(), second.value())));
        clock.setTo(Instant.parse("2035-10-01T05:00:00Z"));

        CrisisReview review = reviews.draft(id);

        assertThat(review.windowStart()).isEqualTo(Instant.parse("2035-10-01T00:00:00Z"));
        assertThat(review.linkedTickets()).isEqualTo(2);
        assertThat(review.during()).as("figures, not \"no data\"").isNotNull();
        assertThat(review.during().tickets()).isEqualTo(2);
    }
}
