package com.steadydesk.workforce;

/**
 * The Erlang C queue (M/M/n: Poisson arrivals, exponential handle times, n agents, nobody gives up). Load is given in
 * Erlangs, times in seconds. The wait probability is computed through the Erlang B recursion, which stays exact and
 * finite for thousands of agents where the textbook factorials overflow.
 */
public final class ErlangC {

    private ErlangC() {
    }

    /** Erlang B: the share of contacts that find all n agents busy when nobody can wait (a lost-call system). */
    public static double blocking(int agents, double erlangs) {
        requireAgents(agents);
        double b = 1.0;
        for (int k = 1; k <= agents; k++) {
            b = erlangs * b / (k + erlangs * b);
        }
        return b;
    }

    /** Share of contacts that have to wait at all; 1 when the agents cannot keep up with the load. */
    public static double waitChance(int agents, double erlangs) {
        requireAgents(agents);
        if (erlangs <= 0) {
            return 0;
        }
        if (agents <= erlangs) {
            return 1;
        }
        double b = blocking(agents, erlangs);
        return agents * b / (agents - erlangs * (1 - b));
    }

    /** Share of contacts answered within {@code answerSeconds}; each contact takes {@code slotSeconds} of an agent. */
    public static double serviceLevel(int agents, double erlangs, double slotSeconds, double answerSeconds) {
        if (agents <= erlangs) {
            return erlangs <= 0 ? 1 : 0;
        }
        return 1 - waitChance(agents, erlangs) * Math.exp(-(agents - erlangs) * answerSeconds / slotSeconds);
    }

    /** Average speed of answer over all contacts, in seconds; infinite when the agents cannot keep up. */
    public static double averageAnswer(int agents, double erlangs, double slotSeconds) {
        if (agents <= erlangs) {
            return erlangs <= 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return waitChance(agents, erlangs) * slotSeconds / (agents - erlangs);
    }

    private static void requireAgents(int agents) {
        if (agents < 0) {
            throw new IllegalArgumentException("agents must be zero or more");
        }
    }
}
