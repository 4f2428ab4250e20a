package com.steadydesk.customers.internal;

import com.steadydesk.customers.ContactMasking;
import com.steadydesk.search.SearchTextMasking;
import org.springframework.stereotype.Component;

/** Lets search mask phones and emails in ticket snippets with the customers' masking policy. */
@Component
class SearchSnippetMasking implements SearchTextMasking {

    private final ContactMasking masking;

    SearchSnippetMasking(ContactMasking masking) {
        this.masking = masking;
    }

    @Override
    public String forCurrentViewer(String text) {
        return masking.textForViewer(text);
    }
}
