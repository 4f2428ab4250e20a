package com.steadydesk.scripts.internal.lint;

import com.steadydesk.scripts.ScriptDraft;
import java.util.List;

/**
 * What the linter looks at: the script's content, the code of its top-level category, the admin's jargon list and the
 * facts stated by the other approved scripts (for contradictions). {@code scriptId} is null for a script not saved yet.
 */
public record LintSubject(Long scriptId, ScriptDraft content, String rootCategory, List<JargonTerm> jargon, List<LibraryFacts> library) {

    public LintSubject {
        jargon = jargon == null ? List.of() : jargon;
        library = library == null ? List.of() : library;
    }

    /** A term agents should not use with customers, and what to say instead. */
    public record JargonTerm(String term, String suggestion) {
    }

    /** The facts one approved script states. */
    public record LibraryFacts(long scriptId, String title, List<Fact> facts) {
    }
}
