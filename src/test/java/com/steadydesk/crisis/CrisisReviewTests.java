package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrisisReviewTests {

    static final Instant REPORTED = Instant.parse("2026-03-02T01:00:00Z");

    static CrisisReview.Facts facts() {
        return new CrisisReview.Facts("支付中断", REPORTED, REPORTED.plus(Duration.ofMinutes(10)), REPORTED.plus(Duration.ofHours(50)),
                List.of(new CrisisDetails.GradeHistoryEntry(CrisisGrade.MODERATE, 14, false, null, "lead", REPORTED.plus(Duration.ofMinutes(10))),
                        new CrisisDetails.GradeHistoryEntry(CrisisGrade.MAJOR, 14, true, "上了热搜", "lead", REPORTED.plus(Duration.ofHours(2)))),
                List.of(REPORTED.plus(Duration.ofMinutes(95)), REPORTED.plus(Duration.ofMinutes(40)), REPORTED.plus(Duration.ofHours(5))),
                Map.of(LocalDate.of(2026, 3, 2), 120L, LocalDate.of(2026, 3, 3), 60L, LocalDate.of(2026, 3, 4), 30L),
                35.0,
                new CrisisReview.ServiceFigures(42.0, 20.5, 3.8), new CrisisReview.ServiceFigures(6.0, 8.0, 4.6),
                List.of(new CrisisReview.StepFact("发布首条公开说明", REPORTED.plus(Duration.ofMinutes(40)), REPORTED.plus(Duration.ofMinutes(38)),
                                TaskStatus.DONE, null),
                        new CrisisReview.StepFact("切换备用系统", REPORTED.plus(Duration.ofMinutes(30)), REPORTED.plus(Duration.ofMinutes(75)),
                                TaskStatus.DONE, null),
                        new CrisisReview.StepFact("评估补偿", REPORTED.plus(Duration.ofHours(4)), null, TaskStatus.SKIPPED, "统一按订单退款"),
                        new CrisisReview.StepFact("安排回访", REPORTED.plus(Duration.ofHours(24)), null, TaskStatus.TODO, null)));
    }

    @Test
    void computesTheFiguresOfAConstructedCrisis() {
        CrisisReview review = CrisisReview.of(facts());

        assertThat(review.duration()).isEqualTo(Duration.ofHours(50));
        assertThat(review.timeToFirstPublicUpdate()).isEqualTo(Duration.ofMinutes(40));
        assertThat(review.publicUpdates()).isEqualTo(3);
        assertThat(review.linkedTickets()).isEqualTo(210);
        // 50 hours are 3 started days: 210 / 3 = 70 a day, twice the baseline of 35
        assertThat(review.linkedPerDay()).isEqualTo(70.0);
        assertThat(review.volumeRatio()).isEqualTo(2.0);
        assertThat(review.lateSteps()).extracting(CrisisReview.StepFact::title).containsExactly("切换备用系统");
        assertThat(review.skippedSteps()).extracting(CrisisReview.StepFact::title).containsExactly("评估补偿");
        assertThat(review.stepsDone()).isEqualTo(2);
        assertThat(review.stepsTotal()).isEqualTo(4);
        assertThat(review.grades()).extracting(CrisisDetails.GradeHistoryEntry::grade).containsExactly(CrisisGrade.MODERATE, CrisisGrade.MAJOR);
    }

    @Test
    void theMarkdownDraftHasTheFactsAndTheSectionsToWrite() {
        String md = CrisisReview.of(facts()).markdown(ZoneId.of("Asia/Shanghai"));

        assertThat(md).startsWith("# 复盘 Review: 支付中断")
                .contains("Duration: 50h 0min").contains("First public update: 0h 40min (3 updates)")
                .contains("Linked tickets: 210 (70.0/day, baseline 35.0/day, ×2.0)")
                .contains("First response (min): 42.0 vs baseline 6.0").contains("CSAT: 3.8 vs baseline 4.6")
                .contains("2/4 done, 1 late, 1 skipped")
                .contains("2026-03-02 11:00 MAJOR by lead (override: 上了热搜)")
                .contains("逾期 late: 切换备用系统 (due 2026-03-02 09:30, done 2026-03-02 10:15)")
                .contains("跳过 skipped: 评估补偿 — 统一按订单退款")
                .contains("## 有效做法 What worked").contains("## 行动项 Action items");
    }

    @Test
    void unknownBaselinesAndNoUpdatesStayVisibleAsUnknown() {
        CrisisReview.Facts f = facts();
        CrisisReview review = CrisisReview.of(new CrisisReview.Facts(f.title(), f.reportedAt(), f.declaredAt(), f.closedAt(), f.grades(),
                List.of(), Map.of(), null, null, null, List.of()));
        assertThat(review.timeToFirstPublicUpdate()).isNull();
        assertThat(review.volumeRatio()).isNull();
        assertThat(review.markdown(ZoneId.of("UTC"))).contains("First public update: —").contains("baseline unknown")
                .contains("First response (min): — vs baseline —");
    }
}
