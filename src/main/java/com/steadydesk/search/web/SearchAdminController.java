package com.steadydesk.search.web;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.search.internal.IndexRebuilds;
import com.steadydesk.search.internal.KindIndex;
import com.steadydesk.search.internal.KindIndexes;
import com.steadydesk.search.internal.SearchGaps;
import com.steadydesk.search.internal.Synonyms;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Search administration: synonyms, index rebuilds with live progress, and the questions without an answer. */
@Controller
@RequestMapping("/admin/search")
@PreAuthorize("hasRole('SUPERVISOR')")
class SearchAdminController {

    private final Synonyms synonyms;
    private final SearchGaps gaps;
    private final IndexRebuilds rebuilds;
    private final KindIndexes indexes;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    SearchAdminController(Synonyms synonyms, SearchGaps gaps, IndexRebuilds rebuilds, KindIndexes indexes, MessageSource messages,
            Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId zone) {
        this.synonyms = synonyms;
        this.gaps = gaps;
        this.rebuilds = rebuilds;
        this.indexes = indexes;
        this.messages = messages;
        this.clock = clock;
        this.zone = zone;
    }

    /** The form for a new or changed synonym group. */
    record SynonymForm(@NotBlank @Size(max = 1000) String terms) {
    }

    /** One row of the index table: a kind, its document count, and its running or last rebuild. */
    record KindRow(String kind, int documents, boolean rebuildable, IndexRebuilds.Progress rebuild) {
    }

    @GetMapping
    @PreAuthorize("hasRole('SUPERVISOR')")
    String admin(Model model) {
        if (!model.containsAttribute("synonymForm")) {
            model.addAttribute("synonymForm", new SynonymForm(""));
        }
        model.addAttribute("groups", synonyms.list());
        addRebuilds(model);
        model.addAttribute("zone", zone);
        return "search/admin";
    }

    @PostMapping("/synonyms")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String addSynonyms(@Valid @ModelAttribute("synonymForm") SynonymForm form, BindingResult errors, Authentication auth,
            Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                synonyms.add(form.terms(), auth.getName());
                redirect.addFlashAttribute("flash", message("search.synonyms.saved"));
                return "redirect:/admin/search";
            } catch (IllegalArgumentException e) {
                errors.rejectValue("terms", "search.synonyms.tooFew");
            }
        }
        return admin(model);
    }

    @PostMapping("/synonyms/{id}")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String updateSynonyms(@PathVariable long id, @RequestParam("terms") String terms, Authentication auth, RedirectAttributes redirect) {
        try {
            synonyms.update(id, terms, auth.getName());
            redirect.addFlashAttribute("flash", message("search.synonyms.saved"));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", message("search.synonyms.tooFew"));
        }
        return "redirect:/admin/search";
    }

    @PostMapping("/synonyms/{id}/delete")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String deleteSynonyms(@PathVariable long id, RedirectAttributes redirect) {
        synonyms.delete(id);
        redirect.addFlashAttribute("flash", message("search.synonyms.deleted"));
        return "redirect:/admin/search";
    }

    @PostMapping("/rebuilds")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String rebuild(@RequestParam("kind") String kind, Authentication auth, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx, RedirectAttributes redirect) {
        String problem = null;
        try {
            if ("all".equals(kind)) {
                rebuilds.startAll(auth.getName());
            } else {
                rebuilds.start(kind, auth.getName());
            }
        } catch (DomainRuleViolation e) {
            problem = message("search.rebuild.running");
        }
        if (htmx != null) {
            model.addAttribute("rebuildProblem", problem);
            return rebuildsFragment(model);
        }
        redirect.addFlashAttribute("flash", problem != null ? problem : message("search.rebuild.started"));
        return "redirect:/admin/search";
    }

    @GetMapping("/rebuilds")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String rebuildsFragment(Model model) {
        addRebuilds(model);
        model.addAttribute("zone", zone);
        return "search/rebuilds :: rebuilds";
    }

    @GetMapping("/gaps")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String gaps(@RequestParam(name = "order", defaultValue = "newest") String order,
            @RequestParam(name = "cursor", required = false) String cursor, Model model) {
        SearchGaps.Order sort = "most-asked".equals(order) ? SearchGaps.Order.MOST_ASKED : SearchGaps.Order.NEWEST;
        Keyset<SearchGaps.Gap> page = gaps.open(sort, cursor, 50);
        model.addAttribute("page", page);
        model.addAttribute("order", sort == SearchGaps.Order.MOST_ASKED ? "most-asked" : "newest");
        model.addAttribute("knownKinds", SearchPageController.KNOWN_KINDS);
        model.addAttribute("zone", zone);
        return "search/gaps";
    }

    @PostMapping("/gaps/{id}/resolve")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String resolve(@PathVariable long id, @RequestParam(name = "order", defaultValue = "newest") String order,
            Authentication auth, RedirectAttributes redirect) {
        gaps.resolve(id, auth.getName());
        redirect.addFlashAttribute("flash", message("search.gaps.resolved"));
        redirect.addAttribute("order", "most-asked".equals(order) ? "most-asked" : "newest");
        return "redirect:/admin/search/gaps";
    }

    private void addRebuilds(Model model) {
        Map<String, IndexRebuilds.Progress> status = rebuilds.status();
        List<String> rebuildable = rebuilds.rebuildableKinds();
        Set<String> kinds = new LinkedHashSet<>(indexes.kinds());
        kinds.addAll(rebuildable);
        kinds.addAll(status.keySet());
        List<KindRow> rows = new ArrayList<>();
        for (String kind : kinds.stream().sorted().toList()) {
            KindIndex index = indexes.existing(kind);
            int count;
            try {
                count = index == null ? 0 : index.documentCount();
            } catch (IOException e) {
                count = -1;
            }
            rows.add(new KindRow(kind, count, rebuildable.contains(kind), status.get(kind)));
        }
        model.addAttribute("kindRows", rows);
        model.addAttribute("anyRunning", rows.stream().anyMatch(r -> r.rebuild() != null && r.rebuild().isRunning()));
        model.addAttribute("anyRebuildable", !rebuildable.isEmpty());
        model.addAttribute("now", Instant.now(clock));
    }

    private String message(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
