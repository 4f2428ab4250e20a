package com.steadydesk.scripts.web;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.scripts.ScriptCategory;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptManagement.LibraryFilter;
import com.steadydesk.scripts.ScriptManagement.SaveResult;
import com.steadydesk.scripts.ScriptManagement.ScriptSummary;
import com.steadydesk.scripts.ScriptManagement.ScriptView;
import com.steadydesk.scripts.ScriptStatus;
import com.steadydesk.scripts.internal.MarkdownView;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The library, a script's page, the editor, the review queue, the contradictions report and the clean-up list. */
@Controller
@RequestMapping("/scripts")
class ScriptPagesController {

    static final String EDITORS = ScriptsApiController.EDITORS;

    private final ScriptManagement scripts;
    private final MarkdownView markdown;
    private final FindingMessages findings;
    private final ZoneId zone;

    ScriptPagesController(ScriptManagement scripts, MarkdownView markdown, FindingMessages findings,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.scripts = scripts;
        this.markdown = markdown;
        this.findings = findings;
        this.zone = zone;
    }

    @ModelAttribute
    void common(Model model) {
        List<ScriptCategory> tree = scripts.categories();
        model.addAttribute("categories", tree);
        model.addAttribute("categoryById", tree.stream().collect(Collectors.toMap(ScriptCategory::id, Function.identity())));
        model.addAttribute("zone", zone);
    }

    @GetMapping
    @PreAuthorize(ScriptsApiController.READERS)
    String library(@RequestParam(required = false) String q, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String language,
            @RequestParam(required = false) ScriptStatus status, @RequestParam(required = false) String cursor, Model model) {
        results(q, categoryId, tag, language, status, cursor, model);
        model.addAttribute("editor", scripts.currentUserIsEditor());
        model.addAttribute("q", q);
        model.addAttribute("categoryId", categoryId);
        model.addAttribute("tag", tag);
        model.addAttribute("language", language);
        model.addAttribute("status", status);
        model.addAttribute("statuses", ScriptStatus.values());
        return "scripts/library";
    }

    /** The result list alone, for the search box (htmx). */
    @GetMapping("/results")
    @PreAuthorize(ScriptsApiController.READERS)
    String results(@RequestParam(required = false) String q, @RequestParam(required = false) Long categoryId,
            @RequestParam(required = false) String tag, @RequestParam(required = false) String language,
            @RequestParam(required = false) ScriptStatus status, @RequestParam(required = false) String cursor, Model model) {
        var filter = new LibraryFilter(categoryId, tag, language, status);
        Keyset<ScriptSummary> page = q == null || q.isBlank() ? scripts.list(filter, cursor, 50) : new Keyset<>(scripts.search(q, filter, 50), null);
        model.addAttribute("page", page);
        return "scripts/library :: results";
    }

    @GetMapping("/{id}")
    @PreAuthorize(ScriptsApiController.READERS)
    String script(@PathVariable long id, Model model, Locale locale) {
        ScriptView view = scripts.view(new ScriptId(id));
        boolean editor = scripts.currentUserIsEditor();
        model.addAttribute("script", view);
        model.addAttribute("bodyHtml", markdown.html(view.content().body()));
        model.addAttribute("editor", editor);
        model.addAttribute("versions", scripts.versions(view.id()));
        model.addAttribute("usage", scripts.usage(view.id()));
        if (editor) {
            model.addAttribute("reviews", scripts.reviews(view.id()));
            model.addAttribute("findings", findings.of(scripts.lint(view.id()), locale));
        }
        return "scripts/script";
    }

    @GetMapping("/help/placeholders")
    @PreAuthorize(ScriptsApiController.READERS)
    String placeholderHelp() {
        return "scripts/placeholders-help";
    }

    @GetMapping("/{id}/diff")
    @PreAuthorize(EDITORS)
    String diff(@PathVariable long id, @RequestParam int from, @RequestParam int to, Model model) {
        model.addAttribute("diffHtml", scripts.diff(new ScriptId(id), from, to));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "scripts/script :: diff";
    }

    @GetMapping("/new")
    @PreAuthorize(EDITORS)
    String newScript(@RequestParam(required = false) Long categoryId, Model model) {
        model.addAttribute("form", ScriptForm.empty(categoryId));
        return "scripts/editor";
    }

    @PostMapping
    @PreAuthorize(EDITORS)
    String create(@Valid @ModelAttribute("form") ScriptForm form, BindingResult errors, Model model, RedirectAttributes redirect, Locale locale) {
        ScriptDraft draft = draft(form, errors);
        if (errors.hasErrors()) {
            return "scripts/editor";
        }
        SaveResult result = scripts.create(draft);
        redirect.addFlashAttribute("flash", messageSaved(locale, result));
        return "redirect:/scripts/" + result.id().value() + "/edit";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(EDITORS)
    String edit(@PathVariable long id, Model model, Locale locale) {
        ScriptView view = scripts.view(new ScriptId(id));
        model.addAttribute("script", view);
        model.addAttribute("form", ScriptForm.of(view.content(), zone));
        model.addAttribute("findings", findings.of(scripts.lint(view.id()), locale));
        return "scripts/editor";
    }

    @PostMapping("/{id}")
    @PreAuthorize(EDITORS)
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ScriptForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, Locale locale) {
        ScriptDraft draft = draft(form, errors);
        if (errors.hasErrors()) {
            model.addAttribute("script", scripts.view(new ScriptId(id)));
            return "scripts/editor";
        }
        try {
            SaveResult result = scripts.update(new ScriptId(id), draft);
            redirect.addFlashAttribute("flash", messageSaved(locale, result));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/scripts/" + id + "/edit";
    }

    /** Live lint findings for the editor's current text (htmx, before saving). */
    @PostMapping("/lint")
    @PreAuthorize(EDITORS)
    String lint(@ModelAttribute("form") ScriptForm form, BindingResult errors, Model model, Locale locale) {
        // a value that cannot be bound (a category that is no number) leaves no form: nothing to lint yet
        ScriptDraft draft = form == null ? null : draft(form, errors);
        model.addAttribute("findings", errors.hasErrors() || draft == null ? List.of() : findings.of(scripts.lint(draft), locale));
        return "scripts/editor :: findings";
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(EDITORS)
    String submit(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> scripts.submitForReview(new ScriptId(id)));
    }

    @PostMapping("/{id}/approve")
    @PreAuthorize("hasRole('REVIEWER')")
    String approve(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> scripts.approve(new ScriptId(id), comment));
    }

    @PostMapping("/{id}/reject")
    @PreAuthorize("hasRole('REVIEWER')")
    String reject(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> scripts.reject(new ScriptId(id), comment));
    }

    @PostMapping("/{id}/retire")
    @PreAuthorize("hasRole('REVIEWER')")
    String retire(@PathVariable long id, @RequestParam(required = false) String comment, RedirectAttributes redirect) {
        return act(id, redirect, () -> scripts.retire(new ScriptId(id), comment));
    }

    @PostMapping("/{id}/keep")
    @PreAuthorize("hasRole('REVIEWER')")
    String keep(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> scripts.keep(new ScriptId(id)));
    }

    @GetMapping("/reviews")
    @PreAuthorize("hasRole('REVIEWER')")
    String reviews(Model model) {
        model.addAttribute("queue", scripts.reviewQueue());
        return "scripts/reviews";
    }

    @GetMapping("/contradictions")
    @PreAuthorize(EDITORS)
    String contradictions(Model model) {
        model.addAttribute("contradictions", scripts.contradictions());
        return "scripts/contradictions";
    }

    @GetMapping("/cleanup")
    @PreAuthorize("hasRole('REVIEWER')")
    String cleanup(Model model) {
        model.addAttribute("candidates", scripts.cleanupCandidates());
        return "scripts/cleanup";
    }

    private String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (DomainRuleViolation | IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:/scripts/" + id;
    }

    private ScriptDraft draft(ScriptForm form, BindingResult errors) {
        try {
            ScriptDraft draft = form.toDraft(zone);
            if (!ScriptDraft.LANGUAGES.contains(draft.language())) {
                errors.rejectValue("language", "error.invalid");
            }
            if (draft.audience() == com.steadydesk.scripts.Audience.SEGMENT && draft.segment() == null) {
                errors.rejectValue("segment", "error.required");
            }
            return draft;
        } catch (IllegalArgumentException e) {
            errors.rejectValue("placeholders", "scripts.editor.placeholders.invalid", e.getMessage());
            return null;
        }
    }

    private String messageSaved(Locale locale, SaveResult result) {
        return findings.message("scripts.editor.saved", locale, result.version());
    }
}
