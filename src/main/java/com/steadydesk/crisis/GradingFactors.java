package com.steadydesk.crisis;

import java.util.EnumSet;
import java.util.Set;

/**
 * What the lead assesses to grade a crisis: its nature (any of safety, quality, legal, reputation), its scope
 * (customers and regions affected), the estimated financial loss in yuan, the trend, the urgency and the public attention.
 */
public record GradingFactors(Set<Nature> natures, long customersAffected, int regionsAffected, long estimatedLossYuan, Trend trend,
        Urgency urgency, Attention publicAttention) {

    public GradingFactors {
        natures = natures == null || natures.isEmpty() ? EnumSet.noneOf(Nature.class) : EnumSet.copyOf(natures);
        if (customersAffected < 0 || regionsAffected < 0 || estimatedLossYuan < 0) {
            throw new IllegalArgumentException("affected customers, regions and loss cannot be negative");
        }
        trend = trend == null ? Trend.STABLE : trend;
        urgency = urgency == null ? Urgency.LOW : urgency;
        publicAttention = publicAttention == null ? Attention.NONE : publicAttention;
    }

    /** Nothing known yet: grades as low as the matrix allows. */
    public static GradingFactors none() {
        return new GradingFactors(Set.of(), 0, 0, 0, Trend.STABLE, Urgency.LOW, Attention.NONE);
    }

    /** The nature of the harm; {@code level} is how much it weighs on its own (safety most). */
    public enum Nature {
        QUALITY(1), REPUTATION(1), LEGAL(2), SAFETY(3);

        private final int level;

        Nature(int level) {
            this.level = level;
        }

        public int level() {
            return level;
        }
    }

    /** Whether it is getting worse; ordinal = raw value. */
    public enum Trend {
        EASING, STABLE, RISING, SURGING
    }

    /** How soon it must be handled; ordinal = raw value. */
    public enum Urgency {
        LOW, MEDIUM, HIGH, CRITICAL
    }

    /** Who is watching; ordinal = raw value. */
    public enum Attention {
        NONE, SOCIAL_MEDIA, LOCAL_MEDIA, NATIONAL_MEDIA
    }
}
