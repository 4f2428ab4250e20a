package com.steadydesk.crisis.web;

import com.steadydesk.crisis.CrisisCallouts;
import com.steadydesk.crisis.CrisisId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Help-article callouts of a crisis in the cockpit: pick an article by search, write the callout, remove it. The same
 * as an API: {@link CrisisCalloutsApi}.
 */
@Controller
class CrisisCalloutsController {

    private final CrisisCallouts callouts;
    private final MessageSource messages;

    CrisisCalloutsController(CrisisCallouts callouts, MessageSource messages) {
        this.callouts = callouts;
        this.messages = messages;
    }

    @GetMapping("/crisis/pickers/articles")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String articles(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("articles", q == null || q.isBlank() ? List.of() : callouts.findArticles(q.strip()));
        model.addAttribute("query", q);
        return "crisis/pickers :: articles";
    }

    @PostMapping("/crisis/{id}/callouts")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String add(@PathVariable long id, @RequestParam(required = false) Long articleId, @RequestParam(required = false) String text,
            RedirectAttributes redirect, Locale locale) {
        return CockpitCommands.run(messages, id, redirect, locale, () -> {
            if (articleId == null) {
                throw new IllegalArgumentException(messages.getMessage("crisis.callouts.article", null, locale));
            }
            CrisisCallouts.Callout added = callouts.add(new CrisisId(id), articleId, text);
            return messages.getMessage("crisis.callouts.added", new Object[] {added.articleTitle()}, locale);
        });
    }

    @PostMapping("/crisis/{id}/callouts/{articleId}/remove")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String remove(@PathVariable long id, @PathVariable long articleId, RedirectAttributes redirect, Locale locale) {
        return CockpitCommands.run(messages, id, redirect, locale, () -> {
            callouts.remove(new CrisisId(id), articleId);
            return messages.getMessage("crisis.callouts.removed", null, locale);
        });
    }
}
