package com.steadydesk.crisis;

/** One dimension of the grading matrix, with the raw value it reads from the assessed factors. */
public enum GradingFactor {
    NATURE, CUSTOMERS, REGIONS, FINANCIAL_LOSS, TREND, URGENCY, PUBLIC_ATTENTION;

    /** The raw value this factor compares with its thresholds. */
    public long rawValue(GradingFactors f) {
        return switch (this) {
            case NATURE -> f.natures().stream().mapToInt(GradingFactors.Nature::level).max().orElse(0);
            case CUSTOMERS -> f.customersAffected();
            case REGIONS -> f.regionsAffected();
            case FINANCIAL_LOSS -> f.estimatedLossYuan();
            case TREND -> f.trend().ordinal();
            case URGENCY -> f.urgency().ordinal();
            case PUBLIC_ATTENTION -> f.publicAttention().ordinal();
        };
    }
}
