package com.steadydesk.crisis.web;

import com.steadydesk.crisis.BulkReplies;
import com.steadydesk.crisis.CrisisDetails;
import com.steadydesk.crisis.CrisisReviews;
import com.steadydesk.crisis.FollowUps;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisScope;
import com.steadydesk.crisis.CrisisStatus;
import com.steadydesk.crisis.CrisisTaskManagement;
import com.steadydesk.crisis.CrisisTimeline;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.Department;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.crisis.ReportingChain;
import com.steadydesk.crisis.StatusPage;
import com.steadydesk.crisis.TaskStatus;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The crisis screens: the list, the report form (also as a dialog other pages open), and the crisis cockpit. */
@Controller
class CrisisPages {

    private final CrisisManagement crises;
    private final ReportingChain chain;
    private final CrisisTaskManagement tasks;
    private final CrisisTimeline timeline;
    private final StatusPage statusPage;
    private final BulkReplies bulkReplies;
    private final CrisisReviews reviews;
    private final FollowUps followUps;
    private final com.steadydesk.crisis.CrisisCleanup cleanup;
    private final com.steadydesk.crisis.InternalUpdates internalUpdates;
    private final TicketManagement tickets;
    private final com.steadydesk.customers.CustomerManagement customers;
    private final com.steadydesk.crisis.CrisisCallouts callouts;
    private final CurrentUser currentUser;
    private final MessageSource messages;
    private final ZoneId zone;

    CrisisPages(CrisisManagement crises, ReportingChain chain, CrisisTaskManagement tasks, CrisisTimeline timeline, StatusPage statusPage, BulkReplies bulkReplies, CrisisReviews reviews, FollowUps followUps,
            com.steadydesk.crisis.CrisisCleanup cleanup, com.steadydesk.crisis.InternalUpdates internalUpdates,
            TicketManagement tickets, CurrentUser currentUser, MessageSource messages, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone,
            com.steadydesk.customers.CustomerManagement customers, com.steadydesk.crisis.CrisisCallouts callouts) {
        this.customers = customers;
        this.callouts = callouts;
        this.cleanup = cleanup;
        this.internalUpdates = internalUpdates;
        this.crises = crises;
        this.chain = chain;
        this.tasks = tasks;
        this.timeline = timeline;
        this.statusPage = statusPage;
        this.bulkReplies = bulkReplies;
        this.reviews = reviews;
        this.followUps = followUps;
        this.tickets = tickets;
        this.currentUser = currentUser;
        this.messages = messages;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/crisis")
    @PreAuthorize("hasRole('TEMP_AGENT') or hasRole('CRISIS_LEAD')")
    String list(@RequestParam(required = false) String after, Model model) {
        boolean agent = currentUser.hasRole(Role.AGENT) || currentUser.hasRole(Role.CRISIS_LEAD);
        model.addAttribute("canSeeCockpit", agent);
        model.addAttribute("open", agent ? crises.open() : List.of());
        model.addAttribute("page", agent ? crises.all(after, 30) : null);
        model.addAttribute("toAcknowledge", chain.openNoticesFor(currentUser.username()));
        model.addAttribute("cleanupOpen", agent ? cleanup.crisesWithOpenCleanup() : Set.of());
        return "crisis/list";
    }

    @GetMapping("/crisis/report")
    @PreAuthorize("hasRole('TEMP_AGENT') or hasRole('CRISIS_LEAD')")
    String reportForm(@RequestParam(required = false) Long ticketId, @RequestHeader(value = "HX-Request", required = false) String htmx,
            Model model) {
        String examples = ticketId == null ? "" : tickets.find(new TicketId(ticketId)).map(t -> String.valueOf(t.number())).orElse("");
        model.addAttribute("form", new ReportForm(CrisisType.OTHER, "", "", null, examples));
        model.addAttribute("types", CrisisType.values());
        return htmx != null ? "crisis/report :: dialog" : "crisis/report";
    }

    @PostMapping("/crisis/report")
    @PreAuthorize("hasRole('TEMP_AGENT') or hasRole('CRISIS_LEAD')")
    String report(ReportForm form, Model model, RedirectAttributes redirect, Locale locale) {
        List<String> errors = new ArrayList<>();
        if (form.title() == null || form.title().isBlank()) {
            errors.add(msg("crisis.report.error.title", locale));
        }
        List<Long> examples = new ArrayList<>();
        for (String number : form.exampleNumbers() == null ? new String[0] : form.exampleNumbers().split("[,，\\s]+")) {
            if (number.isBlank()) {
                continue;
            }
            Optional<TicketId> id = number.strip().replace("#", "").matches("\\d{1,18}")
                    ? tickets.findByNumber(Long.parseLong(number.strip().replace("#", ""))) : Optional.empty();
            if (id.isEmpty()) {
                errors.add(msg("crisis.report.error.ticket", locale, number.strip()));
            } else {
                examples.add(id.get().value());
            }
        }
        Instant since = form.since() == null ? null : form.since().atZone(zone).toInstant();
        if (since != null && since.isAfter(Instant.now())) {
            errors.add(msg("crisis.report.error.since", locale));
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
            model.addAttribute("types", CrisisType.values());
            model.addAttribute("errors", errors);
            return "crisis/report";
        }
        CrisisId id = crises.report(new NewCrisisReport(form.type(), form.title(), form.description(), since, examples));
        redirect.addFlashAttribute("flash", msg("crisis.report.sent", locale, id.value()));
        return currentUser.hasRole(Role.AGENT) || currentUser.hasRole(Role.CRISIS_LEAD) ? "redirect:/crisis/" + id.value() : "redirect:/crisis";
    }

    @GetMapping("/crisis/{id}")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String cockpit(@PathVariable long id, @RequestParam(required = false) String template,
            @RequestParam(required = false) LocalDateTime next, Model model) {
        CrisisId crisisId = new CrisisId(id);
        CrisisDetails crisis = crises.find(crisisId);
        model.addAttribute("templates", statusPage.templatesFor(crisis.type()));
        model.addAttribute("bulkJobs", bulkReplies.of(crisisId));
        List<FollowUps.Compensation> compensations = followUps.compensations(crisisId);
        List<FollowUps.Callback> callbacks = followUps.callbacks(crisisId);
        model.addAttribute("compensations", compensations);
        // names instead of ids (masked as the viewer must see them)
        java.util.Set<com.steadydesk.customers.CustomerId> named = new java.util.HashSet<>();
        compensations.stream().map(FollowUps.Compensation::customerId).filter(java.util.Objects::nonNull).forEach(named::add);
        callbacks.stream().map(FollowUps.Callback::customerId).forEach(named::add);
        java.util.Map<Long, String> customerNames = new java.util.HashMap<>();
        customers.findAllForViewer(named).forEach((cid, profile) -> customerNames.put(cid.value(), profile.name()));
        model.addAttribute("customerNames", customerNames);
        model.addAttribute("compensationTotals", followUps.totals(crisisId));
        model.addAttribute("callbacks", callbacks);
        model.addAttribute("compensationKinds", FollowUps.Kind.values());
        model.addAttribute("outcomes", FollowUps.Outcome.values());
        model.addAttribute("crisisIdValue", id);
        model.addAttribute("bulkFilters", BulkReplies.Filter.values());
        model.addAttribute("updates", statusPage.updates(crisisId));
        model.addAttribute("phases", com.steadydesk.crisis.PublicUpdate.PHASES);
        boolean active = crisis.status() == CrisisStatus.DECLARED || crisis.status() == CrisisStatus.RESOLVED;
        // the next update comes ready to publish: phase from the crisis's state, template of its type, time from its grade
        StatusPage.UpdateDraft draft;
        if (template != null && !template.isBlank()) {
            draft = statusPage.draftFromTemplate(crisisId, template, next == null ? null : next.atZone(zone).toInstant());
        } else if (active) {
            draft = statusPage.defaultDraft(crisisId);
        } else {
            draft = new StatusPage.UpdateDraft("INVESTIGATING", "", "", null);
        }
        model.addAttribute("draft", draft);
        model.addAttribute("selectedTemplate", template != null && !template.isBlank() ? template
                : active ? statusPage.defaultTemplateCode(crisisId) : null);
        model.addAttribute("nextValue", draft.nextUpdateAt() == null ? null
                : LocalDateTime.ofInstant(draft.nextUpdateAt(), zone).withSecond(0).withNano(0));
        model.addAttribute("resolution", active ? statusPage.resolutionDraft(crisisId) : null);
        model.addAttribute("publicStillOpen", !statusPage.updates(crisisId).isEmpty()
                && !"RESOLVED".equals(statusPage.updates(crisisId).get(0).phase()));
        model.addAttribute("crisis", crisis);
        model.addAttribute("isLead", currentUser.hasRole(Role.CRISIS_LEAD));
        List<com.steadydesk.crisis.ChainNotice> notices = chain.notices(crisisId);
        model.addAttribute("notices", notices);
        // only someone the report went to, or a crisis lead, may acknowledge it (ReportingChain refuses anyone else)
        // a closed or dismissed crisis escalates no more (ReportingChain), so there is nothing left to acknowledge
        boolean ended = crisis.status() == CrisisStatus.CLOSED
                || crisis.status() == CrisisStatus.DISMISSED;
        model.addAttribute("canAcknowledge", !ended && notices.stream().anyMatch(n -> n.open()
                && (currentUser.hasRole(Role.CRISIS_LEAD) || n.recipients().contains(currentUser.username()))));
        model.addAttribute("tasks", tasks.of(crisisId));
        model.addAttribute("progress", tasks.progress(crisisId));
        List<com.steadydesk.crisis.TimelineEntry> entries = new ArrayList<>(timeline.entries(crisisId));
        java.util.Collections.reverse(entries);
        model.addAttribute("timeline", entries);
        model.addAttribute("linkedStats", crises.linkedTicketStats(crisisId, 14));
        List<TicketDetails> linked = crises.linkedTickets(crisisId).stream().limit(200).map(tickets::find).flatMap(Optional::stream).toList();
        model.addAttribute("linked", linked.stream().limit(50).toList());
        model.addAttribute("vipLinked", linked.stream().filter(TicketDetails::vip).toList());
        model.addAttribute("types", CrisisType.values());
        model.addAttribute("grades", CrisisGrade.values());
        model.addAttribute("departments", Department.values());
        model.addAttribute("taskStatuses", TaskStatus.values());
        model.addAttribute("natures", GradingFactors.Nature.values());
        model.addAttribute("trends", GradingFactors.Trend.values());
        model.addAttribute("urgencies", GradingFactors.Urgency.values());
        model.addAttribute("attentions", GradingFactors.Attention.values());
        model.addAttribute("active", active);
        // clean-up checklist, internal updates, linking from a search (templates/crisis/panels.html)
        model.addAttribute("cleanup", cleanup.checklist(crisisId));
        model.addAttribute("finalDraft", crisis.status() == CrisisStatus.CLOSED ? cleanup.draftFinalUpdate(crisisId) : null);
        model.addAttribute("internalUpdates", internalUpdates.of(crisisId));
        model.addAttribute("callouts", callouts.of(crisisId));
        model.addAttribute("following", internalUpdates.follows(crisisId, currentUser.username()));
        model.addAttribute("mayPostInternal", internalUpdates.mayPost(crisisId));
        model.addAttribute("ticketChannels", com.steadydesk.channels.Channel.values());
        model.addAttribute("firstMessageCandidates", com.steadydesk.crisis.BulkLinking.FIRST_MESSAGE_CANDIDATES);
        return "crisis/cockpit";
    }

    @PostMapping("/crisis/{id}/updates/preview")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String preview(@PathVariable long id, @ModelAttribute("preview") UpdateForm form, BindingResult errors, Model model) {
        model.addAttribute("phaseInvalid", errors.hasFieldErrors("phase"));
        return "crisis/cockpit :: preview";
    }

    @PostMapping("/crisis/{id}/updates")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String publish(@PathVariable long id, UpdateForm form, BindingResult errors, RedirectAttributes redirect, Locale locale) {
        if (errors.hasFieldErrors("phase")) {
            redirect.addFlashAttribute("flash", msg("crisis.updates.phaseInvalid", locale));
            return "redirect:/crisis/" + id;
        }
        return act(id, redirect, locale, () -> {
            com.steadydesk.crisis.PublicUpdate update = statusPage.publish(new CrisisId(id), new StatusPage.UpdateDraft(
                    form.phase() == null ? null : form.phase().name(), form.bodyZh(), form.bodyEn(),
                    form.next() == null ? null : form.next().atZone(zone).toInstant()));
            return msg("crisis.updates.published", locale, msg("crisis.phase." + update.phase(), locale));
        });
    }

    @PostMapping("/crisis/{id}/bulk-replies")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String bulkReply(@PathVariable long id, @RequestParam long scriptId, @RequestParam(required = false) BulkReplies.Filter filter,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> msg("crisis.bulk.started", locale,
                bulkReplies.start(new CrisisId(id), new com.steadydesk.scripts.ScriptId(scriptId), filter).total()));
    }

    @PostMapping("/crisis/{id}/bulk-replies/{jobId}/retry")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String retryBulkReply(@PathVariable long id, @PathVariable long jobId, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            if (bulkReplies.job(jobId).crisisId().value() != id) {
                throw new IllegalArgumentException(msg("crisis.bulk.notThisCrisis", locale));
            }
            return msg("crisis.bulk.retried", locale, bulkReplies.retryFailed(jobId).total());
        });
    }

    @GetMapping("/crisis/{id}/bulk-replies")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String bulkReplyProgress(@PathVariable long id, Model model) {
        model.addAttribute("bulkJobs", bulkReplies.of(new CrisisId(id)));
        model.addAttribute("crisisIdValue", id);
        return "crisis/cockpit :: bulk";
    }

    @PostMapping("/crisis/{id}/compensations")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String propose(@PathVariable long id, @RequestParam(required = false) Long customerId, @RequestParam(required = false) String segment,
            @RequestParam FollowUps.Kind kind, @RequestParam java.math.BigDecimal amount, @RequestParam String reason,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            followUps.propose(new CrisisId(id), customerId == null ? null : new com.steadydesk.customers.CustomerId(customerId), segment, kind,
                    amount, reason);
            return msg("crisis.compensation.proposed", locale, msg("crisis.compensation." + kind, locale), amount);
        });
    }

    @PostMapping("/crisis/{id}/compensations/{compensationId}")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String decideCompensation(@PathVariable long id, @PathVariable long compensationId, @RequestParam String action,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            switch (action) {
                case "approve" -> followUps.decide(compensationId, true);
                case "reject" -> followUps.decide(compensationId, false);
                case "delivered" -> followUps.recordDelivery(compensationId, true, null);
                default -> followUps.recordDelivery(compensationId, false, null);
            }
            return msg("crisis.compensation.done." + (action.matches("approve|reject|delivered") ? action : "not-delivered"), locale);
        });
    }

    @PostMapping("/crisis/{id}/callbacks")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String addCallback(@PathVariable long id, @RequestParam long customerId, @RequestParam(required = false) String assignee,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            followUps.addCallback(new CrisisId(id), new com.steadydesk.customers.CustomerId(customerId), null, assignee);
            return msg("crisis.callbacks.added", locale, assignee == null || assignee.isBlank() ? "-" : assignee);
        });
    }

    @PostMapping("/crisis/{id}/callbacks/{callbackId}")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String callbackOutcome(@PathVariable long id, @PathVariable long callbackId, @RequestParam FollowUps.Outcome outcome,
            @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            followUps.recordOutcome(callbackId, outcome, note);
            return msg("crisis.callbacks.recorded", locale, msg("crisis.callbacks." + outcome, locale));
        });
    }

    @PostMapping("/crisis/{id}/acknowledge")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String acknowledge(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            chain.acknowledge(new CrisisId(id));
            return msg("crisis.ack.done", locale);
        });
    }

    @PostMapping("/crisis/{id}/declare")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String declare(@PathVariable long id, GradeForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> msg("crisis.declare.done", locale,
                msg("crisis.grade." + crises.declare(new CrisisId(id), form.type(), form.title(), form.factors()).grade(), locale)));
    }

    @PostMapping("/crisis/{id}/grade")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String grade(@PathVariable long id, GradeForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> msg("crisis.grade.done", locale,
                msg("crisis.grade." + crises.regrade(new CrisisId(id), form.factors()).grade(), locale)));
    }

    @PostMapping("/crisis/{id}/override")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String override(@PathVariable long id, @RequestParam CrisisGrade grade, @RequestParam(required = false) String reason,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            crises.overrideGrade(new CrisisId(id), grade, reason == null ? "" : reason);
            return msg("crisis.grade.done", locale, msg("crisis.grade." + grade, locale));
        });
    }

    @PostMapping("/crisis/{id}/dismiss")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String dismiss(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            crises.dismiss(new CrisisId(id), reason);
            return msg("crisis.dismiss.done", locale);
        });
    }

    @PostMapping("/crisis/{id}/resolve")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String resolve(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            crises.resolve(new CrisisId(id));
            return msg("crisis.resolve.done", locale);
        });
    }

    /** The close dialog's confirmation: the resolution statement (prefilled, editable) goes public with the close. */
    @PostMapping("/crisis/{id}/close")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String close(@PathVariable long id, @RequestParam(required = false) String statementZh, @RequestParam(required = false) String statementEn,
            RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            crises.closeWithStatement(new CrisisId(id), statementZh, statementEn);
            return statementZh == null || statementZh.isBlank() ? msg("crisis.close.done", locale)
                    : msg("crisis.close.doneWithStatement", locale);
        });
    }

    @PostMapping("/crisis/{id}/scope")
    @PreAuthorize("hasRole('CRISIS_LEAD')")
    String scope(@PathVariable long id, ScopeForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            crises.describeScope(new CrisisId(id), CrisisScope.withPublicWording(split(form.products()), splitKeepingPositions(form.productsEn()),
                    split(form.regions()), split(form.channels()), split(form.keywords()), form.publicTitle(), form.titleEn()));
            return msg("crisis.scope.done", locale);
        });
    }

    @PostMapping("/crisis/{id}/timeline")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String note(@PathVariable long id, @RequestParam String kind, @RequestParam String text, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            timeline.write(new CrisisId(id), "DECISION".equals(kind) && currentUser.hasRole(Role.CRISIS_LEAD) ? "DECISION" : "NOTE", text);
            return msg("crisis.timeline.added", locale);
        });
    }

    @PostMapping("/crisis/{id}/tickets")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String link(@PathVariable long id, @RequestParam String numbers, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            List<TicketId> ids = new ArrayList<>();
            for (String n : split(numbers)) {
                String digits = n.replace("#", "");
                if (!digits.matches("\\d{1,18}")) {
                    throw new IllegalArgumentException(msg("crisis.report.error.ticket", locale, n));
                }
                ids.add(tickets.findByNumber(Long.parseLong(digits))
                        .orElseThrow(() -> new IllegalArgumentException(msg("crisis.report.error.ticket", locale, n))));
            }
            return msg("crisis.tickets.linked", locale, crises.linkTickets(new CrisisId(id), ids, CrisisManagement.BY_HAND));
        });
    }

    @PostMapping("/crisis/{id}/tasks")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String addTask(@PathVariable long id, TaskForm form, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            tasks.add(new CrisisId(id), new CrisisTaskManagement.NewTask(form.title(), form.department(), form.assignee(),
                    form.due() == null ? null : form.due().atZone(zone).toInstant()));
            return form.assignee() == null || form.assignee().isBlank() ? msg("crisis.tasks.added", locale, form.title())
                    : msg("crisis.tasks.addedFor", locale, form.title(), form.assignee());
        });
    }

    @PostMapping("/crisis/{id}/tasks/{taskId}")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    String changeTask(@PathVariable long id, @PathVariable long taskId, @RequestParam(required = false) TaskStatus status,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String comment, RedirectAttributes redirect, Locale locale) {
        return act(id, redirect, locale, () -> {
            if (tasks.find(taskId).crisisId().value() != id) {
                throw new IllegalArgumentException("task " + taskId + " is not a task of crisis " + id);
            }
            if (assignee != null) {
                tasks.assign(taskId, assignee);
            }
            if (comment != null && !comment.isBlank()) {
                tasks.comment(taskId, comment);
            }
            if (status != null) {
                tasks.changeStatus(taskId, status, reason);
            }
            return msg("crisis.tasks.changed", locale, tasks.find(taskId).title(locale), msg("crisis.task." + tasks.find(taskId).status(), locale));
        });
    }

    @GetMapping("/crisis/{id}/timeline.csv")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<byte[]> timelineCsv(@PathVariable long id) {
        crises.find(new CrisisId(id));
        return download(timeline.exportCsv(new CrisisId(id)), "crisis-" + id + "-timeline.csv", "text/csv");
    }

    @GetMapping("/crisis/{id}/review.md")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<byte[]> reviewMarkdown(@PathVariable long id) {
        return download(reviews.markdown(new CrisisId(id)), "crisis-" + id + "-review.md", "text/markdown");
    }

    @GetMapping("/crisis/{id}/timeline.md")
    @PreAuthorize("hasRole('AGENT') or hasRole('CRISIS_LEAD')")
    ResponseEntity<byte[]> timelineMarkdown(@PathVariable long id) {
        CrisisDetails crisis = crises.find(new CrisisId(id));
        return download(timeline.exportMarkdown(crisis.id(), crisis.title()), "crisis-" + id + "-timeline.md", "text/markdown");
    }

    private static ResponseEntity<byte[]> download(String body, String filename, String type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType(MediaType.parseMediaType(type), StandardCharsets.UTF_8))
                .body(body.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Runs a command from the cockpit; it answers what happened in the user's language, a broken rule or bad input comes
     * back as a message on the page.
     */
    private String act(long id, RedirectAttributes redirect, Locale locale, java.util.function.Supplier<String> command) {
        return CockpitCommands.run(messages, id, redirect, locale, command);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** English names by position: an empty entry keeps its place (the product has no English name yet). */
    private static List<String> splitKeepingPositions(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split("[,，;；\\n]", -1)).map(String::strip).toList();
    }

    private static List<String> split(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,，;；\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The report form. {@code exampleNumbers}: ticket numbers, comma-separated. */
    record ReportForm(CrisisType type, String title, String description, LocalDateTime since, String exampleNumbers) {
    }

    /** Declaration and grading: type and title (declaration only) and the factors of the matrix. */
    record GradeForm(CrisisType type, String title, Set<GradingFactors.Nature> natures, Long customers, Integer regions, Long loss,
            GradingFactors.Trend trend, GradingFactors.Urgency urgency, GradingFactors.Attention attention) {

        GradingFactors factors() {
            return new GradingFactors(natures, customers == null ? 0 : customers, regions == null ? 0 : regions, loss == null ? 0 : loss,
                    trend, urgency, attention);
        }
    }

    /** A public update as the lead writes it. */
    record UpdateForm(com.steadydesk.crisis.UpdatePhase phase, String bodyZh, String bodyEn, LocalDateTime next) {
    }

    /** Affected products, regions, channels and keywords, comma-separated. */
    record ScopeForm(String products, String productsEn, String regions, String channels, String keywords, String publicTitle, String titleEn) {
    }

    /** A task added by hand. */
    record TaskForm(String title, Department department, String assignee, LocalDateTime due) {
    }
}
