package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.crisis.GradingFactors.Attention;
import com.steadydesk.crisis.GradingFactors.Nature;
import com.steadydesk.crisis.GradingFactors.Trend;
import com.steadydesk.crisis.GradingFactors.Urgency;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class GradingMatrixTests {

    /** The matrix shipped in V700 (weights 3,2,1,2,1,2,2; moderate from 10, major from 22). */
    static GradingMatrix shipped() {
        Map<GradingFactor, GradingMatrix.Rule> rules = new EnumMap<>(GradingFactor.class);
        rules.put(GradingFactor.NATURE, new GradingMatrix.Rule(3, 1, 2, 3));
        rules.put(GradingFactor.CUSTOMERS, new GradingMatrix.Rule(2, 100, 1000, 10000));
        rules.put(GradingFactor.REGIONS, new GradingMatrix.Rule(1, 2, 4, 8));
        rules.put(GradingFactor.FINANCIAL_LOSS, new GradingMatrix.Rule(2, 10_000, 100_000, 1_000_000));
        rules.put(GradingFactor.TREND, new GradingMatrix.Rule(1, 1, 2, 3));
        rules.put(GradingFactor.URGENCY, new GradingMatrix.Rule(2, 1, 2, 3));
        rules.put(GradingFactor.PUBLIC_ATTENTION, new GradingMatrix.Rule(2, 1, 2, 3));
        return new GradingMatrix(rules, 10, 22);
    }

    @Test
    void aSmallQualityIssueIsMinor() {
        var assessment = shipped().assess(new GradingFactors(Set.of(Nature.QUALITY), 50, 1, 2_000, Trend.STABLE, Urgency.LOW, Attention.NONE));
        // nature 1×3 + trend 1×1 = 4
        assertThat(assessment.score()).isEqualTo(4);
        assertThat(assessment.grade()).isEqualTo(CrisisGrade.MINOR);
    }

    @Test
    void aRisingOutageForThousandsIsModerate() {
        var assessment = shipped().assess(new GradingFactors(Set.of(Nature.QUALITY), 3_000, 2, 50_000, Trend.RISING, Urgency.MEDIUM,
                Attention.NONE));
        // nature 3 + customers 2×2 + regions 1 + loss 2 + trend 2 + urgency 2 = 14
        assertThat(assessment.score()).isEqualTo(14);
        assertThat(assessment.grade()).isEqualTo(CrisisGrade.MODERATE);
        assertThat(assessment.levels()).containsEntry(GradingFactor.CUSTOMERS, 2).containsEntry(GradingFactor.PUBLIC_ATTENTION, 0);
    }

    @Test
    void aSafetyScandalInTheNationalMediaIsMajor() {
        var assessment = shipped().assess(new GradingFactors(Set.of(Nature.SAFETY, Nature.REPUTATION), 20_000, 5, 2_000_000,
                Trend.SURGING, Urgency.CRITICAL, Attention.NATIONAL_MEDIA));
        assertThat(assessment.score()).isEqualTo(3 * 3 + 2 * 3 + 2 + 2 * 3 + 3 + 2 * 3 + 2 * 3);
        assertThat(assessment.grade()).isEqualTo(CrisisGrade.MAJOR);
    }

    @Test
    void theThresholdsAreInclusive() {
        GradingMatrix m = shipped();
        // nature SAFETY (9) + urgency HIGH (4) = 13 → moderate; exactly 10 is moderate, 9 is minor
        assertThat(m.assess(new GradingFactors(Set.of(Nature.SAFETY), 0, 0, 0, Trend.EASING, Urgency.LOW, Attention.NONE)).score()).isEqualTo(9);
        assertThat(m.assess(new GradingFactors(Set.of(Nature.SAFETY), 0, 0, 0, Trend.STABLE, Urgency.LOW, Attention.NONE)).grade())
                .isEqualTo(CrisisGrade.MODERATE);
    }

    @Test
    void tuningTheWeightsChangesTheGrade() {
        Map<GradingFactor, GradingMatrix.Rule> rules = new EnumMap<>(shipped().rules());
        rules.put(GradingFactor.PUBLIC_ATTENTION, new GradingMatrix.Rule(10, 1, 2, 3));
        GradingMatrix mediaSensitive = new GradingMatrix(rules, 10, 22);
        GradingFactors viral = new GradingFactors(Set.of(), 0, 0, 0, Trend.EASING, Urgency.LOW, Attention.NATIONAL_MEDIA);
        assertThat(shipped().assess(viral).grade()).isEqualTo(CrisisGrade.MINOR);
        assertThat(mediaSensitive.assess(viral).grade()).isEqualTo(CrisisGrade.MAJOR);
    }

    @Test
    void refusesAMatrixWhoseGradesCannotBeReached() {
        Map<GradingFactor, GradingMatrix.Rule> rules = new EnumMap<>(shipped().rules());
        assertThatThrownBy(() -> new GradingMatrix(rules, 20, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradingMatrix(rules, 10, 100)).hasMessageContaining("highest possible score");
        assertThatThrownBy(() -> new GradingMatrix(Map.of(), 10, 20)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradingMatrix.Rule(11, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GradingMatrix.Rule(1, 3, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void worseFactorsNeverGiveALowerGrade(@ForAll("factors") GradingFactors base, @ForAll("factors") GradingFactors other) {
        GradingFactors worse = new GradingFactors(union(base.natures(), other.natures()),
                Math.max(base.customersAffected(), other.customersAffected()), Math.max(base.regionsAffected(), other.regionsAffected()),
                Math.max(base.estimatedLossYuan(), other.estimatedLossYuan()), max(base.trend(), other.trend()),
                max(base.urgency(), other.urgency()), max(base.publicAttention(), other.publicAttention()));
        var a = shipped().assess(base);
        var b = shipped().assess(worse);
        assertThat(b.score()).isGreaterThanOrEqualTo(a.score());
        assertThat(b.grade().atLeast(a.grade())).isTrue();
    }

    @Property
    void theScoreStaysWithinTheMatrixRange(@ForAll("factors") GradingFactors factors) {
        var assessment = shipped().assess(factors);
        assertThat(assessment.score()).isBetween(0, shipped().maxScore());
        assertThat(assessment.levels().values()).allMatch(l -> l >= 0 && l <= 3);
    }

    @Provide
    Arbitrary<GradingFactors> factors() {
        return Combinators.combine(Arbitraries.of(Nature.class).set().ofMaxSize(4), Arbitraries.longs().between(0, 50_000),
                Arbitraries.integers().between(0, 20), Arbitraries.longs().between(0, 5_000_000), Arbitraries.of(Trend.class),
                Arbitraries.of(Urgency.class), Arbitraries.of(Attention.class)).as(GradingFactors::new);
    }

    private static Set<Nature> union(Set<Nature> a, Set<Nature> b) {
        var s = java.util.EnumSet.noneOf(Nature.class);
        s.addAll(a);
        s.addAll(b);
        return s;
    }

    private static <E extends Enum<E>> E max(E a, E b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
