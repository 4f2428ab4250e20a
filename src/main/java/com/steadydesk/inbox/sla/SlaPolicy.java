package com.steadydesk.inbox.sla;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketPriority;
import java.time.Duration;

/**
 * Targets for the tickets it matches. A null criterion matches anything; a null target means "no target";
 * targets count business time of the calendar ({@code calendarId} null = 24x7).
 */
record SlaPolicy(long id, String name, Channel channel, TicketPriority priority, VipCriterion vipTier,
        Duration firstResponseTarget, Duration resolutionTarget, Long calendarId, int atRiskPercent,
        boolean active, int position) {

    static final int DEFAULT_AT_RISK_PERCENT = 75;

    SlaPolicy {
        if (atRiskPercent < 1 || atRiskPercent > 99) {
            throw new IllegalArgumentException("At-risk threshold must be 1-99 %: " + atRiskPercent);
        }
        if (notPositive(firstResponseTarget) || notPositive(resolutionTarget)) {
            throw new IllegalArgumentException("SLA targets must be positive");
        }
    }

    private static boolean notPositive(Duration target) {
        return target != null && (target.isZero() || target.isNegative());
    }

    /** How many criteria this policy pins down (channel and priority weigh 2, "any VIP" 1, an exact tier 2). */
    int specificity() {
        return (channel != null ? 2 : 0) + (priority != null ? 2 : 0) + (vipTier != null ? vipTier.specificity() : 0);
    }

    boolean hasTargets() {
        return firstResponseTarget != null || resolutionTarget != null;
    }
}
