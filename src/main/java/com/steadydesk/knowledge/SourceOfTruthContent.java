package com.steadydesk.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The sections of a crisis's source-of-truth page: impact on the business and on customers, who decides what,
 * the decisions made so far (dated), the approved language, and when the next update is due.
 */
public record SourceOfTruthContent(String impactOnBusiness, String impactOnCustomers, String decisionRights,
        List<Decision> decisions, String approvedLanguage, Instant nextUpdateDueAt) {

    public SourceOfTruthContent {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    public static SourceOfTruthContent empty() {
        return new SourceOfTruthContent(null, null, null, List.of(), null, null);
    }

    /**
     * The page as one canonical text, stored with each version and compared by diffs. Section headings are
     * bilingual because subscribers of either language read the same notice.
     */
    public String snapshot(ZoneId zone) {
        var out = new StringBuilder();
        section(out, "业务影响 Impact on the business", impactOnBusiness);
        section(out, "客户影响 Impact on customers", impactOnCustomers);
        section(out, "决策分工 Who decides what", decisionRights);
        out.append("## 已做决定 Decisions\n");
        decisions.forEach(d -> out.append("• ").append(d.decidedOn()).append(" [").append(d.topic()).append("] ").append(d.text().strip()).append('\n'));
        out.append('\n');
        section(out, "统一口径 Approved language", approvedLanguage);
        out.append("## 下次更新 Next update due\n")
                .append(nextUpdateDueAt == null ? "—" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone).format(nextUpdateDueAt))
                .append('\n');
        return out.toString();
    }

    private static void section(StringBuilder out, String heading, String text) {
        out.append("## ").append(heading).append('\n').append(text == null || text.isBlank() ? "—" : text.strip()).append("\n\n");
    }

    /** One decision: when, about what (refund policy, compensation, key date...), and what was decided. */
    public record Decision(LocalDate decidedOn, String topic, String text) {

        public Decision {
            if (decidedOn == null || topic == null || topic.isBlank() || text == null || text.isBlank()) {
                throw new IllegalArgumentException("a decision needs a date, a topic and a text");
            }
            topic = topic.strip();
            text = text.strip();
        }
    }
}
