package com.steadydesk.customers;

import org.springframework.stereotype.Component;

/**
 * CONTRACT (skeleton): the customers helper implements it.
 * The masking policy: who may see phones and emails, and how they look masked
 * ({@code 138****5678}, {@code z***@example.com}). Free text (message bodies) can be masked too.
 */
@Component
public class ContactMasking {

    /** True when the current user may see contact data unmasked (AGENT and above; a TEMP_AGENT may not). */
    public boolean currentViewerSeesContacts() {
        throw new UnsupportedOperationException("contract");
    }

    public String maskEmail(String email) {
        throw new UnsupportedOperationException("contract");
    }

    public String maskPhone(String phone) {
        throw new UnsupportedOperationException("contract");
    }

    /** Masks every email address and phone number found in the text. */
    public String maskText(String text) {
        throw new UnsupportedOperationException("contract");
    }

    /** The value as the current viewer may see it: unchanged, or masked as email or phone. */
    public String emailForViewer(String email) {
        return currentViewerSeesContacts() ? email : maskEmail(email);
    }

    public String phoneForViewer(String phone) {
        return currentViewerSeesContacts() ? phone : maskPhone(phone);
    }

    public String textForViewer(String text) {
        return currentViewerSeesContacts() ? text : maskText(text);
    }
}
