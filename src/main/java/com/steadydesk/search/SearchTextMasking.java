package com.steadydesk.search;

/**
 * Masks personal data (phones, emails) in hits shown to people who may not see it, such as temporary agents.
 * Implemented by the module that owns the masking policy (customers), so that search depends on no business module;
 * without an implementation, ticket snippets are withheld from such viewers.
 */
public interface SearchTextMasking {

    /** The plain text as the current viewer may see it. */
    String forCurrentViewer(String text);

    /** A hit's title as the current viewer may see it: a kind whose title names a person (a customer) masks the name. */
    String titleForCurrentViewer(String kind, String title);

    /**
     * The query without what the current viewer may not search by: phone numbers and email addresses for a viewer who
     * sees them masked, since hits would confirm a number behind its mask. Unchanged for everyone else.
     */
    String queryForCurrentViewer(String query);

    /** The text with personal data masked whoever is asking: for what search stores, such as unanswered questions. */
    String maskedForStorage(String text);
}
