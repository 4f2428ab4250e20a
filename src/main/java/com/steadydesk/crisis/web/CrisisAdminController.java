package com.steadydesk.crisis.web;

import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.Department;
import com.steadydesk.crisis.GradingFactor;
import com.steadydesk.crisis.GradingMatrix;
import com.steadydesk.crisis.PlaybookManagement;
import com.steadydesk.crisis.ReportingChain;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin screen of the crisis module: the grading matrix, the reporting chain (with who is on duty) and the playbooks. */
@Controller
class CrisisAdminController {

    private final CrisisManagement crises;
    private final ReportingChain chain;
    private final PlaybookManagement playbooks;
    private final MessageSource messages;

    CrisisAdminController(CrisisManagement crises, ReportingChain chain, PlaybookManagement playbooks, MessageSource messages) {
        this.crises = crises;
        this.chain = chain;
        this.playbooks = playbooks;
        this.messages = messages;
    }

    @GetMapping("/admin/crisis")
    @PreAuthorize("hasRole('ADMIN')")
    String page(Model model) {
        model.addAttribute("matrix", crises.gradingMatrix());
        model.addAttribute("factors", GradingFactor.values());
        model.addAttribute("levels", chain.levels());
        model.addAttribute("grades", CrisisGrade.values());
        model.addAttribute("playbooks", playbooks.all());
        model.addAttribute("types", CrisisType.values());
        model.addAttribute("departments", Department.values());
        return "crisis/admin";
    }

    @PostMapping("/admin/crisis/grading")
    @PreAuthorize("hasRole('ADMIN')")
    String grading(@RequestParam Map<String, String> form, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> {
            Map<GradingFactor, GradingMatrix.Rule> rules = new EnumMap<>(GradingFactor.class);
            for (GradingFactor f : GradingFactor.values()) {
                rules.put(f, new GradingMatrix.Rule(integer(form, f + ".weight"), number(form, f + ".level1"), number(form, f + ".level2"),
                        number(form, f + ".level3")));
            }
            crises.updateGradingMatrix(new GradingMatrix(rules, integer(form, "moderateFrom"), integer(form, "majorFrom")));
        });
    }

    @PostMapping("/admin/crisis/chain")
    @PreAuthorize("hasRole('ADMIN')")
    String chainLevel(@RequestParam CrisisGrade grade, @RequestParam int level, @RequestParam(required = false) String onDuty,
            @RequestParam(required = false) String usernames, @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) List<String> channels, @RequestParam int ackWithinMinutes, RedirectAttributes redirect,
            Locale locale) {
        return act(redirect, locale, () -> chain.saveLevel(grade, level, onDuty, split(usernames), roles, channels, ackWithinMinutes));
    }

    @PostMapping("/admin/crisis/chain/{levelId}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String deleteLevel(@PathVariable long levelId, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> chain.deleteLevel(levelId));
    }

    @PostMapping("/admin/crisis/playbooks")
    @PreAuthorize("hasRole('ADMIN')")
    String playbook(@RequestParam CrisisType type, @RequestParam CrisisGrade minGrade, @RequestParam String nameZh,
            @RequestParam(required = false) String nameEn, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> playbooks.create(type, minGrade, nameZh, nameEn));
    }

    @PostMapping("/admin/crisis/playbooks/{playbookId}/steps")
    @PreAuthorize("hasRole('ADMIN')")
    String addStep(@PathVariable long playbookId, @RequestParam String titleZh, @RequestParam(required = false) String titleEn,
            @RequestParam Department department, @RequestParam(required = false) String ownerRole, @RequestParam int dueOffsetMinutes,
            @RequestParam(required = false) String scriptRef, @RequestParam(required = false) String articleRef, RedirectAttributes redirect,
            Locale locale) {
        return act(redirect, locale, () -> playbooks.addStep(playbookId, new PlaybookManagement.StepDraft(titleZh, titleEn, department,
                ownerRole, dueOffsetMinutes, scriptRef, articleRef)));
    }

    @PostMapping("/admin/crisis/playbooks/{playbookId}/steps/{stepId}/delete")
    @PreAuthorize("hasRole('ADMIN')")
    String removeStep(@PathVariable long playbookId, @PathVariable long stepId, RedirectAttributes redirect, Locale locale) {
        return act(redirect, locale, () -> playbooks.removeStep(playbookId, stepId));
    }

    private String act(RedirectAttributes redirect, Locale locale, Runnable command) {
        try {
            command.run();
            redirect.addFlashAttribute("flash", messages.getMessage("crisis.saved", null, locale));
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", messages.getMessage("crisis.admin.invalid", new Object[] {e.getMessage()}, locale));
        }
        return "redirect:/admin/crisis";
    }

    private static int integer(Map<String, String> form, String key) {
        return (int) number(form, key);
    }

    private static long number(Map<String, String> form, String key) {
        String value = form.get(key);
        if (value == null || !value.strip().matches("\\d{1,12}")) {
            throw new IllegalArgumentException(key + " must be a whole number");
        }
        return Long.parseLong(value.strip());
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，\\s]+")).filter(s -> !s.isBlank()).toList();
    }
}
