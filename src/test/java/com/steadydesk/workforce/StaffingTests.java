package com.steadydesk.workforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StaffingTests {

    static IntervalDemand phone(double contacts, int ahtSeconds, double target, int answerSeconds, double shrinkage) {
        return new IntervalDemand(contacts, Duration.ofMinutes(30), Duration.ofSeconds(ahtSeconds), 1, target,
                Duration.ofSeconds(answerSeconds), shrinkage, null);
    }

    // Erlang B tables (e.g. the ITU/Cisco traffic tables): 10 trunks carry 4.461 E at 1 %, 5.084 E at 2 %, 6.216 E at 5 %
    // blocking; 20 trunks carry 12.031 E at 1 %.
    @Test
    void erlangBMatchesPublishedTrafficTables() {
        assertThat(ErlangC.blocking(10, 4.461)).isCloseTo(0.01, within(0.00005));
        assertThat(ErlangC.blocking(10, 5.084)).isCloseTo(0.02, within(0.00005));
        assertThat(ErlangC.blocking(10, 6.216)).isCloseTo(0.05, within(0.00005));
        assertThat(ErlangC.blocking(20, 12.031)).isCloseTo(0.01, within(0.00005));
    }

    // M/M/3 with 2 Erlangs waits with probability 4/9 (textbook closed form); the widely reprinted worked example of
    // 100 calls per 30 minutes at 180 s (10 Erlangs) gives 68.21 % waiting with 11 agents and needs 14 agents for 80/20.
    @Test
    void erlangCMatchesPublishedValues() {
        assertThat(ErlangC.waitChance(3, 2)).isCloseTo(4.0 / 9, within(1e-12));
        assertThat(ErlangC.waitChance(11, 10)).isCloseTo(0.6821, within(0.00005));
        assertThat(ErlangC.averageAnswer(11, 10, 180)).isCloseTo(0.6821 * 180, within(0.01));
        IntervalStaffing plan = Staffing.interval(phone(100, 180, 0.8, 20, 0.3));
        assertThat(plan.agents()).isEqualTo(14);
        assertThat(plan.serviceLevel()).isCloseTo(1 - factorialErlangC(14, 10) * Math.exp(-4 * 20 / 180.0), within(1e-9));
        assertThat(plan.occupancy()).isCloseTo(10.0 / 14, within(1e-9));
        assertThat(plan.rostered()).isEqualTo(20);
        assertThat(Staffing.with(phone(100, 180, 0.8, 20, 0.3), 13).serviceLevel()).isLessThan(0.8);
    }

    /** The textbook formula with factorials, independent of the Erlang B recursion the product uses. */
    static double factorialErlangC(int n, double a) {
        double sum = 0;
        double term = 1;
        for (int k = 0; k < n; k++) {
            sum += term;
            term = term * a / (k + 1);
        }
        double top = term * n / (n - a);
        return top / (sum + top);
    }

    @Test
    void recursionAgreesWithTheFactorialFormula() {
        for (int n = 1; n <= 60; n++) {
            for (double a = 0.25; a < n; a += 0.75) {
                assertThat(ErlangC.waitChance(n, a)).isCloseTo(factorialErlangC(n, a), within(1e-9));
            }
        }
    }

    @Test
    void chatConcurrencySharesOneAgentBetweenContacts() {
        var alone = new IntervalDemand(120, Duration.ofMinutes(15), Duration.ofSeconds(300), 1, 0.8, Duration.ofSeconds(30), 0, null);
        var three = new IntervalDemand(120, Duration.ofMinutes(15), Duration.ofSeconds(300), 3, 0.8, Duration.ofSeconds(30), 0, null);
        assertThat(three.erlangs()).isCloseTo(alone.erlangs() / 3, within(1e-9));
        assertThat(Staffing.interval(three).agents()).isLessThan(Staffing.interval(alone).agents());
    }

    // With patience going to infinity Erlang A becomes Erlang C; with finite patience fewer customers wait long.
    @Test
    void erlangAApproachesErlangCForVeryPatientCustomers() {
        ErlangA.Figures patient = ErlangA.figures(11, 10, 180, 1e7, 20);
        assertThat(patient.waitChance()).isCloseTo(ErlangC.waitChance(11, 10), within(0.002));
        assertThat(patient.serviceLevel()).isCloseTo(ErlangC.serviceLevel(11, 10, 180, 20), within(0.002));
        assertThat(patient.abandonment()).isLessThan(0.001);
        ErlangA.Figures impatient = ErlangA.figures(11, 10, 180, 120, 20);
        assertThat(impatient.abandonment()).isBetween(0.01, 0.5);
        assertThat(impatient.averageAnswer()).isLessThan(ErlangC.averageAnswer(11, 10, 180));
    }

    // An overloaded Erlang A queue is still stable: with 10 agents and 20 Erlangs at least half the load must leave.
    @Test
    void erlangAOverloadAbandonsAtLeastTheExcess() {
        ErlangA.Figures over = ErlangA.figures(10, 20, 180, 60, 20);
        assertThat(over.abandonment()).isGreaterThanOrEqualTo(0.5 - 1e-6).isLessThan(1);
        assertThat(over.waitChance()).isGreaterThan(0.5);
    }

    @Test
    void refusesImpossibleDemand() {
        assertThatThrownBy(() -> phone(-1, 180, 0.8, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> phone(10, 180, 1.0, 20, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> phone(10, 180, 0.8, 20, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Staffing.interval(phone(0, 180, 0.8, 20, 0.3)).agents()).isZero();
    }

    @Property(tries = 300)
    void moreAgentsNeverLowerTheServiceLevel(@ForAll @DoubleRange(min = 0.5, max = 400) double erlangs,
            @ForAll @IntRange(min = 1, max = 500) int extra, @ForAll @IntRange(min = 0, max = 120) int answer) {
        int n = (int) Math.floor(erlangs) + 1;
        assertThat(ErlangC.serviceLevel(n + extra, erlangs, 180, answer))
                .isGreaterThanOrEqualTo(ErlangC.serviceLevel(n, erlangs, 180, answer) - 1e-12);
    }

    @Property(tries = 300)
    void thePlanMeetsItsTargetWithOccupancyBelowOne(@ForAll @DoubleRange(min = 0, max = 3000) double contacts,
            @ForAll @IntRange(min = 30, max = 900) int aht, @ForAll @DoubleRange(min = 0.5, max = 0.95) double target,
            @ForAll @IntRange(min = 0, max = 120) int answer) {
        IntervalDemand demand = phone(contacts, aht, target, answer, 0.25);
        IntervalStaffing plan = Staffing.interval(demand);
        assertThat(plan.serviceLevel()).isGreaterThanOrEqualTo(target);
        assertThat(plan.occupancy()).isLessThan(1);
        assertThat(plan.rostered()).isGreaterThanOrEqualTo(plan.agents());
        if (plan.agents() > 1) {
            assertThat(Staffing.with(demand, plan.agents() - 1).serviceLevel()).as("the fewest agents").isLessThan(target);
        }
    }

    @Property(tries = 60)
    void erlangAPlanMeetsItsTarget(@ForAll @DoubleRange(min = 1, max = 300) double contacts,
            @ForAll @IntRange(min = 60, max = 600) int aht, @ForAll @IntRange(min = 20, max = 600) int patience) {
        var demand = new IntervalDemand(contacts, Duration.ofMinutes(30), Duration.ofSeconds(aht), 1, 0.8, Duration.ofSeconds(30), 0.3,
                Duration.ofSeconds(patience));
        IntervalStaffing plan = Staffing.interval(demand);
        assertThat(plan.serviceLevel()).isGreaterThanOrEqualTo(0.8);
        assertThat(plan.abandonment()).isBetween(0.0, 1.0);
        assertThat(plan.occupancy()).isLessThan(1);
    }
}
