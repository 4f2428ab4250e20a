package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.SourceOfTruthContent;
import com.steadydesk.knowledge.SourceOfTruthPage;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.BindingResult;

/**
 * The source-of-truth editor. Decisions are typed one per line as {@code 2026-11-29 | 退款政策 | 全额退款}: quick to
 * write under pressure, and a line that does not parse is reported next to the field.
 */
record TruthForm(String impactOnBusiness, String impactOnCustomers, String decisionRights, String decisions,
        String approvedLanguage, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime nextUpdateDueAt, Integer baseVersion) {

    static TruthForm of(SourceOfTruthPage page, ZoneId zone) {
        var c = page.content();
        return new TruthForm(c.impactOnBusiness(), c.impactOnCustomers(), c.decisionRights(),
                c.decisions().stream().map(d -> d.decidedOn() + " | " + d.topic() + " | " + d.text()).collect(Collectors.joining("\n")),
                c.approvedLanguage(), c.nextUpdateDueAt() == null ? null : LocalDateTime.ofInstant(c.nextUpdateDueAt(), zone),
                page.currentVersion());
    }

    /** The content, or null with the errors recorded in {@code errors}. */
    SourceOfTruthContent content(ZoneId zone, BindingResult errors) {
        List<SourceOfTruthContent.Decision> parsed = new ArrayList<>();
        if (decisions != null) {
            for (String line : decisions.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split("[|｜]", 3);
                try {
                    parsed.add(new SourceOfTruthContent.Decision(LocalDate.parse(parts[0].strip()), parts[1], parts[2]));
                } catch (DateTimeParseException | ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
                    errors.rejectValue("decisions", "truth.decisions.invalid", new Object[] {line.strip()}, "invalid line");
                    return null;
                }
            }
        }
        return new SourceOfTruthContent(impactOnBusiness, impactOnCustomers, decisionRights, parsed, approvedLanguage,
                nextUpdateDueAt == null ? null : nextUpdateDueAt.atZone(zone).toInstant());
    }
}
