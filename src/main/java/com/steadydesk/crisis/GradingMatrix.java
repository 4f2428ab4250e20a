package com.steadydesk.crisis;

import java.util.EnumMap;
import java.util.Map;

/**
 * The grading matrix as pure logic: each factor's raw value reaches level 0-3 at its thresholds, the score is the
 * weighted sum of the levels, and the grade is MAJOR from {@code majorFrom}, MODERATE from {@code moderateFrom}, else MINOR.
 * Admins tune weights and thresholds; the same factors always give the same grade.
 */
public record GradingMatrix(Map<GradingFactor, Rule> rules, int moderateFrom, int majorFrom) {

    public GradingMatrix {
        if (rules == null || rules.size() != GradingFactor.values().length) {
            throw new IllegalArgumentException("the matrix needs a rule for every factor");
        }
        rules = Map.copyOf(new EnumMap<>(rules));
        if (moderateFrom <= 0 || majorFrom <= moderateFrom) {
            throw new IllegalArgumentException("grade thresholds must satisfy 0 < moderate < major");
        }
        if (majorFrom > maxScore(rules)) {
            throw new IllegalArgumentException("the major threshold " + majorFrom + " is above the highest possible score " + maxScore(rules));
        }
    }

    /** The highest score the weights allow (every factor at level 3). */
    public int maxScore() {
        return maxScore(rules);
    }

    private static int maxScore(Map<GradingFactor, Rule> rules) {
        return rules.values().stream().mapToInt(r -> r.weight() * 3).sum();
    }

    /** Grades the factors. */
    public GradeAssessment assess(GradingFactors factors) {
        Map<GradingFactor, Integer> levels = new EnumMap<>(GradingFactor.class);
        int score = 0;
        for (GradingFactor factor : GradingFactor.values()) {
            Rule rule = rules.get(factor);
            int level = rule.levelOf(factor.rawValue(factors));
            levels.put(factor, level);
            score += rule.weight() * level;
        }
        CrisisGrade grade = score >= majorFrom ? CrisisGrade.MAJOR : score >= moderateFrom ? CrisisGrade.MODERATE : CrisisGrade.MINOR;
        return new GradeAssessment(grade, score, levels);
    }

    /** One factor's weight (0-10) and the raw values at which it reaches levels 1, 2 and 3. */
    public record Rule(int weight, long level1, long level2, long level3) {

        public Rule {
            if (weight < 0 || weight > 10) {
                throw new IllegalArgumentException("a weight is between 0 and 10");
            }
            if (level1 > level2 || level2 > level3) {
                throw new IllegalArgumentException("thresholds must rise from level 1 to level 3");
            }
        }

        public int levelOf(long raw) {
            return raw >= level3 ? 3 : raw >= level2 ? 2 : raw >= level1 ? 1 : 0;
        }
    }

    /** The grade with the score and each factor's level, to show how it came about. */
    public record GradeAssessment(CrisisGrade grade, int score, Map<GradingFactor, Integer> levels) {
    }
}
