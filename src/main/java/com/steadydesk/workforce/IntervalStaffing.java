package com.steadydesk.workforce;

/**
 * The staffing one interval needs and what that staffing achieves.
 *
 * @param agents        agents working contacts at the same time (before shrinkage)
 * @param rostered      agents to schedule so that {@code agents} are on contacts after shrinkage
 * @param serviceLevel  share of contacts answered within the target time
 * @param waitChance    share of contacts that wait at all
 * @param averageAnswer average speed of answer in seconds, over all contacts
 * @param occupancy     share of the agents' time spent on contacts (always below 1)
 * @param abandonment   share of contacts that give up waiting (0 without patience)
 */
public record IntervalStaffing(int agents, int rostered, double serviceLevel, double waitChance, double averageAnswer,
        double occupancy, double abandonment) {
}
