package com.steadydesk.inbox;

import java.time.Duration;

/**
 * How the team served a set of tickets: first-response and resolution times (median and 90th percentile, wall clock
 * from opening, interpolated like PostgreSQL's {@code percentile_cont}), the same in business hours, and CSAT (share
 * of good ratings, 4 or 5 of 5, among the rated tickets). A figure without data is null, never 0: no responded ticket
 * gives no first-response time, no rating gives no CSAT.
 *
 * @param tickets       tickets in the scope
 * @param responded     tickets with a first public answer (the rest count in {@code tickets} only)
 * @param resolved      tickets solved or closed (a reopened and not yet solved ticket is unresolved)
 * @param ratings       tickets with a satisfaction rating
 * @param csat          share of good ratings, 0..1
 * @param businessHours the times counted the way the SLA clock counts them
 */
public record ServiceFigures(long tickets, long responded, Duration firstResponseMedian, Duration firstResponseP90, long resolved,
        Duration resolutionMedian, Duration resolutionP90, long ratings, long goodRatings, Double csat, BusinessHours businessHours) {

    /**
     * First-response and resolution times in business hours: on each ticket's own SLA calendar (24x7 when its policy
     * has none), with the time spent pending (and solved, for a reopened ticket) taken out, as the SLA clock counts
     * them. Only tickets with an SLA clock count here, so {@code responded}/{@code resolved} may be lower than the
     * wall-clock ones: tickets no policy applied to, and those whose clock ended before the business time used was
     * recorded, are left out. A first response counts the target's end, which is the first reply, or solving or
     * closing the ticket when that came first.
     *
     * @param responded answered tickets with a business-hours first-response time
     * @param resolved  solved or closed tickets with a business-hours resolution time
     */
    public record BusinessHours(long responded, Duration firstResponseMedian, Duration firstResponseP90, long resolved,
            Duration resolutionMedian, Duration resolutionP90) {

        /** No ticket with an SLA clock. */
        public static final BusinessHours NONE = new BusinessHours(0, null, null, 0, null, null);
    }
}
