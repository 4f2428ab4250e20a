package com.steadydesk.inbox.web;

import com.steadydesk.platform.Keyset;
import com.steadydesk.channels.AttachmentRef;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.ContactMasking;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserId;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.BulkAction;
import com.steadydesk.inbox.BulkResult;
import com.steadydesk.inbox.CallOutcome;
import com.steadydesk.inbox.InboxQuery;
import com.steadydesk.inbox.InboxSort;
import com.steadydesk.inbox.InboxView;
import com.steadydesk.inbox.IntakeBusy;
import com.steadydesk.inbox.InvalidAssignee;
import com.steadydesk.inbox.LinkedTicket;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.PhoneCall;
import com.steadydesk.inbox.SatisfactionRating;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketIntake;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.TicketSummary;
import com.steadydesk.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import com.steadydesk.customers.EmailAddress;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tickets over REST. Roles: TEMP_AGENT reads, replies, notes, logs calls, tags and sets statuses other than CLOSED;
 * AGENT also opens tickets, assigns, changes priority, closes, links, merges and runs bulk actions; bulk close and
 * bulk reply (mass effects on customers) need SUPERVISOR. Contact data is masked for a TEMP_AGENT.
 */
@RestController
@RequestMapping("/api/v1/tickets")
@Tag(name = "Tickets", description = "Tickets, their conversation, calls, merges, links and bulk actions")
class TicketApi {

    private final TicketManagement tickets;
    private final CustomerManagement customers;
    private final ContactMasking masking;
    private final ViewerTickets viewable;
    private final CurrentUser currentUser;
    private final TicketSatisfaction satisfaction;
    private final TicketIntake intake;

    /** Longer than any batch takes, even in a surge; a caller waiting longer gets 503 and retries. */
    private static final int INTAKE_WAIT_SECONDS = 30;

    TicketApi(TicketManagement tickets, CustomerManagement customers, ContactMasking masking, ViewerTickets viewable,
            CurrentUser currentUser, TicketSatisfaction satisfaction, TicketIntake intake) {
        this.viewable = viewable;
        this.tickets = tickets;
        this.intake = intake;
        this.satisfaction = satisfaction;
        this.customers = customers;
        this.masking = masking;
        this.currentUser = currentUser;
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "One page of a view", description = "Keyset-paginated: pass nextCursor as 'cursor' to get the next page.")
    Keyset<TicketSummary> list(@RequestParam(defaultValue = "ALL") InboxView view, @RequestParam(required = false) String tag,
            @RequestParam(required = false) TicketStatus status, @RequestParam(required = false) TicketPriority priority,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) Long assignee,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "UPDATED") InboxSort sort,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        var page = tickets.list(new InboxQuery(view, tag, status, priority, channel, assignee == null ? null : new UserId(assignee),
                masking.queryForViewer(q), sort, Keyset.cursor(cursor, after), currentUser.id().orElse(null), limit));
        return new Keyset<>(viewable.summaries(page.rows()), page.nextCursor());
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Open a ticket", description = "Requester by customerId or by email (found or created). Tickets are "
            + "written in batches; when intake is at capacity the answer is 503 with Retry-After, and the call can be repeated.")
    ResponseEntity<TicketView> open(@Valid @RequestBody NewTicketRequest request) {
        OpenTicket command = new OpenTicket(request.subject(), request.body(), null,
                request.customerId() == null ? null : new CustomerId(request.customerId()),
                request.channel() == null ? Channel.API : request.channel(), request.priority(), request.tags(), Map.of(), List.of(), null, null);
        TicketIntake.Opened opened = await(intake.submit(new TicketIntake.Request(command,
                request.requester() == null ? null : request.requester().email().strip(),
                request.requester() == null ? null : request.requester().name())));
        // Built from what was written: the ticket and its requester are not read back.
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + opened.ticket().id().value()))
                .body(view(opened.ticket(), Optional.of(opened.requester())));
    }

    /** Waits for the intake writer; its exceptions reach the caller as they are (400, 404, 503 problem+json). */
    private static TicketIntake.Opened await(CompletableFuture<TicketIntake.Opened> pending) {
        try {
            return pending.get(INTAKE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeBusy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeBusy();
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "A ticket with its requester (contact data masked for temporary agents)")
    TicketView get(@PathVariable long id) {
        return view(new TicketId(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Change status, priority, assignee, group or tags", description = "Only the fields present change.")
    TicketView patch(@PathVariable long id, @Valid @RequestBody TicketPatch patch) {
        TicketId ticket = new TicketId(id);
        TicketDetails current = details(ticket);
        if (patch.assigneeId() != null || patch.group() != null || patch.priority() != null) {
            requireRole(Role.AGENT);
        }
        if (patch.tags() != null) {
            Set<String> wanted = new HashSet<>(patch.tags().stream().map(com.steadydesk.inbox.internal.Ticket::normalTag).toList());
            current.tags().stream().filter(t -> !wanted.contains(t)).forEach(t -> tickets.untag(ticket, t));
            wanted.stream().filter(t -> !current.tags().contains(t)).sorted().forEach(t -> tickets.tag(ticket, t));
        }
        if (patch.priority() != null) {
            tickets.changePriority(ticket, patch.priority());
        }
        if (patch.assigneeId() != null || patch.group() != null) {
            Long assignee = patch.assigneeId() == null ? current.assigneeId() : (patch.assigneeId() == 0 ? null : patch.assigneeId());
            tickets.assign(ticket, assignee == null ? null : new UserId(assignee), patch.group() == null ? current.groupName() : patch.group());
        }
        if (patch.status() != null) {
            tickets.changeStatus(ticket, patch.status());
        }
        return view(ticket);
    }

    @GetMapping("/{id}/messages")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "The conversation, oldest first (bodies masked for temporary agents)")
    Keyset<MessageView> messages(@PathVariable long id) {
        TicketId ticket = new TicketId(id);
        details(ticket);
        return Keyset.of(tickets.messages(ticket).stream().map(this::messageView).toList());
    }

    @PostMapping("/{id}/messages")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Reply in public (sent by email) or add an internal note",
            description = "The placeholders of the catalogue for ticket replies (docs/scripts-placeholders.md: {{customer.name}}, "
                    + "{{ticket.number}}, {{ticket.subject}}, {{agent.name}}, {{crisis.status_url}}) are filled; any other {{...}} is refused with 409.")
    ResponseEntity<MessageView> addMessage(@PathVariable long id, @Valid @RequestBody MessageRequest request) {
        TicketId ticket = new TicketId(id);
        AgentMessage message = new AgentMessage(request.body(), request.attachmentIds() == null ? List.of()
                : request.attachmentIds().stream().map(a -> new AttachmentRef(a, null, null, 0)).toList(), request.statusAfter(), request.scriptIds());
        long messageId = "NOTE".equals(request.kind()) ? tickets.addNote(ticket, message) : tickets.reply(ticket, message);
        return ResponseEntity.created(URI.create("/api/v1/tickets/" + id + "/messages/" + messageId))
                .body(messageView(tickets.message(messageId).orElseThrow()));
    }

    @PostMapping("/{id}/calls")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Log a phone call on the ticket")
    @ResponseStatus(HttpStatus.CREATED)
    TicketView logCall(@PathVariable long id, @Valid @RequestBody CallRequest request) {
        TicketId ticket = tickets.logCall(new PhoneCall(new TicketId(id), null, request.callerName(), request.callerPhone(), null,
                request.summary(), request.outcome(), request.statusAfter()));
        return view(ticket);
    }

    @PostMapping("/bulk")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Apply one action to many tickets", description = "Each ticket in its own transaction; the answer lists failures. Closing and replying in bulk need SUPERVISOR.")
    BulkResult bulk(@Valid @RequestBody BulkRequest request) {
        BulkAction action = new BulkAction(request.type(), request.assigneeId() == null ? null : new UserId(request.assigneeId()),
                request.group(), request.tag(), request.status(), request.body());
        return tickets.bulk(action, request.ticketIds().stream().map(TicketId::new).toList());
    }

    @PostMapping("/{id}/merge")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Merge this ticket into another (closed, pointing to the target; audited)")
    MergeResult merge(@PathVariable long id, @Valid @RequestBody MergeRequest request) {
        TicketId target = request.targetId() != null ? new TicketId(request.targetId())
                : tickets.findByNumber(request.targetNumber()).orElseThrow(() -> new NotFoundException("ticket number", request.targetNumber()));
        tickets.merge(new TicketId(id), target);
        return new MergeResult(id, target.value(), details(target).number());
    }

    @GetMapping("/{id}/links")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    Keyset<LinkedTicket> links(@PathVariable long id) {
        details(new TicketId(id));
        return Keyset.of(viewable.links(tickets.links(new TicketId(id))));
    }

    @PostMapping("/{id}/links")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Link a related ticket")
    Keyset<LinkedTicket> link(@PathVariable long id, @Valid @RequestBody LinkRequest request) {
        tickets.link(new TicketId(id), new TicketId(request.ticketId()));
        return Keyset.of(viewable.links(tickets.links(new TicketId(id))));
    }

    @DeleteMapping("/{id}/links/{other}")
    @PreAuthorize("hasRole('AGENT')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void unlink(@PathVariable long id, @PathVariable long other) {
        tickets.unlink(new TicketId(id), new TicketId(other));
    }

    @PostMapping("/{id}/satisfaction")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Record the customer's satisfaction rating (CSAT)",
            description = "score 1..5 (4 and 5 count as good; a good/bad survey sends 5 or 1); a new rating replaces the previous one.")
    SatisfactionRating rate(@PathVariable long id, @Valid @RequestBody RatingRequest request) {
        return satisfaction.rate(new TicketId(id), request.score(), request.comment());
    }

    @GetMapping("/{id}/satisfaction")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "The ticket's satisfaction rating; 404 when it has none")
    SatisfactionRating rating(@PathVariable long id) {
        details(new TicketId(id));
        return satisfaction.of(new TicketId(id)).orElseThrow(() -> new NotFoundException("satisfaction rating of ticket", id));
    }

    /** An assignee who does not exist or was deactivated: 400 naming the field, like a validation error. */
    @ExceptionHandler(InvalidAssignee.class)
    ProblemDetail invalidAssignee(InvalidAssignee e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", "assigneeId", "message", e.getMessage())));
        return problem;
    }

    // ---- views -----------------------------------------------------------------------------------------------------

    private TicketDetails details(TicketId id) {
        return tickets.find(id).orElseThrow(() -> new NotFoundException("ticket", id.value()));
    }

    private TicketView view(TicketId id) {
        TicketDetails ticket = details(id);
        return view(ticket, customers.find(ticket.customerId()));
    }

    private TicketView view(TicketDetails stored, Optional<CustomerProfile> customer) {
        TicketDetails ticket = viewable.details(stored);
        Requester requester = customer.map(masking::profileForViewer)
                .map(c -> new Requester(c.id().value(), c.name(), c.primaryEmail(), c.primaryPhone(), c.isVip()))
                .orElse(new Requester(ticket.customerId().value(), null, null, null, ticket.vip()));
        Map<String, String> fields = ticket.fields();
        return new TicketView(ticket.id().value(), ticket.number(), ticket.subject(), ticket.status(), ticket.priority(), ticket.channel(),
                requester, ticket.assigneeId(), ticket.groupName(), ticket.tags(), ticket.mergedIntoId() == null ? null : ticket.mergedIntoId().value(),
                ticket.createdAt(), ticket.updatedAt(), ticket.firstRespondedAt(), ticket.solvedAt(), ticket.closedAt(), ticket.slaState(),
                ticket.slaFirstResponseDueAt(), ticket.slaResolutionDueAt(), fields);
    }

    private MessageView messageView(TicketMessage stored) {
        TicketMessage m = viewable.message(stored, stored.bodyText());
        return new MessageView(m.id(), m.ticketId().value(), m.kind(), m.authorUserId(), m.authorCustomerId(), m.bodyText(),
                m.attachments().stream().map(AttachmentRef::id).toList(), m.deliveryStatus(), m.deliveryError(), m.callCaller(),
                m.callOutcome(), m.createdAt());
    }

    private void requireRole(Role role) {
        if (!currentUser.hasRole(role)) {
            throw new AccessDeniedException("this needs the " + role + " role");
        }
    }

    // ---- bodies ----------------------------------------------------------------------------------------------------

    /** The requester of a ticket as the caller may see it. */
    record Requester(long id, String name, String email, String phone, boolean vip) {
    }

    /** A ticket as the API shows it. */
    record TicketView(long id, long number, String subject, TicketStatus status, TicketPriority priority, Channel channel,
            Requester requester, Long assigneeId, String group, List<String> tags, Long mergedIntoId, Instant createdAt,
            Instant updatedAt, Instant firstRespondedAt, Instant solvedAt, Instant closedAt, String slaState,
            Instant slaFirstResponseDueAt, Instant slaResolutionDueAt, Map<String, String> fields) {
    }

    /** A message as the API shows it. */
    record MessageView(long id, long ticketId, String kind, Long authorUserId, Long authorCustomerId, String body,
            List<Long> attachmentIds, String deliveryStatus, String deliveryError, String caller, String callOutcome, Instant createdAt) {
    }

    /** Who asks: an existing customer's id, or an email address (a customer is found or created). */
    record RequesterRequest(@NotBlank @EmailAddress.Valid @Size(max = 254) String email, @Size(max = 200) String name) {
    }

    record NewTicketRequest(@NotBlank @Size(max = 500) String subject, @NotBlank @Size(max = 100_000) String body,
            @Valid RequesterRequest requester, Long customerId, Channel channel, TicketPriority priority,
            Set<@NotBlank @Size(max = 40) String> tags) {

        @AssertTrue(message = "give requester.email or customerId")
        boolean isRequesterOrCustomerId() {
            return customerId != null || requester != null;
        }
    }

    /** Fields left out stay as they are; {@code assigneeId} 0 unassigns; {@code tags} replaces the tag set. */
    record TicketPatch(TicketStatus status, TicketPriority priority, Long assigneeId, @Size(max = 64) String group,
            @Size(max = 50) List<@NotBlank @Size(max = 40) String> tags) {
    }

    record MessageRequest(@NotBlank @Size(max = 100_000) String body,
            @NotNull @jakarta.validation.constraints.Pattern(regexp = "REPLY|NOTE", message = "REPLY or NOTE") String kind,
            TicketStatus statusAfter, List<Long> attachmentIds, @Size(max = 500) String scriptIds) {
    }

    /** {@code statusAfter}: the ticket's status after the call; left out, the status stays (the outcome only describes the call). */
    record CallRequest(@Size(max = 100) String callerName, @Size(max = 40) String callerPhone, @NotBlank @Size(max = 20_000) String summary,
            CallOutcome outcome, TicketStatus statusAfter) {
    }

    record BulkRequest(@NotEmpty @Size(max = 500) List<@NotNull Long> ticketIds, @NotNull BulkAction.Type type, Long assigneeId,
            @Size(max = 64) String group, @Size(max = 40) String tag, TicketStatus status, @Size(max = 100_000) String body) {

        @AssertTrue(message = "the action is missing its value (tag, status or body)")
        boolean isComplete() {
            return switch (type == null ? BulkAction.Type.ASSIGN : type) {
                case ASSIGN -> true;
                case TAG, UNTAG -> tag != null && !tag.isBlank();
                case STATUS -> status != null;
                case REPLY -> body != null && !body.isBlank();
            };
        }
    }

    record MergeRequest(Long targetId, Long targetNumber) {

        @AssertTrue(message = "give targetId or targetNumber")
        boolean isTargetGiven() {
            return targetId != null || targetNumber != null;
        }
    }

    /** The merged ticket and where its conversation continues. */
    record MergeResult(long mergedId, long targetId, long targetNumber) {
    }

    record LinkRequest(@NotNull Long ticketId) {
    }

    /** A satisfaction rating: 1 (very unhappy) to 5 (very happy), with what the customer said. */
    record RatingRequest(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 2000) String comment) {
    }
}
