package com.steadydesk.customers;

/**
 * What a customer list asks for: {@code query} matches name, email, phone or external id; {@code tier} keeps one tier
 * (NONE: customers who are not VIP), {@code vipOnly} every VIP tier; {@code after} is the cursor of the previous page.
 */
public record CustomerSearch(String query, VipTier tier, boolean vipOnly, String after, int limit) {

    public static final int MAX_LIMIT = 100;

    public CustomerSearch {
        limit = limit <= 0 ? 25 : Math.min(limit, MAX_LIMIT);
    }
}
