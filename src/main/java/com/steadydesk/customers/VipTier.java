package com.steadydesk.customers;

/** How much a customer matters to the company; any tier but NONE counts as VIP (badge, VIP view, tighter SLA). */
public enum VipTier {
    NONE, SILVER, GOLD, PLATINUM;

    public boolean isVip() {
        return this != NONE;
    }
}
