package com.steadydesk.workforce;

import java.util.List;

/**
 * Agents needed per interval: the fewest agents whose service level meets the target (Erlang C, or Erlang A when the
 * demand states the customers' patience), then grossed up for shrinkage. Pure arithmetic, no I/O: a plan of 96
 * intervals for 10 queues is computed in milliseconds (docs/benchmarks.md).
 */
public final class Staffing {

    private Staffing() {
    }

    public static List<IntervalStaffing> plan(List<IntervalDemand> intervals) {
        return intervals.stream().map(Staffing::interval).toList();
    }

    public static IntervalStaffing interval(IntervalDemand demand) {
        double erlangs = demand.erlangs();
        if (erlangs == 0) {
            return new IntervalStaffing(0, 0, 1, 0, 0, 0, 0);
        }
        double slot = demand.slotSeconds();
        double answer = IntervalDemand.seconds(demand.targetAnswer());
        int agents = demand.patience() == null ? erlangC(erlangs, slot, answer, demand.targetLevel())
                : erlangA(erlangs, slot, IntervalDemand.seconds(demand.patience()), answer, demand.targetLevel());
        return with(demand, agents);
    }

    /** What a given number of agents on contacts achieves in the interval (for a what-if with the people at hand). */
    public static IntervalStaffing with(IntervalDemand demand, int agents) {
        double erlangs = demand.erlangs();
        double slot = demand.slotSeconds();
        double answer = IntervalDemand.seconds(demand.targetAnswer());
        int rostered = (int) Math.ceil(agents / (1 - demand.shrinkage()) - 1e-9);
        if (demand.patience() == null) {
            return new IntervalStaffing(agents, rostered, ErlangC.serviceLevel(agents, erlangs, slot, answer),
                    ErlangC.waitChance(agents, erlangs), ErlangC.averageAnswer(agents, erlangs, slot),
                    agents == 0 ? 0 : Math.min(1, erlangs / agents), 0);
        }
        ErlangA.Figures a = ErlangA.figures(agents, erlangs, slot, IntervalDemand.seconds(demand.patience()), answer);
        // with abandonment only the contacts that stay are handled, so occupancy counts the served load
        double occupancy = agents == 0 ? 0 : Math.min(1, erlangs * (1 - a.abandonment()) / agents);
        return new IntervalStaffing(agents, rostered, a.serviceLevel(), a.waitChance(), a.averageAnswer(), occupancy, a.abandonment());
    }

    private static int erlangC(double erlangs, double slot, double answer, double target) {
        // walk up from the load, carrying the Erlang B recursion along instead of restarting it for every n
        double b = 1.0;
        int n = 0;
        while (true) {
            n++;
            b = erlangs * b / (n + erlangs * b);
            if (n <= erlangs) {
                continue;
            }
            double wait = n * b / (n - erlangs * (1 - b));
            double level = 1 - wait * Math.exp(-(n - erlangs) * answer / slot);
            if (level >= target) {
                return n;
            }
        }
    }

    private static int erlangA(double erlangs, double slot, double patience, double answer, double target) {
        // abandonment relieves the queue, so Erlang A usually needs fewer agents than Erlang C: search below that
        // bound, after moving it up in the rare case (very impatient customers) where it is not enough
        int high = erlangC(erlangs, slot, answer, target);
        while (ErlangA.figures(high, erlangs, slot, patience, answer).serviceLevel() < target) {
            high++;
        }
        // walk down: the answer is a few agents below Erlang C, where queues are short and each evaluation is cheap
        // (a bisection would evaluate overloaded staffings whose long queues cost far more)
        while (high > 1 && ErlangA.figures(high - 1, erlangs, slot, patience, answer).serviceLevel() >= target) {
            high--;
        }
        return high;
    }
}
