package com.steadydesk.inbox;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.OutgoingEmail;
import com.steadydesk.channels.ParsedInboundMessage;
import com.steadydesk.channels.QueuedEmail;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.inbox.internal.InboxQueries;
import com.steadydesk.inbox.internal.Message;
import com.steadydesk.inbox.internal.Messages;
import com.steadydesk.inbox.internal.NewTickets;
import com.steadydesk.inbox.internal.ReplyPlaceholders;
import com.steadydesk.inbox.internal.Ticket;
import com.steadydesk.inbox.internal.TicketJournal;
import com.steadydesk.inbox.internal.Tickets;
import com.steadydesk.inbox.sla.SlaStarts;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.PlaceholderCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox's public face: opens tickets from any channel, threads inbound mail, replies (by email with threading
 * headers), notes, calls, status, assignment, tags, merges, links and bulk actions, and answers the views.
 * Publishes {@link TicketOpened}, {@link MessageAdded}, {@link TicketStatusChanged} and {@link TicketChanged}.
 */
@Service
public class TicketManagement {

    private static final Pattern NUMBER_IN_SUBJECT = Pattern.compile("\\[#(\\d{1,18})]");
    private static final int MERGE_HOPS = 5;

    private final Tickets tickets;
    private final Messages messages;
    private final InboxQueries queries;
    private final TicketJournal journal;
    private final CustomerManagement customers;
    private final OutboundMail outboundMail;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate perTicket;
    private final NewTickets newTickets;
    private final SlaStarts slaStarts;
    private final PlaceholderCatalogue placeholderCatalogue;
    private final UserManagement users;

    TicketManagement(Tickets tickets, Messages messages, InboxQueries queries, TicketJournal journal, CustomerManagement customers,
            OutboundMail outboundMail, CurrentUser currentUser, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            PlatformTransactionManager transactions, NewTickets newTickets, SlaStarts slaStarts, PlaceholderCatalogue placeholderCatalogue,
            UserManagement users) {
        this.placeholderCatalogue = placeholderCatalogue;
        this.users = users;
        this.newTickets = newTickets;
        this.slaStarts = slaStarts;
        this.tickets = tickets;
        this.messages = messages;
        this.queries = queries;
        this.journal = journal;
        this.customers = customers;
        this.outboundMail = outboundMail;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.perTicket = new TransactionTemplate(transactions);
        this.perTicket.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // ---- opening and intake ----------------------------------------------------------------------------------------

    /**
     * Opens a ticket with the customer's first message. {@code requesterTier} is the customer's VIP tier as the caller
     * knows it (null = not VIP); later changes arrive with {@code CustomerUpdated}.
     */
    @Transactional
    public TicketId open(OpenTicket command, VipTier requesterTier) {
        return openAll(List.of(new TicketOpening(command, requesterTier))).get(0).id();
    }

    /**
     * Opens tickets in one transaction, with one batched insert per table: the intake path that carries a crisis's
     * surge (see {@code TicketIntake}). Either all open or, on an error, none; the caller decides whether to retry
     * them one by one.
     */
    @Transactional
    public List<TicketDetails> openAll(List<TicketOpening> openings) {
        Instant now = Instant.now(clock);
        List<Ticket> drafts = new ArrayList<>(openings.size());
        for (TicketOpening opening : openings) {
            OpenTicket command = opening.command();
            if (command.customerId() == null) {
                throw new IllegalArgumentException("a ticket needs a requester");
            }
            requireAssignable(command.assigneeId());
            Ticket ticket = draft(command.subject(), command.channel(), command.customerId(), opening.requesterTier(), command.priority(),
                    command.tags(), now);
            if (command.assigneeId() != null || command.groupName() != null) {
                ticket.assign(command.assigneeId() == null ? null : command.assigneeId().value(), command.groupName(), actor(), now);
            }
            drafts.add(ticket);
        }
        List<SlaStarts.Start> slas = insertNew(drafts, now);
        List<Message> firsts = new ArrayList<>(openings.size());
        List<TicketDetails> opened = new ArrayList<>(openings.size());
        for (int i = 0; i < openings.size(); i++) {
            OpenTicket command = openings.get(i).command();
            Ticket ticket = drafts.get(i);
            journal.saveFields(ticket.getId(), command.fields());
            journal.describeAttachments(command.attachments());
            firsts.add(Message.fromCustomer(ticket.getId(), command.customerId().value(), command.body(), command.bodyHtml(),
                    ticket.getChannel().name(), null, null, List.of(), ids(command.attachments()), null, null, now));
            opened.add(details(ticket, slas.get(i), command.fields()));
        }
        newTickets.insertMessages(firsts);
        for (int i = 0; i < drafts.size(); i++) {
            TicketId id = new TicketId(drafts.get(i).getId());
            events.publishEvent(new TicketOpened(id, drafts.get(i).getChannel(), drafts.get(i).getSubject(), firsts.get(i).getBodyText()));
            events.publishEvent(new MessageAdded(id, firsts.get(i).getId(), Message.CUSTOMER));
        }
        return opened;
    }

    /**
     * Threads an inbound message into a ticket: by In-Reply-To/References, then by "[#number]" in the subject for the
     * same customer, else opens a ticket. A message to a solved ticket reopens it; to a closed one opens a follow-up
     * linked to it. Idempotent per inbound message: a second delivery answers the ticket of the first.
     */
    @Transactional
    public TicketId receive(ParsedInboundMessage inbound, CustomerProfile customer) {
        Optional<Long> seen = messages.findByInboundMessageId(inbound.id().value()).map(Message::getTicketId);
        if (seen.isPresent()) {
            return new TicketId(seen.get());
        }
        Instant now = Instant.now(clock);
        List<Long> attachments = ids(inbound.attachments());
        journal.describeAttachments(inbound.attachments());
        Optional<Ticket> existing = thread(inbound, customer.id()).flatMap(tickets::findById);
        Ticket ticket;
        boolean opened;
        if (existing.isPresent() && existing.get().getStatus() != TicketStatus.CLOSED) {
            ticket = existing.get();
            TicketStatus before = ticket.getStatus();
            ticket.customerWrote(now);
            ticket = saveTicket(ticket);
            publishChanges(ticket, before);
            opened = false;
        } else {
            String subject = inbound.subject() == null || inbound.subject().isBlank() ? firstLine(inbound.textBody()) : inbound.subject();
            ticket = draft(subject, inbound.channel(), customer.id(), customer.vipTier(), TicketPriority.NORMAL, null, now);
            insertNew(List.of(ticket), now);
            journal.saveFields(ticket.getId(), inbound.fields() == null ? Map.of() : inbound.fields());
            if (existing.isPresent()) {
                Ticket closed = existing.get();
                journal.link(ticket.getId(), closed.getId(), "FOLLOW_UP_OF", "FOLLOWED_UP_BY", "system", now);
                messages.save(Message.system(ticket.getId(), "follow-up-of", List.of("#" + closed.getNumber()), now));
            }
            opened = true;
        }
        Message message = messages.save(Message.fromCustomer(ticket.getId(), customer.id().value(), inbound.textBody(),
                inbound.sanitizedHtml(), inbound.channel().name(), inbound.messageId(), inbound.inReplyTo(), inbound.references(),
                attachments, inbound.mailboxId(), inbound.id().value(), now));
        TicketId id = new TicketId(ticket.getId());
        if (opened) {
            events.publishEvent(new TicketOpened(id, ticket.getChannel(), ticket.getSubject(), message.getBodyText()));
        }
        events.publishEvent(new MessageAdded(id, message.getId(), Message.CUSTOMER));
        return id;
    }

    private Optional<Long> thread(ParsedInboundMessage inbound, CustomerId customer) {
        List<String> candidates = new ArrayList<>();
        if (inbound.inReplyTo() != null && !inbound.inReplyTo().isBlank()) {
            candidates.add(inbound.inReplyTo());
        }
        if (inbound.references() != null) {
            List<String> references = new ArrayList<>(inbound.references());
            java.util.Collections.reverse(references); // the newest reference is the most specific
            candidates.addAll(references);
        }
        for (String messageId : candidates) {
            Optional<Long> ticket = messages.ticketOfEmailMessageId(messageId.strip());
            if (ticket.isPresent()) {
                return ticket.map(this::followMerges);
            }
        }
        if (inbound.subject() != null) {
            Matcher m = NUMBER_IN_SUBJECT.matcher(inbound.subject());
            while (m.find()) {
                Optional<TicketId> byNumber = queries.ofCustomerByNumber(customer, Long.parseLong(m.group(1)));
                if (byNumber.isPresent()) {
                    return Optional.of(followMerges(byNumber.get().value()));
                }
            }
        }
        return Optional.empty();
    }

    /** A merged ticket is closed; its conversation continues on the ticket it was merged into. */
    private long followMerges(long ticketId) {
        long id = ticketId;
        for (int i = 0; i < MERGE_HOPS; i++) {
            Long next = tickets.findById(id).map(Ticket::getMergedIntoId).orElse(null);
            if (next == null) {
                return id;
            }
            id = next;
        }
        return id;
    }

    // ---- agent messages ----------------------------------------------------------------------------------------------

    /**
     * A public reply: placeholders filled (those of {@link PlaceholderCatalogue} for ticket replies), refused if any is
     * left; stored, then queued as an email threaded to the customer's last message (In-Reply-To, References), with the
     * ticket number in the subject. Answers the message id.
     */
    @Transactional
    public long reply(TicketId id, AgentMessage reply) {
        return reply(id, reply, true);
    }

    /**
     * @param takeOver an agent answering a ticket nobody has is the one working on it, so it is assigned to her (with
     *                 a history entry); a bulk reply (many tickets, one decision) leaves the assignment alone
     */
    private long reply(TicketId id, AgentMessage reply, boolean takeOver) {
        ReplyPlaceholders.requireFillable(reply.body());
        journal.describeAttachments(reply.attachments());
        Instant now = Instant.now(clock);
        Ticket ticket = load(id);
        TicketStatus before = ticket.getStatus();
        CustomerProfile customer = customers.find(new CustomerId(ticket.getCustomerId()))
                .orElseThrow(() -> new NotFoundException("customer", ticket.getCustomerId()));
        Optional<UserSummary> agent = currentUser.summary();
        String text = ReplyPlaceholders.fill(reply.body(), placeholderValues(ticket, customer, agent));
        if (takeOver && ticket.getAssigneeId() == null) {
            agent.filter(UserSummary::active).ifPresent(a -> ticket.assign(a.id().value(), ticket.getGroupName(), actor(), now));
        }
        ticket.agentReplied(reply.statusAfter(), actor(), now);
        Message message = messages.save(Message.byAgent(ticket.getId(), Message.REPLY, agent.map(a -> a.id().value()).orElse(null),
                text, reply.attachmentIds(), reply.scriptRefs(), now));
        String to = customer.primaryEmail();
        if (to != null) {
            Optional<Message> last = messages.lastCustomerMessage(ticket.getId());
            String inReplyTo = last.map(Message::getEmailMessageId).orElse(null);
            List<String> references = new ArrayList<>();
            last.map(Message::getEmailReferences).filter(r -> !r.isBlank()).ifPresent(r -> references.addAll(List.of(r.split(" "))));
            if (inReplyTo != null && !references.contains(inReplyTo)) {
                references.add(inReplyTo);
            }
            QueuedEmail queued = outboundMail.queue(new OutgoingEmail(last.map(Message::getMailboxId).orElse(null), to, customer.name(),
                    replySubject(ticket), text, null, inReplyTo, List.copyOf(references), reply.attachmentIds(),
                    "ticket-message:" + message.getId()));
            message.queuedAsEmail(queued.messageId(), inReplyTo, references);
            messages.save(message);
        }
        Ticket saved = saveTicket(ticket);
        publishChanges(saved, before);
        events.publishEvent(new MessageAdded(id, message.getId(), Message.REPLY));
        return message.getId();
    }

    /** "Re: subject [#number]": the number lets the customer's answer thread even without headers. */
    static String replySubject(Ticket ticket) {
        String tag = "[#" + ticket.getNumber() + "]";
        String subject = ticket.getSubject();
        String base = subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject;
        return base.contains(tag) ? base : base + " " + tag;
    }

    /** An internal note (never sent to the customer). Allowed on closed tickets. */
    @Transactional
    public long addNote(TicketId id, AgentMessage note) {
        journal.describeAttachments(note.attachments());
        Instant now = Instant.now(clock);
        Ticket ticket = load(id);
        ticket.noted(now);
        Message message = messages.save(Message.byAgent(ticket.getId(), Message.NOTE, currentUser.id().map(UserId::value).orElse(null),
                note.body(), note.attachmentIds(), note.scriptRefs(), now));
        saveTicket(ticket);
        events.publishEvent(new TicketChanged(id));
        events.publishEvent(new MessageAdded(id, message.getId(), Message.NOTE));
        return message.getId();
    }

    /**
     * Logs a phone call on a ticket, or as a new PHONE ticket. A call counts as a response. The ticket's status after
     * the call is the agent's choice ({@code statusAfter}); a new ticket without one opens OPEN, whatever the outcome
     * (an outcome describes the call, it does not close the customer's matter).
     */
    @Transactional
    public TicketId logCall(PhoneCall call) {
        Instant now = Instant.now(clock);
        Ticket ticket;
        boolean opened = call.ticketId() == null;
        if (opened) {
            CustomerProfile customer = call.customerId() != null
                    ? customers.find(call.customerId()).orElseThrow(() -> new NotFoundException("customer", call.customerId().value()))
                    : customers.identifyByPhone(requireText(call.callerPhone(), "callerPhone"), call.callerName());
            String subject = call.subject() == null || call.subject().isBlank() ? PhoneCall.subjectFrom(call.summary()) : call.subject().strip();
            subject = subject.isEmpty() ? firstLine(null) : subject;
            ticket = draft(subject, Channel.PHONE, customer.id(), customer.vipTier(), TicketPriority.NORMAL, null, now);
        } else {
            ticket = load(call.ticketId());
        }
        TicketStatus before = ticket.getStatus();
        CallOutcome outcome = call.outcome() == null ? CallOutcome.INFO_ONLY : call.outcome();
        ticket.agentReplied(call.statusAfter() == null && opened ? TicketStatus.OPEN : call.statusAfter(), actor(), now);
        if (opened) {
            insertNew(List.of(ticket), now); // with the status after the call, so the SLA clock starts in the right state
        } else {
            ticket = saveTicket(ticket);
        }
        String caller = join(call.callerName(), call.callerPhone());
        Message message = messages.save(Message.call(ticket.getId(), currentUser.id().map(UserId::value).orElse(null), caller,
                call.summary(), outcome.name(), now));
        TicketId id = new TicketId(ticket.getId());
        if (opened) {
            events.publishEvent(new TicketOpened(id, Channel.PHONE, ticket.getSubject(), message.getBodyText()));
        } else {
            publishChanges(ticket, before);
        }
        events.publishEvent(new MessageAdded(id, message.getId(), Message.PHONE));
        return id;
    }

    // ---- changes ---------------------------------------------------------------------------------------------------

    /** Moves the ticket's status; closing by hand needs AGENT (a TEMP_AGENT solves, a colleague closes). */
    @Transactional
    public void changeStatus(TicketId id, TicketStatus to) {
        if (to == TicketStatus.CLOSED && isPerson() && !currentUser.hasRole(Role.AGENT)) {
            throw new AccessDeniedException("closing a ticket needs the AGENT role");
        }
        change(id, t -> t.changeStatus(to, actor(), Instant.now(clock)));
    }

    /** Assigns to a user and/or a group (null clears); audited. */
    @Transactional
    public void assign(TicketId id, UserId assignee, String group) {
        requireAssignable(assignee);
        Ticket ticket = change(id, t -> t.assign(assignee == null ? null : assignee.value(), group, actor(), Instant.now(clock)));
        audit.record("ticket.assigned", "#" + ticket.getNumber(), "assignee=" + (assignee == null ? "-" : assignee.value())
                + " group=" + (group == null ? "-" : group));
    }

    @Transactional
    public void changePriority(TicketId id, TicketPriority priority) {
        change(id, t -> t.changePriority(priority, actor(), Instant.now(clock)));
    }

    /** Marks the ticket as part of a crisis (crisis module's opaque id), or clears it with null; inbox can then filter by it. */
    @Transactional
    public void linkToCrisis(TicketId id, Long crisisId) {
        change(id, t -> t.linkToCrisis(crisisId, actor(), Instant.now(clock)));
    }

    @Transactional
    public void tag(TicketId id, String tag) {
        change(id, t -> t.tag(tag, actor(), Instant.now(clock)));
    }

    @Transactional
    public void untag(TicketId id, String tag) {
        change(id, t -> t.untag(tag, actor(), Instant.now(clock)));
    }

    /**
     * Merges a duplicate into the target: the source is closed and points to the target, whose conversation shows the
     * source's messages from then on; both get a system line; audited.
     */
    @Transactional
    public void merge(TicketId source, TicketId target) {
        Instant now = Instant.now(clock);
        Ticket from = load(source);
        Ticket into = load(target);
        TicketStatus fromBefore = from.getStatus();
        from.mergeInto(into, actor(), now);
        into.recordEvent("merged_from", null, "#" + from.getNumber(), actor(), now);
        messages.save(Message.system(from.getId(), "merged-into", List.of("#" + into.getNumber(), actor()), now));
        messages.save(Message.system(into.getId(), "merged-from", List.of("#" + from.getNumber(), actor()), now));
        publishChanges(saveTicket(from), fromBefore);
        publishChanges(saveTicket(into), into.getStatus());
        audit.record("ticket.merged", "#" + from.getNumber(), "into #" + into.getNumber());
    }

    /** Links two related tickets (e.g. same incident, different customers). */
    @Transactional
    public void link(TicketId a, TicketId b) {
        if (a.equals(b)) {
            throw new DomainRuleViolation("ticket.link.self", "a ticket cannot be linked to itself");
        }
        Instant now = Instant.now(clock);
        Ticket first = load(a);
        Ticket second = load(b);
        if (journal.link(first.getId(), second.getId(), "RELATED", "RELATED", actor(), now)) {
            first.recordEvent("link", null, "#" + second.getNumber(), actor(), now);
            second.recordEvent("link", null, "#" + first.getNumber(), actor(), now);
            publishChanges(saveTicket(first), first.getStatus());
            publishChanges(saveTicket(second), second.getStatus());
        }
    }

    @Transactional
    public void unlink(TicketId a, TicketId b) {
        Instant now = Instant.now(clock);
        Ticket first = load(a);
        Ticket second = load(b);
        if (journal.unlink(first.getId(), second.getId())) {
            first.recordEvent("link", "#" + second.getNumber(), null, actor(), now);
            second.recordEvent("link", "#" + first.getNumber(), null, actor(), now);
            publishChanges(saveTicket(first), first.getStatus());
            publishChanges(saveTicket(second), second.getStatus());
        }
    }

    /** Copies the customer's (new) VIP tier onto their tickets. */
    @Transactional
    public void requesterTierChanged(CustomerId customer, VipTier tier) {
        journal.copyVipTier(customer.value(), tier == null ? VipTier.NONE.name() : tier.name());
    }

    /**
     * Applies one action to each ticket in its own transaction, so one failing ticket (e.g. closed) does not undo the
     * others; answers which succeeded and why the others failed. Audited as one decision.
     */
    public BulkResult bulk(BulkAction action, Collection<TicketId> ids) {
        requireBulkRole(action);
        if (action.type() == BulkAction.Type.REPLY) {
            ReplyPlaceholders.requireFillable(action.body());
        }
        if (action.type() == BulkAction.Type.ASSIGN) {
            requireAssignable(action.assigneeId());
        }
        List<TicketId> succeeded = new ArrayList<>();
        List<BulkResult.Failure> failures = new ArrayList<>();
        for (TicketId id : ids) {
            try {
                perTicket.executeWithoutResult(status -> applyOne(action, id));
                succeeded.add(id);
            } catch (DomainRuleViolation e) {
                failures.add(new BulkResult.Failure(id, e.rule(), e.getMessage()));
            } catch (NotFoundException | IllegalArgumentException | AccessDeniedException
                     | org.springframework.dao.OptimisticLockingFailureException e) {
                failures.add(new BulkResult.Failure(id, e.getClass().getSimpleName(), e.getMessage()));
            }
        }
        audit.record("ticket.bulk." + action.type().name().toLowerCase(), succeeded.size() + "/" + ids.size() + " tickets",
                describe(action) + (failures.isEmpty() ? "" : " failed=" + failures.stream().map(f -> f.ticketId().value()).toList()));
        return new BulkResult(List.copyOf(succeeded), List.copyOf(failures));
    }

    private void applyOne(BulkAction action, TicketId id) {
        switch (action.type()) {
            case ASSIGN -> change(id, t -> t.assign(action.assigneeId() == null ? null : action.assigneeId().value(),
                    action.groupName(), actor(), Instant.now(clock)));
            case TAG -> tag(id, action.tag());
            case UNTAG -> untag(id, action.tag());
            case STATUS -> changeStatus(id, action.status());
            case REPLY -> reply(id, AgentMessage.of(action.body()), false);
        }
    }

    /**
     * Closing or replying in bulk reaches many customers at once: a person needs SUPERVISOR for it. A crisis lead may
     * send a bulk reply (the crisis module sends an approved script to a crisis's tickets); system jobs may do both.
     */
    private void requireBulkRole(BulkAction action) {
        boolean close = action.type() == BulkAction.Type.STATUS && action.status() == TicketStatus.CLOSED;
        boolean reply = action.type() == BulkAction.Type.REPLY;
        if ((close || reply) && isPerson() && !currentUser.hasRole(Role.SUPERVISOR)
                && !(reply && currentUser.hasRole(Role.CRISIS_LEAD))) {
            throw new AccessDeniedException("bulk close and bulk reply need SUPERVISOR");
        }
    }

    /**
     * Hands a deactivated (or leaving) agent's open tickets on: to the queue (unassigned, {@code to} empty) or spread
     * over the named active colleagues in turn. Each ticket gets a history entry; answers how many moved.
     */
    @Transactional
    public int handOver(UserId from, List<UserId> to) {
        to.forEach(this::requireAssignable);
        List<TicketId> open = queries.openAssignedTo(from);
        Instant now = Instant.now(clock);
        for (int i = 0; i < open.size(); i++) {
            Long next = to.isEmpty() ? null : to.get(i % to.size()).value();
            change(open.get(i), t -> t.assign(next, t.getGroupName(), actor(), now));
        }
        if (!open.isEmpty()) {
            audit.record("ticket.handed-over", "user:" + from.value(), open.size() + " open tickets to "
                    + (to.isEmpty() ? "the queue" : to.stream().map(u -> String.valueOf(u.value())).toList()));
        }
        return open.size();
    }

    /** How many tickets still need work from the user (the hand-over page shows it). */
    public int openTicketsAssignedTo(UserId user) {
        return queries.openAssignedTo(user).size();
    }

    /** Refuses an assignee who does not exist or was deactivated: a ticket must never wait on someone who is gone. */
    private void requireAssignable(UserId assignee) {
        if (assignee == null) {
            return;
        }
        UserSummary user = users.findById(assignee).orElseThrow(() -> new InvalidAssignee(assignee, "ticket.assignee.unknown",
                "no user with id " + assignee.value()));
        if (!user.active()) {
            throw new InvalidAssignee(assignee, "ticket.assignee.inactive", "user " + user.username() + " is deactivated");
        }
    }

    private static String describe(BulkAction action) {
        return switch (action.type()) {
            case ASSIGN -> "assignee=" + (action.assigneeId() == null ? "-" : action.assigneeId().value()) + " group=" + action.groupName();
            case TAG, UNTAG -> "tag=" + action.tag();
            case STATUS -> "status=" + action.status();
            case REPLY -> "reply of " + (action.body() == null ? 0 : action.body().length()) + " chars";
        };
    }

    // ---- queries ---------------------------------------------------------------------------------------------------

    /** One page of a view (keyset-paginated, never OFFSET). */
    public Keyset<TicketSummary> list(InboxQuery query) {
        return queries.list(query);
    }

    /** Tickets per view for the sidebar, capped ("1000+"); "all" may be an estimate at scale. */
    public Map<InboxView, Long> viewCounts(UserId viewer) {
        return queries.counts(viewer);
    }

    public List<String> popularTags(int limit) {
        return queries.popularTags(limit);
    }

    /** How many tickets changed after the instant, capped (the live "N updated" bar). */
    public long changedSince(Instant since, int cap) {
        return queries.changedSince(since, cap);
    }

    /** Whether the attachment is part of the ticket's conversation (downloads are checked against it). */
    public boolean attachmentShownOn(TicketId id, long attachmentId) {
        return queries.attachmentShownOn(id, attachmentId);
    }

    public Optional<TicketDetails> find(TicketId id) {
        return queries.details(id);
    }

    public Optional<TicketId> findByNumber(long number) {
        return queries.idOfNumber(number);
    }

    /** The conversation, oldest first (with the messages of tickets merged into it). */
    public List<TicketMessage> messages(TicketId id) {
        return queries.messages(id);
    }

    public Optional<TicketMessage> message(long messageId) {
        return queries.message(messageId);
    }

    public List<TicketHistoryEntry> history(TicketId id) {
        return queries.history(id);
    }

    public List<LinkedTicket> links(TicketId id) {
        return queries.links(id);
    }

    /** The customer's tickets, newest first. */
    public List<TicketSummary> ticketsOf(CustomerId customer, int limit) {
        return queries.ofCustomer(customer, limit);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    /** A ticket not stored yet; {@link #insertNew} stores it. */
    private static Ticket draft(String subject, Channel channel, CustomerId customer, VipTier tier, TicketPriority priority,
            java.util.Set<String> tags, Instant now) {
        return Ticket.open(0, subject, channel, customer.value(), tier == null ? "NONE" : tier.name(), priority, tags, now);
    }

    /** Stores drafts with their SLA clocks started and the history of what was done to them before (an assignment). */
    private List<SlaStarts.Start> insertNew(List<Ticket> drafts, Instant now) {
        List<SlaStarts.Start> slas = drafts.stream().map(t -> slaStarts.start(new SlaStarts.Opening(t.getChannel(), t.getPriority(),
                t.getRequesterVipTier(), t.getStatus(), t.getCreatedAt()))).toList();
        List<List<Ticket.Change>> changes = drafts.stream().map(Ticket::drainChanges).toList();
        newTickets.insert(drafts, slas);
        Map<Long, SlaStarts.Start> clocks = new LinkedHashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            clocks.put(drafts.get(i).getId(), slas.get(i));
            journal.append(drafts.get(i).getId(), changes.get(i));
        }
        slaStarts.saveAll(clocks, now);
        return slas;
    }

    /** What a just-opened ticket's page shows, from what was written (no read back). */
    private static TicketDetails details(Ticket t, SlaStarts.Start sla, Map<String, String> fields) {
        return new TicketDetails(new TicketId(t.getId()), t.getNumber(), t.getSubject(), t.getStatus(), t.getPriority(), t.getChannel(),
                new CustomerId(t.getCustomerId()), t.getRequesterVipTier(), t.getAssigneeId(), t.getGroupName(), t.getTags(),
                t.getCrisisId(), null, t.getCreatedAt(), t.getUpdatedAt(), t.getLastCustomerMessageAt(), t.getLastAgentReplyAt(),
                t.getFirstRespondedAt(), t.getSolvedAt(), t.getClosedAt(), sla.state(), sla.firstResponseDueAt(),
                sla.resolutionDueAt(), sla.pausedSince(), sla.nextDueAt(), fields);
    }

    private Ticket change(TicketId id, java.util.function.Consumer<Ticket> change) {
        Ticket ticket = tickets.findForChangeById(id.value()).orElseThrow(() -> new NotFoundException("ticket", id.value()));
        TicketStatus before = ticket.getStatus();
        change.accept(ticket);
        Ticket saved = saveTicket(ticket);
        publishChanges(saved, before);
        return saved;
    }

    private Ticket load(TicketId id) {
        return tickets.findById(id.value()).orElseThrow(() -> new NotFoundException("ticket", id.value()));
    }

    /** Saves the row and writes what changed into the history. */
    private Ticket saveTicket(Ticket ticket) {
        List<Ticket.Change> changes = ticket.drainChanges();
        Ticket saved = tickets.save(ticket);
        journal.append(saved.getId(), changes);
        return saved;
    }

    private void publishChanges(Ticket ticket, TicketStatus before) {
        TicketId id = new TicketId(ticket.getId());
        if (before != ticket.getStatus()) {
            events.publishEvent(new TicketStatusChanged(id, before, ticket.getStatus()));
        }
        events.publishEvent(new TicketChanged(id));
    }

    private Map<String, String> placeholderValues(Ticket ticket, CustomerProfile customer, Optional<UserSummary> agent) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("customer.name", customer.name());
        values.put("ticket.number", String.valueOf(ticket.getNumber()));
        values.put("ticket.subject", ticket.getSubject());
        values.put("agent.name", agent.map(UserSummary::displayName).orElse(null));
        values.putAll(placeholderCatalogue.fixedValues());
        return values;
    }

    private String actor() {
        return currentUser.username();
    }

    private boolean isPerson() {
        return !"system".equals(currentUser.username());
    }

    private static String firstLine(String text) {
        if (text == null || text.isBlank()) {
            return "(no subject)";
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > 80 ? line.substring(0, 80) + "…" : line;
    }

    private static String requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value.strip();
    }

    private static List<Long> ids(List<com.steadydesk.channels.AttachmentRef> refs) {
        return refs == null ? List.of() : refs.stream().map(com.steadydesk.channels.AttachmentRef::id).toList();
    }

    private static String join(String a, String b) {
        String s = ((a == null ? "" : a.strip()) + " " + (b == null ? "" : b.strip())).strip();
        return s.isEmpty() ? null : s;
    }
}
