package com.steadydesk.customers.internal;

import com.steadydesk.customers.ContactMasking;
import com.steadydesk.search.SearchTextMasking;
import org.springframework.stereotype.Component;

/** Lets search mask phones and emails in snippets, queries and stored questions with the customers' masking policy. */
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

    @Override
    public String titleForCurrentViewer(String kind, String title) {
        return CustomerIndexing.KIND.equals(kind) ? masking.nameForViewer(title) : masking.textForViewer(title);
    }

    @Override
    public String queryForCurrentViewer(String query) {
        return masking.queryForViewer(query);
    }

    @Override
    public String maskedForStorage(String text) {
        return masking.maskText(text);
    }
}
