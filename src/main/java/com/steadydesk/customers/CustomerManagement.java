package com.steadydesk.customers;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * CONTRACT (skeleton): the customers helper replaces these bodies with the real implementation.
 * Finds and creates customers; the {@code ForViewer} variants apply the masking policy of the current user.
 */
@Service
public class CustomerManagement {

    /** Finds the customer with this email address or creates one (system use: intake). Unmasked. */
    public CustomerProfile identifyByEmail(String email, String displayName) {
        throw new UnsupportedOperationException("contract");
    }

    /** Finds the customer with this phone number or creates one (system use: phone logs). Unmasked. */
    public CustomerProfile identifyByPhone(String phone, String displayName) {
        throw new UnsupportedOperationException("contract");
    }

    /** Unmasked; for system use such as sending a reply. */
    public Optional<CustomerProfile> find(CustomerId id) {
        throw new UnsupportedOperationException("contract");
    }

    /** Masked according to the current user's role. */
    public Optional<CustomerProfile> findForViewer(CustomerId id) {
        throw new UnsupportedOperationException("contract");
    }

    /** Batch lookup for lists, masked according to the current user's role. */
    public Map<CustomerId, CustomerProfile> findAllForViewer(Collection<CustomerId> ids) {
        throw new UnsupportedOperationException("contract");
    }
}
