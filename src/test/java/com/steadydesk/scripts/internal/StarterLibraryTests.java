package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.identity.Role;
import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptManagement.LibraryFilter;
import com.steadydesk.scripts.ScriptManagement.ScriptSummary;
import com.steadydesk.scripts.ScriptStatus;
import com.steadydesk.scripts.ScriptsTestSupport;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The starter library: at least 40 approved scripts, every default category, Chinese and English, and the linter finds
 * nothing to warn about (no errors, no warnings, no contradictions).
 */
@SpringBootTest
@Import(ScriptsTestSupport.Clocks.class)
class StarterLibraryTests {

    @Autowired
    ScriptSeeder seeder;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    ScriptCategories categories;

    @Test
    void seedsAnApprovedLintCleanLibraryAcrossCategoriesAndLanguages() {
        List<StarterLibrary.Entry> entries = StarterLibrary.load();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(40);
        assertThat(entries.stream().map(e -> categories.rootCode(categories.findByCodeOrName(e.categoryCode()).orElseThrow().id())).collect(Collectors.toSet()))
                .containsAll(Set.of("order-status", "refund", "technical-fault", "complaint", "soothing", "transition", "snippets"));
        assertThat(entries.stream().map(StarterLibrary.Entry::language).collect(Collectors.toSet())).containsExactlyInAnyOrder("zh-CN", "en");

        ScriptsTestSupport.run("starter-check", Role.SUPERVISOR, () -> {
            var problems = new java.util.LinkedHashMap<String, List<LintFinding>>();
            for (StarterLibrary.Entry e : entries) {
                var draft = e.draft(categories.findByCodeOrName(e.categoryCode()).orElseThrow().id());
                var findings = scripts.lint(draft).stream().filter(f -> f.severity() != com.steadydesk.scripts.Severity.INFO).toList();
                if (!findings.isEmpty()) {
                    problems.put(e.title(), findings);
                }
            }
            assertThat(problems).isEmpty();
            long before = scripts.list(new LibraryFilter(null, null, null, ScriptStatus.APPROVED), null, 1000).rows().size();
            assertThat(seeder.seedStarterLibrary()).isEqualTo(entries.size());
            List<ScriptSummary> approved = scripts.list(new LibraryFilter(null, null, null, ScriptStatus.APPROVED), null, 1000).rows();
            assertThat(approved).hasSize((int) before + entries.size());
            for (ScriptSummary s : approved) {
                List<LintFinding> findings = scripts.lint(s.id()).stream().filter(f -> f.severity() != com.steadydesk.scripts.Severity.INFO).toList();
                assertThat(findings).as(s.title()).isEmpty();
            }
            assertThat(scripts.contradictions()).isEmpty();
        });
    }
}
