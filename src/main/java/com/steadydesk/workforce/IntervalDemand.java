package com.steadydesk.workforce;

import java.time.Duration;

/**
 * What one interval of one queue asks of the team: contacts offered, how long each takes, the service level to meet
 * and how much of the rostered time is lost to breaks, training and absence (shrinkage).
 *
 * @param contacts      contacts offered in the interval (forecast, or forecast times a surge factor)
 * @param interval      the interval's length, e.g. 15 or 30 minutes
 * @param handleTime    average handle time of one contact
 * @param concurrency   contacts one agent works at once (1 for phone and e-mail, 2-3 for chat)
 * @param targetLevel   share of contacts to answer within {@code targetAnswer}, e.g. 0.8
 * @param targetAnswer  e.g. 30 s for chat, 60 s for phone (seed 003)
 * @param shrinkage     share of paid time not on contacts, 0 to below 1
 * @param patience      average time a customer waits before giving up; null when nobody abandons (pure Erlang C)
 */
public record IntervalDemand(double contacts, Duration interval, Duration handleTime, int concurrency, double targetLevel,
        Duration targetAnswer, double shrinkage, Duration patience) {

    public IntervalDemand {
        if (!(contacts >= 0) || Double.isInfinite(contacts)) {
            throw new IllegalArgumentException("contacts must be zero or more");
        }
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive");
        }
        if (handleTime == null || handleTime.isNegative() || handleTime.isZero()) {
            throw new IllegalArgumentException("handle time must be positive");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1");
        }
        if (!(targetLevel > 0 && targetLevel < 1)) {
            throw new IllegalArgumentException("target service level must be between 0 and 1");
        }
        if (targetAnswer == null || targetAnswer.isNegative()) {
            throw new IllegalArgumentException("target answer time must be zero or more");
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage must be at least 0 and below 1");
        }
        if (patience != null && (patience.isNegative() || patience.isZero())) {
            throw new IllegalArgumentException("patience must be positive");
        }
    }

    /** Offered load in Erlangs: the agents that would be busy all the time. Chat divides it by the concurrency. */
    double erlangs() {
        return contacts * seconds(handleTime) / seconds(interval) / concurrency;
    }

    /** Time an agent's "slot" takes per contact: with concurrency c, c contacts share one agent. */
    double slotSeconds() {
        return seconds(handleTime) / concurrency;
    }

    static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
