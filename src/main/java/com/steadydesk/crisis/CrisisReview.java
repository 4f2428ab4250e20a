package com.steadydesk.crisis;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The review (复盘) draft's figures, computed from facts only (pure logic, so a constructed data set gives known
 * answers): duration, grade history, time to the first public update, linked-ticket volume against the baseline,
 * service figures during the crisis against the baseline, and the playbook steps done late or skipped. The
 * sections people write (what worked, what was missing, action items) start empty in the Markdown.
 */
public record CrisisReview(String title, Duration duration, Duration timeToFirstPublicUpdate, int publicUpdates,
        List<CrisisDetails.GradeHistoryEntry> grades, long linkedTickets, double linkedPerDay, Double baselinePerDay, Double volumeRatio,
        ServiceFigures during, ServiceFigures baseline, List<StepFact> lateSteps, List<StepFact> skippedSteps, int stepsDone, int stepsTotal) {

    /** Service figures of a period; any may be null when unknown. */
    public record ServiceFigures(Double firstResponseMinutes, Double resolutionHours, Double csat) {
    }

    /** A playbook task as the review sees it. */
    public record StepFact(String title, Instant dueAt, Instant completedAt, TaskStatus status, String skipReason) {

        boolean late() {
            return status == TaskStatus.DONE && dueAt != null && completedAt != null && completedAt.isAfter(dueAt);
        }
    }

    /** Everything the review is computed from. {@code baselineTicketsPerDay}: daily tickets in the weeks before (null if unknown). */
    public record Facts(String title, Instant reportedAt, Instant declaredAt, Instant closedAt, List<CrisisDetails.GradeHistoryEntry> grades,
            List<Instant> publicUpdateTimes, Map<LocalDate, Long> linkedPerDay, Double baselineTicketsPerDay, ServiceFigures during,
            ServiceFigures baseline, List<StepFact> steps) {
    }

    /** Computes the figures. Duration runs from the report to the close; the first public update is counted from the report too. */
    public static CrisisReview of(Facts f) {
        Instant start = f.reportedAt();
        Instant end = f.closedAt() == null ? start : f.closedAt();
        Duration duration = Duration.between(start, end);
        Duration firstUpdate = f.publicUpdateTimes().stream().min(Comparator.naturalOrder()).map(t -> Duration.between(start, t)).orElse(null);
        long linked = f.linkedPerDay().values().stream().mapToLong(Long::longValue).sum();
        long days = Math.max(1, (long) Math.ceil(duration.toMinutes() / (24.0 * 60)));
        double perDay = round(linked / (double) days);
        Double ratio = f.baselineTicketsPerDay() == null || f.baselineTicketsPerDay() == 0 ? null : round(perDay / f.baselineTicketsPerDay());
        List<StepFact> late = f.steps().stream().filter(StepFact::late).toList();
        List<StepFact> skipped = f.steps().stream().filter(s -> s.status() == TaskStatus.SKIPPED).toList();
        int done = (int) f.steps().stream().filter(s -> s.status() == TaskStatus.DONE).count();
        return new CrisisReview(f.title(), duration, firstUpdate, f.publicUpdateTimes().size(), List.copyOf(f.grades()), linked, perDay,
                f.baselineTicketsPerDay(), ratio, f.during(), f.baseline(), late, skipped, done, f.steps().size());
    }

    /** The draft as Markdown, facts filled in, sections to write left with prompts. */
    public String markdown(ZoneId zone) {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        StringBuilder sb = new StringBuilder("# 复盘 Review: ").append(title).append("\n\n## 事实 Facts\n\n");
        sb.append("- 持续时间 Duration: ").append(format(duration)).append('\n');
        sb.append("- 首次公开说明 First public update: ").append(timeToFirstPublicUpdate == null ? "—" : format(timeToFirstPublicUpdate))
                .append(" (").append(publicUpdates).append(" updates)\n");
        sb.append("- 关联工单 Linked tickets: ").append(linkedTickets).append(" (").append(linkedPerDay).append("/day")
                .append(baselinePerDay == null ? ", baseline unknown" : ", baseline " + baselinePerDay + "/day, ×" + volumeRatio).append(")\n");
        sb.append("- 首次响应 First response (min): ").append(pair(during == null ? null : during.firstResponseMinutes(),
                baseline == null ? null : baseline.firstResponseMinutes())).append('\n');
        sb.append("- 解决时长 Resolution (h): ").append(pair(during == null ? null : during.resolutionHours(),
                baseline == null ? null : baseline.resolutionHours())).append('\n');
        sb.append("- 满意度 CSAT: ").append(pair(during == null ? null : during.csat(), baseline == null ? null : baseline.csat())).append('\n');
        sb.append("- 预案步骤 Playbook steps: ").append(stepsDone).append('/').append(stepsTotal).append(" done, ").append(lateSteps.size())
                .append(" late, ").append(skippedSteps.size()).append(" skipped\n\n## 级别变化 Grade history\n\n");
        for (CrisisDetails.GradeHistoryEntry g : grades) {
            sb.append("- ").append(time.format(g.changedAt().atZone(zone))).append(' ').append(g.grade()).append(" by ").append(g.changedBy())
                    .append(g.overridden() ? " (override: " + g.reason() + ")" : "").append('\n');
        }
        sb.append("\n## 逾期或跳过的步骤 Steps done late or skipped\n\n");
        lateSteps.forEach(s -> sb.append("- 逾期 late: ").append(s.title()).append(" (due ").append(time.format(s.dueAt().atZone(zone)))
                .append(", done ").append(time.format(s.completedAt().atZone(zone))).append(")\n"));
        skippedSteps.forEach(s -> sb.append("- 跳过 skipped: ").append(s.title()).append(s.skipReason() == null ? "" : " — " + s.skipReason())
                .append('\n'));
        sb.append("\n## 有效做法 What worked\n\n- \n\n## 不足 What was missing\n\n- \n\n## 行动项 Action items\n\n| 行动 Action | 负责人 Owner | 截止 Due |\n| --- | --- | --- |\n|  |  |  |\n");
        return sb.toString();
    }

    private static String pair(Double during, Double baseline) {
        return (during == null ? "—" : String.valueOf(round(during))) + " vs baseline " + (baseline == null ? "—" : String.valueOf(round(baseline)));
    }

    private static String format(Duration d) {
        return d.toHours() + "h " + d.toMinutesPart() + "min";
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
