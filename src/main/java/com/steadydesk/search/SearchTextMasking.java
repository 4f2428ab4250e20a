package com.steadydesk.search;

/**
 * Masks personal data (phones, emails) in hits shown to people who may not see it, such as temporary agents.
 * Implemented by the module that owns the masking policy (customers), so that search depends on no business module;
 * without an implementation, ticket snippets are withheld from such viewers.
 */
public interface SearchTextMasking {

    /** The plain text as the current viewer may see it. */
    String forCurrentViewer(String text);
}
