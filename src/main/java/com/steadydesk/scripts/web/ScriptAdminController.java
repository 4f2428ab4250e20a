package com.steadydesk.scripts.web;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.internal.JargonList;
import com.steadydesk.scripts.internal.ScriptCategories;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screens of the library: the category tree and the jargon list the linter uses. */
@Controller
@RequestMapping("/scripts")
class ScriptAdminController {

    private final ScriptCategories categories;
    private final JargonList jargon;
    private final AuditLog audit;

    ScriptAdminController(ScriptCategories categories, JargonList jargon, AuditLog audit) {
        this.categories = categories;
        this.jargon = jargon;
        this.audit = audit;
    }

    @GetMapping("/categories")
    @PreAuthorize("hasRole('ADMIN')")
    String categories(Model model) {
        model.addAttribute("categories", categories.tree());
        return "scripts/categories";
    }

    @PostMapping("/categories")
    @PreAuthorize("hasRole('ADMIN')")
    String addCategory(@RequestParam(required = false) Long parentId, @RequestParam String code, @RequestParam String nameZh,
            @RequestParam String nameEn, @RequestParam(defaultValue = "100") int position, RedirectAttributes redirect) {
        return act(redirect, "/scripts/categories", () -> {
            categories.add(parentId, code, nameZh, nameEn, position);
            audit.record("script.category-added", code, nameZh + " / " + nameEn);
        });
    }

    @PostMapping("/categories/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String renameCategory(@PathVariable long id, @RequestParam String nameZh, @RequestParam String nameEn, @RequestParam int position,
            RedirectAttributes redirect) {
        return act(redirect, "/scripts/categories", () -> {
            categories.rename(id, nameZh, nameEn, position);
            audit.record("script.category-renamed", "category:" + id, nameZh + " / " + nameEn);
        });
    }

    @PostMapping("/categories/{id}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeCategory(@PathVariable long id, RedirectAttributes redirect) {
        return act(redirect, "/scripts/categories", () -> {
            categories.remove(id);
            audit.record("script.category-removed", "category:" + id, null);
        });
    }

    @GetMapping("/jargon")
    @PreAuthorize("hasRole('ADMIN')")
    String jargon(Model model) {
        model.addAttribute("terms", jargon.all());
        return "scripts/jargon";
    }

    @PostMapping("/jargon")
    @PreAuthorize("hasRole('ADMIN')")
    String addTerm(@RequestParam String term, @RequestParam(required = false) String suggestion, RedirectAttributes redirect) {
        return act(redirect, "/scripts/jargon", () -> {
            jargon.add(term, suggestion);
            audit.record("script.jargon-added", term, suggestion);
        });
    }

    @PostMapping("/jargon/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeTerm(@RequestParam String term, RedirectAttributes redirect) {
        return act(redirect, "/scripts/jargon", () -> {
            jargon.remove(term);
            audit.record("script.jargon-removed", term, null);
        });
    }

    private static String act(RedirectAttributes redirect, String back, Runnable action) {
        try {
            action.run();
        } catch (DomainRuleViolation | IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", e.getMessage());
        }
        return "redirect:" + back;
    }
}
