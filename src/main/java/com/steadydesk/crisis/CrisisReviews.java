package com.steadydesk.crisis;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Collects the facts of a crisis for its review draft from this module's own records. Baselines (ticket volume,
 * first response, resolution and CSAT in the weeks before) need figures the inbox and insights do not offer yet, so
 * they show as unknown.
 */
@Service
public class CrisisReviews {

    private final CrisisManagement crises;
    private final StatusPage statusPage;
    private final CrisisTaskManagement tasks;
    private final ZoneId zone;

    CrisisReviews(CrisisManagement crises, StatusPage statusPage, CrisisTaskManagement tasks,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.crises = crises;
        this.statusPage = statusPage;
        this.tasks = tasks;
        this.zone = ZoneId.of(zone);
    }

    public CrisisReview draft(CrisisId id) {
        CrisisDetails crisis = crises.find(id);
        Map<LocalDate, Long> perDay = new LinkedHashMap<>();
        crises.linkedTicketStats(id, 90).perDay().forEach(d -> perDay.put(d.day(), d.count()));
        List<CrisisReview.StepFact> steps = tasks.of(id).stream()
                .map(t -> new CrisisReview.StepFact(t.title(), t.dueAt(), t.completedAt(), t.status(), t.skipReason())).toList();
        // TODO(inbox/insights): baseline tickets per day before the crisis, first-response/resolution times and CSAT
        // during vs. before, e.g. TicketManagement.dailyCounts(from, to) and a service-figures query in insights.
        return CrisisReview.of(new CrisisReview.Facts(crisis.title(), crisis.reportedAt(), crisis.declaredAt(), crisis.closedAt(),
                crisis.gradeHistory(), statusPage.updates(id).stream().map(PublicUpdate::publishedAt).toList(), perDay, null, null, null, steps));
    }

    public String markdown(CrisisId id) {
        return draft(id).markdown(zone);
    }
}
