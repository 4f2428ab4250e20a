package com.steadydesk.inbox.web;

import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Attachments;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.ContactMasking;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.BulkAction;
import com.steadydesk.inbox.BulkResult;
import com.steadydesk.inbox.CallOutcome;
import com.steadydesk.inbox.InboxQuery;
import com.steadydesk.inbox.InboxSort;
import com.steadydesk.inbox.InboxView;
import com.steadydesk.inbox.InvalidAssignee;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.PhoneCall;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.TicketSummary;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

/**
 * The agent screens of the inbox: the list with views, filters and bulk actions; the ticket page with conversation,
 * reply box, inline edits, merge and links; the phone-call and new-ticket forms; the live stream.
 * Contact data always passes through {@link ContactMasking}, so a TEMP_AGENT sees it masked.
 */
@Controller
@RequestMapping("/inbox")
class InboxController {

    private static final int ASSIST_TEXT_MAX = 1000;

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final ContactMasking masking;
    private final ViewerTickets viewable;
    private final UserManagement users;
    private final CurrentUser currentUser;
    private final Attachments attachments;
    private final TicketStream stream;
    private final MessageSource messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final boolean customersSidebar;

    InboxController(TicketManagement tickets, CustomerManagement customers, ContactMasking masking, ViewerTickets viewable,
            UserManagement users, CurrentUser currentUser, Attachments attachments, TicketStream stream, MessageSource messages,
            ObjectMapper json, Clock clock, ResourceLoader resources) {
        this.tickets = tickets;
        this.customers = customers;
        this.masking = masking;
        this.viewable = viewable;
        this.users = users;
        this.currentUser = currentUser;
        this.attachments = attachments;
        this.stream = stream;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
        // the customers module ships the rich sidebar; until it does, the inbox shows its own minimal one
        this.customersSidebar = resources.getResource("classpath:templates/customers/fragments.html").exists();
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("priorities", TicketPriority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("outcomes", CallOutcome.values());
    }

    // ---- list ------------------------------------------------------------------------------------------------------

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String list(ListParams params, Model model, jakarta.servlet.http.HttpServletResponse response) {
        UserId me = currentUser.id().orElse(null);
        InboxView view = params.selectedView();
        InboxSort sort = params.sortOr(view == InboxView.SLA_AT_RISK || view == InboxView.SLA_BREACHED ? InboxSort.SLA : InboxSort.UPDATED);
        Keyset<TicketSummary> page;
        try {
            page = tickets.list(new InboxQuery(view, params.tag(), params.statusValue(), params.priorityValue(), params.channelValue(),
                    params.assigneeValue(), masking.queryForViewer(params.q()), sort, params.after(), me, InboxQuery.PAGE_SIZE));
            page = new Keyset<>(viewable.summaries(page.rows()), page.nextCursor());
        } catch (IllegalArgumentException e) {
            page = new Keyset<>(List.of(), null); // a stale or tampered cursor: an empty page with the filters, and why
            model.addAttribute("listError", e.getMessage());
            response.setStatus(jakarta.servlet.http.HttpServletResponse.SC_BAD_REQUEST);
        }
        List<UserSummary> agents = users.all().stream().filter(UserSummary::active).toList();
        model.addAttribute("page", page);
        model.addAttribute("view", view);
        model.addAttribute("sort", sort);
        model.addAttribute("params", params);
        model.addAttribute("counts", tickets.viewCounts(me));
        model.addAttribute("countCap", com.steadydesk.inbox.internal.InboxQueries.COUNT_CAP);
        model.addAttribute("popularTags", tickets.popularTags(12));
        model.addAttribute("agents", agents);
        model.addAttribute("agentNames", agents.stream().collect(Collectors.toMap(a -> a.id().value(), UserSummary::displayName)));
        model.addAttribute("requesters", requesters(page.rows()));
        model.addAttribute("since", Instant.now(clock).toString());
        model.addAttribute("sidebarViews", List.of(InboxView.MINE, InboxView.UNASSIGNED, InboxView.VIP, InboxView.SLA_AT_RISK,
                InboxView.SLA_BREACHED, InboxView.ALL));
        String filterUrl = params.url(view, null, null);
        model.addAttribute("filterUrl", filterUrl);
        Map<String, String> sortUrls = new LinkedHashMap<>();
        for (InboxSort s : InboxSort.values()) {
            sortUrls.put(s.name(), params.url(view, s, null));
        }
        model.addAttribute("sortUrls", sortUrls);
        model.addAttribute("nextUrl", page.hasNext() ? params.url(view, sort, page.nextCursor()) : null);
        model.addAttribute("firstUrl", params.url(view, sort, null));
        model.addAttribute("canBulkClose", currentUser.hasRole(Role.SUPERVISOR));
        return "inbox/list";
    }

    /** The bar that tells how many tickets changed since the list was rendered (fed by the live stream). */
    @GetMapping("/fragments/live-bar")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String liveBar(@RequestParam String since, Model model) {
        Instant from;
        try {
            from = Instant.parse(since);
        } catch (RuntimeException e) {
            from = Instant.now(clock);
        }
        model.addAttribute("changed", tickets.changedSince(from, 100));
        return "inbox/fragments :: live-bar";
    }

    @PostMapping("/bulk")
    @PreAuthorize("hasRole('AGENT')")
    String bulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam String action,
            @RequestParam(required = false) Long assignee, @RequestParam(required = false) String tag,
            @RequestParam(required = false) TicketStatus status, @RequestParam(required = false) String body,
            @RequestParam(required = false, defaultValue = "") String back, RedirectAttributes redirect, Locale locale) {
        String target = back.startsWith("/inbox") ? back : "/inbox";
        if (ids == null || ids.isEmpty()) {
            redirect.addFlashAttribute("flash", text("inbox.bulk.none", locale));
            return "redirect:" + target;
        }
        BulkAction bulkAction = switch (action) {
            case "assign" -> BulkAction.assign(assignee == null ? null : new UserId(assignee), null);
            case "tag" -> BulkAction.tag(tag);
            case "status" -> BulkAction.status(status);
            case "reply" -> BulkAction.reply(body);
            default -> null;
        };
        if (bulkAction == null || ("status".equals(action) && status == null) || ("tag".equals(action) && (tag == null || tag.isBlank()))) {
            redirect.addFlashAttribute("flash", text("inbox.bulk.incomplete", locale));
            return "redirect:" + target;
        }
        try {
            BulkResult result = tickets.bulk(bulkAction, ids.stream().map(TicketId::new).toList());
            String failed = result.failures().stream().map(f -> "#" + f.ticketId().value() + " " + ruleText(f.rule(), f.message(), locale))
                    .collect(Collectors.joining("; "));
            String done = bulkDone(bulkAction, result.succeeded().size(), locale);
            redirect.addFlashAttribute("flash", failed.isEmpty() ? done
                    : done + text("inbox.bulk.failed", locale, result.failures().size(), failed));
        } catch (DomainRuleViolation | IllegalArgumentException e) {
            redirect.addFlashAttribute("flash", errorText(e, locale));
        }
        return "redirect:" + target;
    }

    // ---- ticket page -----------------------------------------------------------------------------------------------

    @GetMapping("/tickets/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String ticket(@PathVariable long id, Model model, Locale locale) {
        TicketDetails ticket = details(new TicketId(id));
        ticketModel(ticket, model);
        List<TicketMessage> conversation = tickets.messages(ticket.id());
        model.addAttribute("conversation", conversationView(conversation, locale));
        model.addAttribute("history", viewable.history(historyView(tickets.history(ticket.id()), locale)));
        model.addAttribute("links", viewable.links(tickets.links(ticket.id())));
        model.addAttribute("earlier", viewable.summaries(tickets.ticketsOf(ticket.customerId(), 11).stream()
                .filter(t -> !t.id().equals(ticket.id())).limit(10).toList()));
        model.addAttribute("customersSidebar", customersSidebar);
        model.addAttribute("assistVals", assistValues(ticket, model, conversation));
        if (!model.containsAttribute("replyBody")) {
            model.addAttribute("replyBody", "");
        }
        return "inbox/ticket";
    }

    @GetMapping("/tickets/{id}/conversation")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String conversation(@PathVariable long id, Model model, Locale locale) {
        TicketDetails ticket = viewable.details(details(new TicketId(id)));
        model.addAttribute("ticket", ticket);
        model.addAttribute("conversation", conversationView(tickets.messages(ticket.id()), locale));
        model.addAttribute("agentNames", agentNames());
        model.addAttribute("requesterName", customers.findForViewer(ticket.customerId()).map(CustomerProfile::name)
                .orElse("#" + ticket.customerId().value()));
        return "inbox/fragments :: conversation";
    }

    @PostMapping("/tickets/{id}/messages")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String addMessage(@PathVariable long id, ReplyForm form, @RequestParam(name = "files", required = false) List<MultipartFile> files,
            RedirectAttributes redirect, Locale locale) throws IOException {
        TicketId ticket = new TicketId(id);
        if (form.body() == null || form.body().isBlank()) {
            redirect.addFlashAttribute("replyError", text("inbox.reply.empty", locale));
            redirect.addFlashAttribute("replyKind", form.kind());
            return "redirect:/inbox/tickets/" + id;
        }
        try {
            List<AttachmentRef> stored = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    stored.add(attachments.store(file.getOriginalFilename(), file.getContentType(), file.getBytes()));
                }
            }
            AgentMessage message = new AgentMessage(form.body(), stored, form.statusAfterValue(), form.scriptIds());
            if ("NOTE".equals(form.kind())) {
                tickets.addNote(ticket, message);
                redirect.addFlashAttribute("flash", text("inbox.note.added", locale));
            } else {
                TicketDetails before = details(ticket);
                tickets.reply(ticket, message);
                redirect.addFlashAttribute("flash", replied(before, details(ticket), locale));
            }
        } catch (DomainRuleViolation | IllegalArgumentException e) {
            redirect.addFlashAttribute("replyError", errorText(e, locale));
            redirect.addFlashAttribute("replyBody", form.body());
            redirect.addFlashAttribute("replyKind", form.kind());
        }
        return "redirect:/inbox/tickets/" + id;
    }

    /** Inline edits of the header (htmx): each answers the header again, with a message if the change was refused. */
    @PostMapping("/tickets/{id}/status")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String status(@PathVariable long id, @RequestParam TicketStatus status, Model model, Locale locale) {
        return header(id, () -> tickets.changeStatus(new TicketId(id), status),
                t -> text("inbox.done.status", locale, text("inbox.status." + t.status().name(), locale)), model, locale);
    }

    @PostMapping("/tickets/{id}/priority")
    @PreAuthorize("hasRole('AGENT')")
    String priority(@PathVariable long id, @RequestParam TicketPriority priority, Model model, Locale locale) {
        return header(id, () -> tickets.changePriority(new TicketId(id), priority),
                t -> text("inbox.done.priority", locale, text("inbox.priority." + t.priority().name(), locale)), model, locale);
    }

    @PostMapping("/tickets/{id}/assignee")
    @PreAuthorize("hasRole('AGENT')")
    String assign(@PathVariable long id, @RequestParam(required = false) Long assignee, @RequestParam(required = false) String group,
            Model model, Locale locale) {
        return header(id, () -> tickets.assign(new TicketId(id), assignee == null ? null : new UserId(assignee), group),
                t -> t.assigneeId() == null ? text("inbox.done.unassigned", locale) : text("inbox.done.assigned", locale, agentName(t.assigneeId())),
                model, locale);
    }

    @PostMapping("/tickets/{id}/tags")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String tag(@PathVariable long id, @RequestParam String tag, Model model, Locale locale) {
        return header(id, () -> {
            for (String t : tag.split("[,，\\s]+")) {
                if (!t.isBlank()) {
                    tickets.tag(new TicketId(id), t);
                }
            }
        }, t -> text("inbox.done.tagged", locale, tag.strip()), model, locale);
    }

    @PostMapping("/tickets/{id}/tags/remove")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String untag(@PathVariable long id, @RequestParam String tag, Model model, Locale locale) {
        return header(id, () -> tickets.untag(new TicketId(id), tag), t -> text("inbox.done.untagged", locale, tag), model, locale);
    }

    @PostMapping("/tickets/{id}/merge")
    @PreAuthorize("hasRole('AGENT')")
    String merge(@PathVariable long id, @RequestParam String target, RedirectAttributes redirect, Locale locale) {
        try {
            TicketId into = byNumber(target);
            tickets.merge(new TicketId(id), into);
            redirect.addFlashAttribute("flash", text("inbox.merge.done", locale, target.replace("#", "").strip()));
            return "redirect:/inbox/tickets/" + into.value();
        } catch (DomainRuleViolation | IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("flash", errorText(e, locale));
            return "redirect:/inbox/tickets/" + id;
        }
    }

    @PostMapping("/tickets/{id}/links")
    @PreAuthorize("hasRole('AGENT')")
    String link(@PathVariable long id, @RequestParam String number, RedirectAttributes redirect, Locale locale) {
        try {
            TicketId other = byNumber(number);
            tickets.link(new TicketId(id), other);
            redirect.addFlashAttribute("flash", text("inbox.done.linked", locale, String.valueOf(details(other).number())));
        } catch (DomainRuleViolation | IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("flash", errorText(e, locale));
        }
        return "redirect:/inbox/tickets/" + id;
    }

    @PostMapping("/tickets/{id}/links/{other}/remove")
    @PreAuthorize("hasRole('AGENT')")
    String unlink(@PathVariable long id, @PathVariable long other, RedirectAttributes redirect, Locale locale) {
        TicketDetails unlinked = details(new TicketId(other));
        tickets.unlink(new TicketId(id), unlinked.id());
        redirect.addFlashAttribute("flash", text("inbox.done.unlinked", locale, String.valueOf(unlinked.number())));
        return "redirect:/inbox/tickets/" + id;
    }

    @GetMapping("/tickets/{id}/attachments/{attachmentId}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
        if (!tickets.attachmentShownOn(new TicketId(id), attachmentId)) {
            throw new NotFoundException("attachment", attachmentId);
        }
        Attachments.StoredAttachment file = attachments.load(attachmentId);
        MediaType type;
        try {
            type = file.ref().contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(file.ref().contentType());
        } catch (RuntimeException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.ref().filename() == null ? "attachment-" + attachmentId : viewable.attachmentName(file.ref().filename()),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(file.content());
    }

    // ---- forms: new ticket, phone call -----------------------------------------------------------------------------

    @GetMapping("/tickets/new")
    @PreAuthorize("hasRole('AGENT')")
    String newTicket(Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NewTicketForm(null, null, null, null, TicketPriority.NORMAL, Channel.EMAIL, null));
        }
        return "inbox/new-ticket";
    }

    @PostMapping("/tickets")
    @PreAuthorize("hasRole('AGENT')")
    String createTicket(NewTicketForm form, Model model, RedirectAttributes redirect, Locale locale) {
        Map<String, String> errors = form.errors(t -> text(t, locale));
        if (!errors.isEmpty()) {
            model.addAttribute("form", form);
            model.addAttribute("errors", errors);
            return "inbox/new-ticket";
        }
        CustomerProfile customer = customers.identifyByEmail(form.email().strip(), form.name());
        TicketId id = tickets.open(new OpenTicket(form.subject(), form.body(), null, customer.id(), form.channelOrDefault(), form.priority(),
                form.tagSet(), Map.of(), List.of(), null, null), customer.vipTier());
        redirect.addFlashAttribute("flash", text("inbox.done.opened", locale, String.valueOf(details(id).number()), customer.name()));
        return "redirect:/inbox/tickets/" + id.value();
    }

    @GetMapping("/calls/new")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String newCall(@RequestParam(required = false) Long ticket, Model model) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CallForm(ticket == null ? null : String.valueOf(details(new TicketId(ticket)).number()), null, null,
                    null, null, CallOutcome.INFO_ONLY, ticket == null ? TicketStatus.OPEN : null));
        }
        return "inbox/call";
    }

    @PostMapping("/calls")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String logCall(CallForm form, Model model, RedirectAttributes redirect, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        TicketId onTicket = null;
        if (form.ticketNumber() != null && !form.ticketNumber().isBlank()) {
            try {
                onTicket = byNumber(form.ticketNumber());
            } catch (NotFoundException | IllegalArgumentException e) {
                errors.put("ticketNumber", text("inbox.error.ticket-not-found", locale));
            }
        } else if (form.callerPhone() == null || form.callerPhone().isBlank()) {
            errors.put("callerPhone", text("error.required", locale));
        }
        if (form.summary() == null || form.summary().isBlank()) {
            errors.put("summary", text("error.required", locale));
        }
        String subject = form.subject() == null || form.subject().isBlank() ? PhoneCall.subjectFrom(form.summary()) : form.subject().strip();
        if (onTicket == null && subject.isEmpty() && !errors.containsKey("summary")) {
            errors.put("subject", text("inbox.call.subjectNeeded", locale)); // the summary's first line was only numbers
        }
        if (errors.isEmpty()) {
            try {
                TicketId id = tickets.logCall(new PhoneCall(onTicket, null, form.callerName(), form.callerPhone(), subject,
                        form.summary(), form.outcome(), form.status()));
                TicketDetails logged = details(id);
                redirect.addFlashAttribute("flash", onTicket == null
                        ? text("inbox.done.call.opened", locale, String.valueOf(logged.number()), text("inbox.status." + logged.status().name(), locale))
                        : text("inbox.done.call.logged", locale, String.valueOf(logged.number())));
                return "redirect:/inbox/tickets/" + id.value();
            } catch (DomainRuleViolation e) {
                errors.put("ticketNumber", ruleText(e.rule(), e.getMessage(), locale));
            }
        }
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "inbox/call";
    }

    // ---- fragments for other screens ---------------------------------------------------------------------------------

    /** The customer's tickets; the customer page loads it with htmx. */
    @GetMapping("/fragments/customer-tickets/{customerId}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String customerTickets(@PathVariable long customerId, Model model) {
        model.addAttribute("earlier", viewable.summaries(tickets.ticketsOf(new CustomerId(customerId), 20)));
        model.addAttribute("currentTicketId", null);
        return "inbox/fragments :: customer-tickets";
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @ResponseBody
    SseEmitter stream(@RequestParam(required = false) Long ticket) {
        return stream.connect(ticket);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /**
     * Runs an inline edit and answers the header with what happened ({@code done} reads the ticket after the change)
     * or why it was refused.
     */
    private String header(long id, Runnable change, Function<TicketDetails, String> done, Model model, Locale locale) {
        try {
            change.run();
        } catch (DomainRuleViolation | IllegalArgumentException e) {
            model.addAttribute("headerError", errorText(e, locale));
        }
        TicketDetails after = details(new TicketId(id));
        if (!model.containsAttribute("headerError")) {
            model.addAttribute("headerNotice", done.apply(after));
        }
        ticketModel(after, model);
        return "inbox/fragments :: ticket-header";
    }

    private void ticketModel(TicketDetails stored, Model model) {
        TicketDetails ticket = viewable.details(stored);
        model.addAttribute("ticket", ticket);
        List<UserSummary> agents = users.all().stream().filter(UserSummary::active).toList();
        model.addAttribute("agents", agents);
        model.addAttribute("agentNames", agents.stream().collect(Collectors.toMap(a -> a.id().value(), UserSummary::displayName)));
        CustomerProfile customer = customers.findForViewer(ticket.customerId()).orElse(null);
        model.addAttribute("customer", customer);
        model.addAttribute("requesterName", customer == null ? "#" + ticket.customerId().value() : customer.name());
        model.addAttribute("requesterEmail", customer == null ? null : customer.primaryEmail());
        model.addAttribute("requesterPhone", customer == null ? null : customer.primaryPhone());
        model.addAttribute("fields", ticket.fields());
        model.addAttribute("canClose", currentUser.hasRole(Role.AGENT));
        model.addAttribute("canManage", currentUser.hasRole(Role.AGENT));
    }

    /** Bodies as the viewer may see them: contact data inside the text masked for a TEMP_AGENT. */
    private List<TicketMessage> conversationView(List<TicketMessage> conversation, Locale locale) {
        return conversation.stream().map(m -> viewable.message(m, "SYSTEM".equals(m.kind()) ? systemText(m.bodyText(), locale) : m.bodyText()))
                .toList();
    }

    /**
     * The history as people read it: statuses and priorities by their names in the user's language, assignees by
     * name, "system" as the system; other values (tags, groups, ticket numbers) are shown as they were entered.
     */
    private List<com.steadydesk.inbox.TicketHistoryEntry> historyView(List<com.steadydesk.inbox.TicketHistoryEntry> history, Locale locale) {
        Map<Long, String> names = agentNames();
        Function<String, String> actor = a -> "system".equals(a) ? text("inbox.actor.system", locale)
                : users.findByUsername(a).map(UserSummary::displayName).orElse(a);
        return history.stream().map(h -> new com.steadydesk.inbox.TicketHistoryEntry(actor.apply(h.actor()), h.field(),
                historyValue(h.field(), h.from(), names, locale), historyValue(h.field(), h.to(), names, locale), h.at())).toList();
    }

    private String historyValue(String field, String value, Map<Long, String> names, Locale locale) {
        if (value == null || value.isBlank()) {
            return text("inbox.history.empty", locale);
        }
        return switch (field) {
            case "status" -> messages.getMessage("inbox.status." + value, null, value, locale);
            case "priority" -> messages.getMessage("inbox.priority." + value, null, value, locale);
            case "assignee" -> value.matches("\\d{1,18}") ? names.getOrDefault(Long.parseLong(value), "#" + value) : value;
            default -> value;
        };
    }

    /** System lines are stored as {@code code|arg|arg}; a line of unknown form is shown as it is. */
    private String systemText(String stored, Locale locale) {
        String[] parts = stored.split("\\|");
        return messages.getMessage("inbox.system." + parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length), stored, locale);
    }

    /** The values the scripts module's reply assistant receives (hx-vals JSON). */
    private String assistValues(TicketDetails ticket, Model model, List<TicketMessage> conversation) {
        String latest = conversation.stream().filter(m -> "CUSTOMER".equals(m.kind())).reduce((a, b) -> b).map(TicketMessage::bodyText).orElse("");
        latest = masking.textForViewer(latest);
        if (latest.length() > ASSIST_TEXT_MAX) {
            latest = latest.substring(0, ASSIST_TEXT_MAX);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ticketId", ticket.id().value());
        values.put("ticketNumber", ticket.number());
        values.put("customerName", model.getAttribute("requesterName"));
        values.put("vip", ticket.vip());
        values.put("text", latest);
        return json.writeValueAsString(values);
    }

    private Map<Long, CustomerProfile> requesters(List<TicketSummary> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        Set<CustomerId> ids = rows.stream().map(TicketSummary::customerId).collect(Collectors.toSet());
        return customers.findAllForViewer(ids).entrySet().stream().collect(Collectors.toMap(e -> e.getKey().value(), Map.Entry::getValue));
    }

    private Map<Long, String> agentNames() {
        return users.all().stream().collect(Collectors.toMap(a -> a.id().value(), UserSummary::displayName));
    }

    private TicketDetails details(TicketId id) {
        return tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id.value()));
    }

    private TicketId byNumber(String number) {
        String digits = number == null ? "" : number.replace("#", "").strip();
        if (!digits.matches("\\d{1,18}")) {
            throw new NotFoundException("ticket", number);
        }
        return tickets.findByNumber(Long.parseLong(digits)).orElseThrow(() -> new NotFoundException("ticket", "#" + digits));
    }

    /** "已回复客户李明，工单转为等待客户", and whether the ticket became the agent's. */
    private String replied(TicketDetails before, TicketDetails after, Locale locale) {
        String customer = customers.find(after.customerId()).map(CustomerProfile::name).orElse("#" + after.customerId().value());
        StringBuilder done = new StringBuilder(text("inbox.done.replied", locale, customer));
        if (before.status() != after.status()) {
            done.append(text("inbox.done.replied.status", locale, text("inbox.status." + after.status().name(), locale)));
        }
        if (before.assigneeId() == null && after.assigneeId() != null) {
            done.append(text("inbox.done.replied.assigned", locale));
        }
        return done.toString();
    }

    /** What a bulk action did, e.g. "已把 12 张工单分配给张伟". */
    private String bulkDone(BulkAction action, int count, Locale locale) {
        return switch (action.type()) {
            case ASSIGN -> action.assigneeId() == null ? text("inbox.bulk.done.unassigned", locale, count)
                    : text("inbox.bulk.done.assigned", locale, count, agentName(action.assigneeId().value()));
            case TAG -> text("inbox.bulk.done.tagged", locale, count, action.tag());
            case UNTAG -> text("inbox.bulk.done.untagged", locale, count, action.tag());
            case STATUS -> text("inbox.bulk.done.status", locale, count, text("inbox.status." + action.status().name(), locale));
            case REPLY -> text("inbox.bulk.done.replied", locale, count);
        };
    }

    /** A refusal in the user's language: rules and assignees by key; anything else was a bad value in the form. */
    private String errorText(RuntimeException e, Locale locale) {
        if (e instanceof DomainRuleViolation d) {
            return ruleText(d.rule(), d.getMessage(), locale);
        }
        if (e instanceof InvalidAssignee a) {
            return text("inbox.rule." + a.rule(), locale);
        }
        if (e instanceof NotFoundException) {
            return text("inbox.error.ticket-not-found", locale);
        }
        return text("inbox.error.invalid", locale);
    }

    private String agentName(long userId) {
        return users.findById(new UserId(userId)).map(UserSummary::displayName).orElse("#" + userId);
    }

    private String ruleText(String rule, String fallback, Locale locale) {
        // the detail after the colon (e.g. the placeholders left) goes into the localised text
        String detail = fallback != null && fallback.contains(": ") ? fallback.substring(fallback.lastIndexOf(": ") + 2) : "";
        return messages.getMessage("inbox.rule." + rule, new Object[] {detail}, fallback, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Query parameters of the list; the view names are lower case in URLs (view=sla_at_risk). */
    record ListParams(String view, String tag, String status, String priority, String channel, Long assignee, String q, String sort,
            String after) {

        public InboxView selectedView() {
            try {
                InboxView v = view == null || view.isBlank() ? InboxView.ALL : InboxView.valueOf(view.toUpperCase(Locale.ROOT));
                return v == InboxView.TAG && (tag == null || tag.isBlank()) ? InboxView.ALL : v;
            } catch (IllegalArgumentException e) {
                return InboxView.ALL;
            }
        }

        public InboxSort sortOr(InboxSort fallback) {
            return parse(sort, InboxSort::valueOf, fallback);
        }

        public TicketStatus statusValue() {
            return parse(status, TicketStatus::valueOf, null);
        }

        public TicketPriority priorityValue() {
            return parse(priority, TicketPriority::valueOf, null);
        }

        public Channel channelValue() {
            return parse(channel, Channel::valueOf, null);
        }

        /** The list URL with these filters, the given sort and cursor. */
        public String url(InboxView selected, InboxSort sortBy, String cursor) {
            var b = org.springframework.web.util.UriComponentsBuilder.fromPath("/inbox")
                    .queryParam("view", selected.name().toLowerCase(Locale.ROOT));
            if (selected == InboxView.TAG) {
                b.queryParam("tag", tag);
            }
            java.util.function.BiConsumer<String, Object> add = (k, v) -> {
                if (v != null && !v.toString().isBlank()) {
                    b.queryParam(k, v);
                }
            };
            add.accept("status", statusValue());
            add.accept("priority", priorityValue());
            add.accept("channel", channelValue());
            add.accept("assignee", assignee);
            add.accept("q", q == null ? null : q.strip());
            add.accept("sort", sortBy == null ? null : sortBy.name().toLowerCase(Locale.ROOT));
            add.accept("after", cursor);
            return b.encode().build().toUriString();
        }

        public UserId assigneeValue() {
            return assignee == null ? null : new UserId(assignee);
        }

        private static <T> T parse(String value, Function<String, T> parser, T fallback) {
            try {
                return value == null || value.isBlank() ? fallback : parser.apply(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return fallback;
            }
        }
    }

    /** The reply box: {@code kind} REPLY or NOTE; {@code scriptIds} filled by the scripts module's JS. */
    record ReplyForm(String body, String kind, String statusAfter, String scriptIds) {

        TicketStatus statusAfterValue() {
            return statusAfter == null || statusAfter.isBlank() ? null : TicketStatus.valueOf(statusAfter);
        }
    }

    /** The agent's new-ticket form. */
    record NewTicketForm(String email, String name, String subject, String body, TicketPriority priority, Channel channel, String tags) {

        Map<String, String> errors(Function<String, String> text) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (email == null || !email.strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                errors.put("email", text.apply("error.invalid"));
            }
            if (subject == null || subject.isBlank()) {
                errors.put("subject", text.apply("error.required"));
            }
            if (body == null || body.isBlank()) {
                errors.put("body", text.apply("error.required"));
            }
            try {
                tagSet();
            } catch (IllegalArgumentException e) {
                errors.put("tags", text.apply("inbox.error.tag"));
            }
            return errors;
        }

        Set<String> tagSet() {
            return tags == null ? Set.of() : Arrays.stream(tags.split("[,，\\s]+")).filter(t -> !t.isBlank())
                    .map(com.steadydesk.inbox.internal.Ticket::normalTag).collect(Collectors.toSet());
        }

        Channel channelOrDefault() {
            return channel == null ? Channel.EMAIL : channel;
        }
    }

    /** The phone-call form: on an existing ticket (by number) or as a new one for the caller's phone number. */
    record CallForm(String ticketNumber, String callerName, String callerPhone, String subject, String summary, CallOutcome outcome,
            TicketStatus status) {
    }
}
