package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.ScriptCategory;
import com.steadydesk.scripts.ScriptManagement;
import java.time.Clock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the starter library through the normal review path: drafted by "starter-library", submitted, approved by
 * "system" (so the linter gates it like any script, and approval events index it).
 */
@Component
class ScriptSeeder {

    static final String AUTHOR = ScriptManagement.STARTER_AUTHOR;

    private final Scripts scripts;
    private final ScriptVersions versions;
    private final ScriptCategories categories;
    private final ScriptManagement management;
    private final Clock clock;

    ScriptSeeder(Scripts scripts, ScriptVersions versions, ScriptCategories categories, ScriptManagement management, Clock clock) {
        this.scripts = scripts;
        this.versions = versions;
        this.categories = categories;
        this.management = management;
        this.clock = clock;
    }

    @Transactional
    int seedStarterLibrary() {
        int n = 0;
        for (StarterLibrary.Entry entry : StarterLibrary.load()) {
            ScriptCategory category = categories.findByCodeOrName(entry.categoryCode())
                    .orElseThrow(() -> new IllegalStateException("starter library names unknown category " + entry.categoryCode()));
            Script script = scripts.save(Script.draft(entry.draft(category.id()), AUTHOR, clock.instant()));
            versions.save(script.workingVersionRow());
            management.submitForReview(script.scriptId());
            management.approveStarterScript(script.scriptId());
            n++;
        }
        return n;
    }
}
