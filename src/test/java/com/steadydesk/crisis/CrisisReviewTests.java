package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.inbox.ServiceFigures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The review's arithmetic on hand-made facts (the database side is in {@link CrisisReviewsTests}). */
class CrisisReviewTests {

    static final Instant REPORTED = Instant.parse("2026-03-02T01:00:00Z");
    static final Instant SINCE = REPORTED.minus(Duration.ofHours(2));

    static CrisisReview.Facts facts() {
        return new CrisisReview.Facts("支付中断", REPORTED, SINCE, REPORTED.plus(Duration.ofHours(70)), true,
                List.of(new CrisisDetails.GradeHistoryEntry(CrisisGrade.MODERATE, 14, false, null, "lead", REPORTED.plus(Duration.ofMinutes(10))),
                        new CrisisDetails.GradeHistoryEntry(CrisisGrade.MAJOR, 14, true, "上了热搜", "lead", REPORTED.plus(Duration.ofHours(2)))),
                List.of(REPORTED.plus(Duration.ofMinutes(95)), REPORTED.plus(Duration.ofMinutes(40)), REPORTED.plus(Duration.ofHours(5))),
                215, new TreeMap<>(Map.of(LocalDate.of(2026, 3, 2), 120L, LocalDate.of(2026, 3, 3), 60L, LocalDate.of(2026, 3, 4), 30L)),
                SINCE.minus(Duration.ofDays(28)), 980,
                new ServiceFigures(210, 200, Duration.ofMinutes(42), Duration.ofMinutes(95), 150, Duration.ofHours(20), Duration.ofHours(40), 50, 19, 0.38,
                        new ServiceFigures.BusinessHours(190, Duration.ofMinutes(30), Duration.ofMinutes(70), 140, Duration.ofHours(6), Duration.ofHours(16))),
                new ServiceFigures(980, 975, Duration.ofMinutes(6), Duration.ofMinutes(15), 960, Duration.ofHours(8), Duration.ofHours(30), 400, 368, 0.92,
                        new ServiceFigures.BusinessHours(970, Duration.ofMinutes(4), Duration.ofMinutes(10), 955, Duration.ofHours(3), Duration.ofHours(12))),
                List.of(new CrisisReview.CompensationTotal(FollowUps.Kind.REFUND, 2, new BigDecimal("150.00"), 1, new BigDecimal("100.00"))),
                List.of(new CrisisReview.StepFact("发布首条公开说明", REPORTED.plus(Duration.ofMinutes(40)), REPORTED.plus(Duration.ofMinutes(38)),
                                TaskStatus.DONE, null),
                        new CrisisReview.StepFact("切换备用系统", REPORTED.plus(Duration.ofMinutes(30)), REPORTED.plus(Duration.ofMinutes(75)),
                                TaskStatus.DONE, null),
                        new CrisisReview.StepFact("评估补偿", REPORTED.plus(Duration.ofHours(4)), null, TaskStatus.SKIPPED, "统一按订单退款"),
                        new CrisisReview.StepFact("安排回访", REPORTED.plus(Duration.ofHours(24)), null, TaskStatus.TODO, null)),
                new CrisisReview.Notes("30 分钟内发出首条说明", "备用系统切换手册过时",
                        List.of(new CrisisReview.ActionItem("更新切换手册", "技术部 王工", LocalDate.of(2026, 3, 20))), "lead", REPORTED));
    }

    @Test
    void computesTheFiguresOfAConstructedCrisis() {
        CrisisReview review = CrisisReview.of(facts());

        assertThat(review.duration()).isEqualTo(Duration.ofHours(70));
        assertThat(review.timeToFirstPublicUpdate()).isEqualTo(Duration.ofMinutes(40));
        assertThat(review.publicUpdates()).isEqualTo(3);
        assertThat(review.linkedTickets()).isEqualTo(215);
        assertThat(review.linkedOutside()).isEqualTo(5);
        // the window runs 72 hours (2 h before the report to 70 h after it) = 3 days: 210 / 3 = 70 a day
        assertThat(review.linkedPerDay()).isEqualTo(70.0);
        // 980 tickets in 28 days = 35 a day; 70 / 35 = 2
        assertThat(review.baselinePerDay()).isEqualTo(35.0);
        assertThat(review.volumeRatio()).isEqualTo(2.0);
        assertThat(review.lateSteps()).extracting(CrisisReview.StepFact::title).containsExactly("切换备用系统");
        assertThat(review.skippedSteps()).extracting(CrisisReview.StepFact::title).containsExactly("评估补偿");
        assertThat(review.stepsDone()).isEqualTo(2);
        assertThat(review.stepsTotal()).isEqualTo(4);
        assertThat(review.grades()).extracting(CrisisDetails.GradeHistoryEntry::grade).containsExactly(CrisisGrade.MODERATE, CrisisGrade.MAJOR);
        assertThat(review.comparisons()).extracting(CrisisReview.Comparison::key, CrisisReview.Comparison::during, CrisisReview.Comparison::baseline)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("perDay", "70.0", "35.0"),
                        org.assertj.core.groups.Tuple.tuple("tickets", "210", "980"),
                        org.assertj.core.groups.Tuple.tuple("firstResponseMedian", "0h 42min", "0h 06min"),
                        org.assertj.core.groups.Tuple.tuple("firstResponseP90", "1h 35min", "0h 15min"),
                        org.assertj.core.groups.Tuple.tuple("resolutionMedian", "20h 00min", "8h 00min"),
                        org.assertj.core.groups.Tuple.tuple("resolutionP90", "40h 00min", "30h 00min"),
                        org.assertj.core.groups.Tuple.tuple("businessFirstResponseMedian", "0h 30min", "0h 04min"),
                        org.assertj.core.groups.Tuple.tuple("businessFirstResponseP90", "1h 10min", "0h 10min"),
                        org.assertj.core.groups.Tuple.tuple("businessResolutionMedian", "6h 00min", "3h 00min"),
                        org.assertj.core.groups.Tuple.tuple("businessResolutionP90", "16h 00min", "12h 00min"),
                        org.assertj.core.groups.Tuple.tuple("unanswered", "10", "5"),
                        org.assertj.core.groups.Tuple.tuple("csat", "38.0% (19/50)", "92.0% (368/400)"));
    }

    @Test
    void theMarkdownDraftHasEveryFigureAndTheWrittenSections() {
        String md = CrisisReview.of(facts()).markdown(ZoneId.of("Asia/Shanghai"));

        assertThat(md).startsWith("# 复盘 Review: 支付中断")
                .doesNotContain("still open")
                .contains("Duration: 70h 00min (2026-03-02 09:00 – 2026-03-05 07:00)")
                .contains("First public update: 0h 40min (3 updates)")
                .contains("Linked tickets: 215 (5 opened outside the window)")
                .contains("| 工单/天 Tickets per day | 70.0 | 35.0 |")
                .contains("| 首次响应中位数（自然时间）First response, median (wall clock) | 0h 42min | 0h 06min |")
                .contains("| 解决时长 P90（自然时间）Resolution, p90 (wall clock) | 40h 00min | 30h 00min |")
                .contains("| 解决时长 P90（工作时间）Resolution, p90 (business hours) | 16h 00min | 12h 00min |")
                .contains("| 满意度 CSAT (good / rated) | 38.0% (19/50) | 92.0% (368/400) |")
                .contains("Volume ratio: ×2.0")
                .contains("- 2026-03-02: 120")
                .contains("| REFUND | 2 · 150.00 | 1 · 100.00 |")
                .contains("2/4 done, 1 late, 1 skipped")
                .contains("2026-03-02 11:00 MAJOR by lead (override: 上了热搜)")
                .contains("逾期 late: 切换备用系统 (due 2026-03-02 09:30, done 2026-03-02 10:15, 0h 45min late)")
                .contains("跳过 skipped: 评估补偿 — 统一按订单退款")
                .contains("## 有效做法 What worked\n\n30 分钟内发出首条说明")
                .contains("## 不足 What was missing\n\n备用系统切换手册过时")
                .contains("| 更新切换手册 | 技术部 王工 | 2026-03-20 |");
    }

    @Test
    void figuresWithoutDataShowAsNoDataNeverAsZero() {
        CrisisReview.Facts f = facts();
        CrisisReview review = CrisisReview.of(new CrisisReview.Facts(f.title(), f.reportedAt(), f.reportedAt(), f.reportedAt().plus(Duration.ofHours(3)),
                false, f.grades(), List.of(), 0, Map.of(), null, 0, null, null, List.of(), List.of(), CrisisReview.Notes.EMPTY));

        assertThat(review.timeToFirstPublicUpdate()).isNull();
        assertThat(review.linkedPerDay()).isEqualTo(0.0);
        assertThat(review.baselinePerDay()).isNull();
        assertThat(review.volumeRatio()).isNull();
        assertThat(review.comparisons()).allSatisfy(c -> assertThat(c.baseline()).isNull());
        assertThat(review.comparisons()).filteredOn(c -> !c.key().equals("perDay")).allSatisfy(c -> assertThat(c.during()).isNull());
        assertThat(review.markdown(ZoneId.of("UTC"))).contains("still open").contains("First public update: 无数据 no data")
                .contains("| 首次响应中位数（自然时间）First response, median (wall clock) | 无数据 no data | 无数据 no data |")
                .contains("Volume ratio: 无数据 no data").contains("| 满意度 CSAT (good / rated) | 无数据 no data | 无数据 no data |")
                .doesNotContain("| 0h 00min");
    }

    @Test
    void anActionItemNeedsAnOwner() {
        assertThatThrownBy(() -> new CrisisReview.ActionItem("更新手册", " ", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CrisisReview.ActionItem("", "王工", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
