package com.steadydesk.customers;

import java.time.Instant;
import java.util.List;

/**
 * A customer as other modules see it. Contact data is masked (e.g. {@code 138****5678}) when the profile was
 * fetched for a viewer who may not see it; {@code masked} says so.
 */
public record CustomerProfile(CustomerId id, String name, List<String> emails, List<String> phones, List<String> externalIds,
        VipTier vipTier, String accountManager, String notes, Instant createdAt, boolean masked) {

    public boolean isVip() {
        return vipTier != null && vipTier.isVip();
    }

    /** First email address, or null. */
    public String primaryEmail() {
        return emails == null || emails.isEmpty() ? null : emails.get(0);
    }

    /** First phone number, or null. */
    public String primaryPhone() {
        return phones == null || phones.isEmpty() ? null : phones.get(0);
    }
}
