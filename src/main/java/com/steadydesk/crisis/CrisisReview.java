package com.steadydesk.crisis;

import com.steadydesk.inbox.ServiceFigures;
import com.steadydesk.inbox.ServiceFigures.BusinessHours;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The review (复盘) draft of a crisis: its figures, computed from facts only (pure logic, so a constructed data set
 * gives known answers), and the sections people write (what worked, what was missing, action items with owners).
 * Every figure the data cannot give is null and shows as "no data", never as 0.
 *
 * @param linkedPerDay     linked tickets opened in the window, per 24 hours of the window
 * @param baselinePerDay   all tickets opened per 24 hours in the baseline window
 * @param linkedOutside    linked tickets opened outside the window (e.g. older tickets swept in by a keyword)
 */
public record CrisisReview(String title, Instant reportedAt, Instant windowStart, Instant windowEnd, boolean closed, Duration duration,
        Duration timeToFirstPublicUpdate, int publicUpdates, List<CrisisDetails.GradeHistoryEntry> grades, long linkedTickets,
        Map<LocalDate, Long> linkedOpenedPerDay, long linkedOutside, Double linkedPerDay, Instant baselineStart, Double baselinePerDay,
        Double volumeRatio, ServiceFigures during, ServiceFigures baseline, List<CompensationTotal> compensation, List<StepFact> lateSteps,
        List<StepFact> skippedSteps, int stepsDone, int stepsTotal, Notes notes) {

    /** How many days the baseline looks back from the start of the crisis. */
    public static final int BASELINE_DAYS = 28;

    /** A playbook step or task as the review sees it. */
    public record StepFact(String title, Instant dueAt, Instant completedAt, TaskStatus status, String skipReason) {

        boolean late() {
            return status == TaskStatus.DONE && dueAt != null && completedAt != null && completedAt.isAfter(dueAt);
        }
    }

    /** Compensation of one kind: approved (delivered or not) and actually delivered, count and amount. */
    public record CompensationTotal(FollowUps.Kind kind, int approvedCount, BigDecimal approved, int deliveredCount, BigDecimal delivered) {
    }

    /** One action item; every item has an owner (a person or a department). */
    public record ActionItem(String action, String owner, LocalDate due) {

        public ActionItem {
            if (action == null || action.isBlank() || owner == null || owner.isBlank()) {
                throw new IllegalArgumentException("an action item needs an action and an owner");
            }
            if (action.length() > 1000 || owner.length() > 100) {
                throw new IllegalArgumentException("an action has at most 1000 characters, an owner at most 100");
            }
            action = action.strip();
            owner = owner.strip();
        }
    }

    /** The sections people write; empty until someone saves them. */
    public record Notes(String whatWorked, String whatWasMissing, List<ActionItem> actions, String updatedBy, Instant updatedAt) {

        public static final Notes EMPTY = new Notes("", "", List.of(), null, null);

        public Notes {
            whatWorked = whatWorked == null ? "" : whatWorked.strip();
            whatWasMissing = whatWasMissing == null ? "" : whatWasMissing.strip();
            actions = List.copyOf(actions);
        }
    }

    /**
     * Everything the review is computed from. The window runs from {@code windowStart} (the earlier of "occurring
     * since" and the report) to the close, or to now while the crisis is open; the baseline window is the
     * {@link #BASELINE_DAYS} days before it, cut at the first ticket ever opened ({@code baselineStart}, null when
     * there were no tickets before the crisis).
     */
    public record Facts(String title, Instant reportedAt, Instant windowStart, Instant windowEnd, boolean closed,
            List<CrisisDetails.GradeHistoryEntry> grades, List<Instant> publicUpdateTimes, long linkedTickets,
            Map<LocalDate, Long> linkedOpenedPerDay, Instant baselineStart, long baselineTickets, ServiceFigures during,
            ServiceFigures baseline, List<CompensationTotal> compensation, List<StepFact> steps, Notes notes) {
    }

    /** Computes the figures. Duration and the time to the first public update count from the report. */
    public static CrisisReview of(Facts f) {
        Duration duration = Duration.between(f.reportedAt(), f.windowEnd());
        Duration firstUpdate = f.publicUpdateTimes().stream().min(Comparator.naturalOrder())
                .map(t -> Duration.between(f.reportedAt(), t)).orElse(null);
        long linkedInWindow = f.linkedOpenedPerDay().values().stream().mapToLong(Long::longValue).sum();
        Double perDay = perDay(linkedInWindow, Duration.between(f.windowStart(), f.windowEnd()));
        Double baselinePerDay = f.baselineStart() == null ? null : perDay(f.baselineTickets(), Duration.between(f.baselineStart(), f.windowStart()));
        // the ratio comes from the unrounded rates; only what is shown is rounded
        Double ratio = perDay == null || baselinePerDay == null || baselinePerDay == 0 ? null : round(perDay / baselinePerDay);
        perDay = perDay == null ? null : round(perDay);
        baselinePerDay = baselinePerDay == null ? null : round(baselinePerDay);
        List<StepFact> late = f.steps().stream().filter(StepFact::late).toList();
        List<StepFact> skipped = f.steps().stream().filter(s -> s.status() == TaskStatus.SKIPPED).toList();
        int done = (int) f.steps().stream().filter(s -> s.status() == TaskStatus.DONE).count();
        return new CrisisReview(f.title(), f.reportedAt(), f.windowStart(), f.windowEnd(), f.closed(), duration, firstUpdate,
                f.publicUpdateTimes().size(), List.copyOf(f.grades()), f.linkedTickets(), f.linkedOpenedPerDay(),
                f.linkedTickets() - linkedInWindow, perDay, f.baselineStart(), baselinePerDay, ratio, f.during(), f.baseline(),
                List.copyOf(f.compensation()), late, skipped, done, f.steps().size(), f.notes());
    }

    /** One row of the side-by-side table: a figure during the crisis and in the baseline, null when there is no data. */
    public record Comparison(String key, String during, String baseline) {
    }

    /** The figures side by side (keys name message-bundle entries {@code crisis.review.figure.<key>}). */
    public List<Comparison> comparisons() {
        return List.of(
                new Comparison("perDay", number(linkedPerDay), number(baselinePerDay)),
                new Comparison("tickets", during == null ? null : String.valueOf(during.tickets()), baseline == null ? null : String.valueOf(baseline.tickets())),
                new Comparison("firstResponseMedian", figure(during, ServiceFigures::firstResponseMedian), figure(baseline, ServiceFigures::firstResponseMedian)),
                new Comparison("firstResponseP90", figure(during, ServiceFigures::firstResponseP90), figure(baseline, ServiceFigures::firstResponseP90)),
                new Comparison("resolutionMedian", figure(during, ServiceFigures::resolutionMedian), figure(baseline, ServiceFigures::resolutionMedian)),
                new Comparison("resolutionP90", figure(during, ServiceFigures::resolutionP90), figure(baseline, ServiceFigures::resolutionP90)),
                new Comparison("businessFirstResponseMedian", business(during, BusinessHours::firstResponseMedian),
                        business(baseline, BusinessHours::firstResponseMedian)),
                new Comparison("businessFirstResponseP90", business(during, BusinessHours::firstResponseP90), business(baseline, BusinessHours::firstResponseP90)),
                new Comparison("businessResolutionMedian", business(during, BusinessHours::resolutionMedian), business(baseline, BusinessHours::resolutionMedian)),
                new Comparison("businessResolutionP90", business(during, BusinessHours::resolutionP90), business(baseline, BusinessHours::resolutionP90)),
                new Comparison("unanswered", unanswered(during), unanswered(baseline)),
                new Comparison("csat", csat(during), csat(baseline)));
    }

    /** The draft as Markdown, in both languages: the figures, then the written sections (or prompts where empty). */
    public String markdown(ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        String noData = "无数据 no data";
        StringBuilder sb = new StringBuilder("# 复盘 Review: ").append(title).append("\n\n");
        if (!closed) {
            sb.append("> 危机尚未关闭，数字截至 ").append(time.format(windowEnd.atZone(zone))).append(" · The crisis is still open; figures so far.\n\n");
        }
        sb.append("## 事实 Facts\n\n");
        sb.append("- 持续时间 Duration: ").append(format(duration)).append(" (").append(time.format(reportedAt.atZone(zone))).append(" – ")
                .append(time.format(windowEnd.atZone(zone))).append(")\n");
        sb.append("- 首次公开说明 First public update: ").append(timeToFirstPublicUpdate == null ? noData : format(timeToFirstPublicUpdate))
                .append(" (").append(publicUpdates).append(" updates)\n");
        sb.append("- 关联工单 Linked tickets: ").append(linkedTickets).append(" (").append(linkedOutside).append(" opened outside the window)\n");
        sb.append("- 统计窗口 Window: ").append(time.format(windowStart.atZone(zone))).append(" – ").append(time.format(windowEnd.atZone(zone)))
                .append("; 基线 baseline: ").append(baselineStart == null ? noData : time.format(baselineStart.atZone(zone)) + " – "
                        + time.format(windowStart.atZone(zone))).append('\n');
        sb.append("\n## 危机期间与基线 During the crisis vs. baseline\n\n| 指标 Figure | 危机期间（关联工单）During (linked tickets) | 基线（全部工单）Baseline (all tickets) |\n| --- | --- | --- |\n");
        for (Comparison c : comparisons()) {
            sb.append("| ").append(FIGURE_LABELS.get(c.key())).append(" | ").append(c.during() == null ? noData : c.during()).append(" | ")
                    .append(c.baseline() == null ? noData : c.baseline()).append(" |\n");
        }
        sb.append("\n").append(TIMES_NOTE).append('\n');
        sb.append("\n量比 Volume ratio: ").append(volumeRatio == null ? noData : "×" + volumeRatio).append('\n');
        sb.append("\n### 每日关联工单 Linked tickets per day\n\n");
        if (linkedOpenedPerDay.isEmpty()) {
            sb.append(noData).append('\n');
        }
        linkedOpenedPerDay.forEach((day, n) -> sb.append("- ").append(day).append(": ").append(n).append('\n'));
        sb.append("\n## 补偿 Compensation\n\n");
        if (compensation.isEmpty()) {
            sb.append("无 none\n");
        } else {
            sb.append("| 类型 Kind | 已批准 Approved | 已发放 Delivered |\n| --- | --- | --- |\n");
            compensation.forEach(c -> sb.append("| ").append(c.kind()).append(" | ").append(c.approvedCount()).append(" · ").append(c.approved().toPlainString())
                    .append(" | ").append(c.deliveredCount()).append(" · ").append(c.delivered().toPlainString()).append(" |\n"));
        }
        sb.append("\n## 级别变化 Grade history\n\n");
        for (CrisisDetails.GradeHistoryEntry g : grades) {
            sb.append("- ").append(time.format(g.changedAt().atZone(zone))).append(' ').append(g.grade()).append(" by ").append(g.changedBy())
                    .append(g.overridden() ? " (override: " + g.reason() + ")" : "").append('\n');
        }
        sb.append("\n## 预案步骤 Playbook steps and tasks\n\n").append(stepsDone).append('/').append(stepsTotal).append(" done, ").append(lateSteps.size())
                .append(" late, ").append(skippedSteps.size()).append(" skipped\n\n");
        lateSteps.forEach(s -> sb.append("- 逾期 late: ").append(s.title()).append(" (due ").append(time.format(s.dueAt().atZone(zone)))
                .append(", done ").append(time.format(s.completedAt().atZone(zone))).append(", ").append(format(Duration.between(s.dueAt(), s.completedAt())))
                .append(" late)\n"));
        skippedSteps.forEach(s -> sb.append("- 跳过 skipped: ").append(s.title()).append(s.skipReason() == null ? "" : " — " + s.skipReason())
                .append('\n'));
        sb.append("\n## 有效做法 What worked\n\n").append(notes.whatWorked().isEmpty() ? "- " : notes.whatWorked()).append('\n');
        sb.append("\n## 不足 What was missing\n\n").append(notes.whatWasMissing().isEmpty() ? "- " : notes.whatWasMissing()).append('\n');
        sb.append("\n## 行动项 Action items\n\n| 行动 Action | 负责人 Owner | 截止 Due |\n| --- | --- | --- |\n");
        if (notes.actions().isEmpty()) {
            sb.append("|  |  |  |\n");
        }
        notes.actions().forEach(a -> sb.append("| ").append(cell(a.action())).append(" | ").append(cell(a.owner())).append(" | ")
                .append(a.due() == null ? "" : a.due()).append(" |\n"));
        return sb.toString();
    }

    private static final String TIMES_NOTE = "自然时间从创建起连续计算；工作时间按各工单 SLA 的工作日历计算、不含待客户回复的时间，只含有 SLA 的工单。"
            + " Wall clock counts straight from opening; business hours follow each ticket's SLA calendar without the time spent"
            + " pending, for tickets with an SLA only.";

    private static final Map<String, String> FIGURE_LABELS = Map.ofEntries(
            Map.entry("perDay", "工单/天 Tickets per day"), Map.entry("tickets", "工单数 Tickets"),
            Map.entry("firstResponseMedian", "首次响应中位数（自然时间）First response, median (wall clock)"),
            Map.entry("firstResponseP90", "首次响应 P90（自然时间）First response, p90 (wall clock)"),
            Map.entry("resolutionMedian", "解决时长中位数（自然时间）Resolution, median (wall clock)"),
            Map.entry("resolutionP90", "解决时长 P90（自然时间）Resolution, p90 (wall clock)"),
            Map.entry("businessFirstResponseMedian", "首次响应中位数（工作时间）First response, median (business hours)"),
            Map.entry("businessFirstResponseP90", "首次响应 P90（工作时间）First response, p90 (business hours)"),
            Map.entry("businessResolutionMedian", "解决时长中位数（工作时间）Resolution, median (business hours)"),
            Map.entry("businessResolutionP90", "解决时长 P90（工作时间）Resolution, p90 (business hours)"),
            Map.entry("unanswered", "未响应 Not answered"), Map.entry("csat", "满意度 CSAT (good / rated)"));

    /** The duration as the screens show it. */
    public String durationText() {
        return format(duration);
    }

    /** The time to the first public update as the screens show it; null when nothing was published. */
    public String firstUpdateText() {
        return format(timeToFirstPublicUpdate);
    }

    /** A duration the way the review shows it, e.g. {@code 2h 05min}; days are written as hours so that sizes compare. */
    public static String format(Duration d) {
        if (d == null) {
            return null;
        }
        return d.toHours() + "h " + String.format("%02d", d.toMinutesPart()) + "min";
    }

    private static String figure(ServiceFigures f, Function<ServiceFigures, Duration> which) {
        return f == null ? null : format(which.apply(f));
    }

    private static String business(ServiceFigures f, Function<BusinessHours, Duration> which) {
        return f == null || f.businessHours() == null ? null : format(which.apply(f.businessHours()));
    }

    private static String unanswered(ServiceFigures f) {
        return f == null || f.tickets() == 0 ? null : String.valueOf(f.tickets() - f.responded());
    }

    private static String csat(ServiceFigures f) {
        return f == null || f.csat() == null ? null
                : String.format("%.1f%% (%d/%d)", f.csat() * 100, f.goodRatings(), f.ratings());
    }

    private static String number(Double value) {
        return value == null ? null : String.valueOf(value);
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static Double perDay(long count, Duration span) {
        return span.isNegative() || span.isZero() ? null : count / (span.toSeconds() / 86_400.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
