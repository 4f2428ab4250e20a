package com.steadydesk.inbox;

import java.time.Duration;

/**
 * How the team served a set of tickets: first-response and resolution times (median and 90th percentile, wall clock
 * from opening, interpolated like PostgreSQL's {@code percentile_cont}; business hours are not taken into account)
 * and CSAT (share of good ratings, 4 or 5 of 5, among the rated tickets). A figure without data is null, never 0:
 * no responded ticket gives no first-response time, no rating gives no CSAT.
 *
 * @param tickets   tickets in the scope
 * @param responded tickets with a first public answer (the rest count in {@code tickets} only)
 * @param resolved  tickets solved or closed (a reopened and not yet solved ticket is unresolved)
 * @param ratings   tickets with a satisfaction rating
 * @param csat      share of good ratings, 0..1
 */
public record ServiceFigures(long tickets, long responded, Duration firstResponseMedian, Duration firstResponseP90, long resolved,
        Duration resolutionMedian, Duration resolutionP90, long ratings, long goodRatings, Double csat) {
}
