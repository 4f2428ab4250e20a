package com.steadydesk.knowledge.web;

import com.steadydesk.knowledge.SourceOfTruthContent;
import com.steadydesk.knowledge.SourceOfTruthManagement;
import com.steadydesk.knowledge.SourceOfTruthPage;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
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

/** The internal source-of-truth page of a crisis: read by all staff, edited by the lead and squad, with history. */
@Controller
@RequestMapping("/knowledge/crisis/{crisisId}")
class SourceOfTruthController {

    /** Any member of staff; a crisis lead or reviewer may hold no agent role at all (e.g. a manager leading the squad). */
    static final String STAFF = "hasAnyRole('TEMP_AGENT', 'CRISIS_LEAD', 'REVIEWER')";

    private final SourceOfTruthManagement truth;
    private final ZoneId zone;

    SourceOfTruthController(SourceOfTruthManagement truth, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.truth = truth;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping
    @PreAuthorize(STAFF)
    String page(@PathVariable long crisisId, Model model) {
        SourceOfTruthPage page = truth.page(crisisId);
        model.addAttribute("page", page);
        model.addAttribute("canEdit", truth.canEdit(crisisId));
        model.addAttribute("subscribed", truth.subscribed(crisisId));
        return "knowledge/truth";
    }

    @GetMapping("/edit")
    @PreAuthorize(STAFF)
    String edit(@PathVariable long crisisId, Model model) {
        requireEditor(crisisId);
        SourceOfTruthPage page = truth.page(crisisId);
        model.addAttribute("page", page);
        model.addAttribute("form", TruthForm.of(page, zone));
        return "knowledge/truth-editor";
    }

    @PostMapping
    @PreAuthorize(STAFF)
    String save(@PathVariable long crisisId, @ModelAttribute("form") TruthForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        requireEditor(crisisId);
        SourceOfTruthContent content = errors.hasErrors() ? null : form.content(zone, errors);
        if (content == null) {
            model.addAttribute("page", truth.page(crisisId));
            return "knowledge/truth-editor";
        }
        truth.save(crisisId, content, form.baseVersion());
        redirect.addFlashAttribute("flashKey", "knowledge.saved");
        return "redirect:/knowledge/crisis/" + crisisId;
    }

    @GetMapping("/history")
    @PreAuthorize(STAFF)
    String history(@PathVariable long crisisId, @RequestParam(required = false) Integer from, @RequestParam(required = false) Integer to,
            Model model) {
        SourceOfTruthPage page = truth.page(crisisId);
        model.addAttribute("page", page);
        model.addAttribute("versions", truth.history(crisisId));
        int toVersion = to != null ? to : page.currentVersion();
        int fromVersion = from != null ? from : Math.max(1, toVersion - 1);
        model.addAttribute("from", fromVersion);
        model.addAttribute("to", toVersion);
        if (fromVersion != toVersion) {
            model.addAttribute("diff", truth.diff(crisisId, fromVersion, toVersion));
        } else {
            model.addAttribute("snapshot", truth.snapshot(crisisId, toVersion));
        }
        return "knowledge/truth-history";
    }

    @PostMapping("/subscription")
    @PreAuthorize(STAFF)
    String subscription(@PathVariable long crisisId, @RequestParam boolean follow) {
        if (follow) {
            truth.subscribe(crisisId);
        } else {
            truth.unsubscribe(crisisId);
        }
        return "redirect:/knowledge/crisis/" + crisisId;
    }

    private void requireEditor(long crisisId) {
        truth.page(crisisId);
        if (!truth.canEdit(crisisId)) {
            throw new AccessDeniedException("not an editor of this page");
        }
    }
}
