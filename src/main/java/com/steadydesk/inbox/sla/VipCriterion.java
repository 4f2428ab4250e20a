package com.steadydesk.inbox.sla;

import com.steadydesk.customers.VipTier;

/** Which requesters a policy is for, by VIP tier: any VIP, non-VIP only, or one exact tier. */
enum VipCriterion {
    /** Any tier but NONE. */
    VIP,
    /** Customers who are not VIP. */
    NONE,
    SILVER, GOLD, PLATINUM;

    boolean matches(VipTier tier) {
        return switch (this) {
            case VIP -> tier.isVip();
            case NONE -> !tier.isVip();
            default -> tier.name().equals(name());
        };
    }

    /** An exact tier (or "not VIP") says more about the requester than "any VIP". */
    int specificity() {
        return this == VIP ? 1 : 2;
    }
}
