package com.steadydesk.inbox.internal;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A ticket and its lifecycle rules. Deliberately does not map the {@code sla_*} columns: the SLA engine owns them and
 * updates them with SQL, so saving a ticket must never write them back.
 */
@Table("tickets")
public class Ticket {

    /** Longest tag accepted; tags are short labels such as 退款 or 物流. */
    public static final int MAX_TAG_LENGTH = 40;

    @Id
    private Long id;
    private long number;
    private String subject;
    private TicketStatus status;
    private TicketPriority priority;
    private Channel channel;
    private long customerId;
    private String requesterVipTier;
    private Long assigneeId;
    private String groupName;
    private String[] tags;
    private Long crisisId;
    private Long mergedIntoId;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant lastCustomerMessageAt;
    private Instant lastAgentReplyAt;
    private Instant firstRespondedAt;
    private Instant solvedAt;
    private Instant closedAt;
    @Version
    private Integer version;

    /** Changes made since loading, for the history table; never persisted with the row. */
    @Transient
    private final List<Change> changes = new ArrayList<>();

    @PersistenceCreator
    Ticket(Long id, long number, String subject, TicketStatus status, TicketPriority priority, Channel channel, long customerId,
            String requesterVipTier, Long assigneeId, String groupName, String[] tags, Long crisisId, Long mergedIntoId,
            Instant createdAt, Instant updatedAt, Instant lastCustomerMessageAt, Instant lastAgentReplyAt,
            Instant firstRespondedAt, Instant solvedAt, Instant closedAt, Integer version) {
        this.id = id;
        this.number = number;
        this.subject = subject;
        this.status = status;
        this.priority = priority;
        this.channel = channel;
        this.customerId = customerId;
        this.requesterVipTier = requesterVipTier;
        this.assigneeId = assigneeId;
        this.groupName = groupName;
        this.tags = tags == null ? new String[0] : tags;
        this.crisisId = crisisId;
        this.mergedIntoId = mergedIntoId;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.lastCustomerMessageAt = lastCustomerMessageAt;
        this.lastAgentReplyAt = lastAgentReplyAt;
        this.firstRespondedAt = firstRespondedAt;
        this.solvedAt = solvedAt;
        this.closedAt = closedAt;
        this.version = version;
    }

    /** A new ticket; {@code number} comes from the ticket number sequence. */
    public static Ticket open(long number, String subject, Channel channel, long customerId, String vipTier,
            TicketPriority priority, Set<String> tags, Instant now) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a ticket needs a subject");
        }
        String trimmed = subject.strip();
        Ticket ticket = new Ticket(null, number, trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed, TicketStatus.NEW,
                priority == null ? TicketPriority.NORMAL : priority, channel == null ? Channel.API : channel, customerId,
                vipTier == null ? "NONE" : vipTier, null, null, new String[0], null, null, now, now, null, null, null, null, null,
                null);
        for (String tag : tags == null ? Set.<String>of() : tags) {
            ticket.addTagQuietly(tag);
        }
        return ticket;
    }

    // ---- status machine -------------------------------------------------------------------------------------------

    /** Whether the status machine allows {@code from → to}; staying put is always allowed. */
    public static boolean allows(TicketStatus from, TicketStatus to) {
        if (from == to) {
            return true;
        }
        if (from == TicketStatus.CLOSED || to == TicketStatus.NEW) {
            return false; // a closed ticket is frozen (follow up instead); nothing goes back to "new"
        }
        return true;
    }

    /** Moves to {@code to}; a closed ticket cannot be reopened, only followed up. */
    public void changeStatus(TicketStatus to, String actor, Instant now) {
        if (to == null || to == status) {
            return;
        }
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolation("ticket.closed", "ticket #" + number + " is closed; open a follow-up instead");
        }
        if (to == TicketStatus.NEW) {
            throw new DomainRuleViolation("ticket.status.back-to-new", "a ticket cannot go back to NEW");
        }
        TicketStatus from = status;
        status = to;
        if (to == TicketStatus.SOLVED) {
            solvedAt = now;
        } else if (from == TicketStatus.SOLVED && to != TicketStatus.CLOSED) {
            solvedAt = null; // reopened
        }
        if (to == TicketStatus.CLOSED) {
            closedAt = now;
        }
        record("status", from.name(), to.name(), actor, now);
    }

    /** The customer wrote again: a solved or pending ticket opens again. A closed one refuses (the caller follows up). */
    public void customerWrote(Instant at) {
        requireNotClosed();
        lastCustomerMessageAt = at;
        if (status == TicketStatus.SOLVED || status == TicketStatus.PENDING) {
            changeStatus(TicketStatus.OPEN, "customer", at);
        }
        touch(at);
    }

    /** An agent answered in public; the first answer sets the first response time. */
    public void agentReplied(TicketStatus statusAfter, String actor, Instant at) {
        requireNotClosed();
        lastAgentReplyAt = at;
        if (firstRespondedAt == null) {
            firstRespondedAt = at;
        }
        if (statusAfter != null) {
            changeStatus(statusAfter, actor, at);
        } else if (status == TicketStatus.NEW) {
            changeStatus(TicketStatus.OPEN, actor, at);
        }
        touch(at);
    }

    /** An internal note or a logged call was added; allowed on closed tickets too (notes explain what happened). */
    public void noted(Instant at) {
        touch(at);
    }

    // ---- assignment, priority, tags --------------------------------------------------------------------------------

    public void assign(Long userId, String group, String actor, Instant now) {
        requireNotClosed();
        if (!java.util.Objects.equals(assigneeId, userId)) {
            record("assignee", str(assigneeId), str(userId), actor, now);
            assigneeId = userId;
        }
        String g = group == null || group.isBlank() ? null : group.strip();
        if (!java.util.Objects.equals(groupName, g)) {
            record("group", groupName, g, actor, now);
            groupName = g;
        }
        touch(now);
    }

    public void changePriority(TicketPriority to, String actor, Instant now) {
        requireNotClosed();
        if (to != null && to != priority) {
            record("priority", priority.name(), to.name(), actor, now);
            priority = to;
            touch(now);
        }
    }

    /** Links the ticket to a crisis (an opaque id owned by the crisis module), or unlinks it with null. Closed tickets too. */
    public void linkToCrisis(Long crisis, String actor, Instant now) {
        if (!java.util.Objects.equals(crisis, crisisId)) {
            record("crisis", crisisId == null ? null : String.valueOf(crisisId), crisis == null ? null : String.valueOf(crisis), actor, now);
            crisisId = crisis;
            touch(now);
        }
    }

    public void tag(String tag, String actor, Instant now) {
        requireNotClosed();
        String before = String.join(",", tags);
        if (addTagQuietly(tag)) {
            record("tags", before, String.join(",", tags), actor, now);
            touch(now);
        }
    }

    public void untag(String tag, String actor, Instant now) {
        requireNotClosed();
        String normal = normalTag(tag);
        Set<String> set = new LinkedHashSet<>(List.of(tags));
        String before = String.join(",", tags);
        if (set.remove(normal)) {
            tags = set.toArray(String[]::new);
            record("tags", before, String.join(",", tags), actor, now);
            touch(now);
        }
    }

    /** The VIP tier copied from the customer profile (views and SLA read it). */
    public void requesterTierChanged(String tier, Instant now) {
        if (tier != null && !tier.equals(requesterVipTier)) {
            requesterVipTier = tier;
            touch(now);
        }
    }

    // ---- merge -----------------------------------------------------------------------------------------------------

    /** Closes this ticket as a duplicate of {@code target}; its conversation stays readable through the target. */
    public void mergeInto(Ticket target, String actor, Instant now) {
        if (target.id.equals(id)) {
            throw new DomainRuleViolation("ticket.merge.self", "a ticket cannot be merged into itself");
        }
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolation("ticket.merge.source-closed", "ticket #" + number + " is closed and cannot be merged");
        }
        if (target.status == TicketStatus.CLOSED || target.mergedIntoId != null) {
            throw new DomainRuleViolation("ticket.merge.target-closed", "ticket #" + target.number + " is closed; pick an open ticket");
        }
        if (target.customerId != customerId) {
            throw new DomainRuleViolation("ticket.merge.other-customer", "only tickets of the same customer can be merged");
        }
        mergedIntoId = target.id;
        record("merged_into", null, "#" + target.number, actor, now);
        changeStatus(TicketStatus.CLOSED, actor, now);
        touch(now);
        target.touch(now);
    }

    /** Marks a change that is not a field of the row (links, merges into this ticket) in the history and list order. */
    public void recordEvent(String field, String oldValue, String newValue, String actor, Instant now) {
        record(field, oldValue, newValue, actor, now);
        touch(now);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------------

    private boolean addTagQuietly(String tag) {
        String normal = normalTag(tag);
        Set<String> set = new LinkedHashSet<>(List.of(tags));
        if (set.add(normal)) {
            tags = set.toArray(String[]::new);
            return true;
        }
        return false;
    }

    /** Tags are trimmed, lower-cased (Latin), without spaces or commas, at most {@link #MAX_TAG_LENGTH} characters. */
    public static String normalTag(String tag) {
        if (tag == null || tag.isBlank()) {
            throw new IllegalArgumentException("a tag cannot be empty");
        }
        String t = tag.strip().toLowerCase(Locale.ROOT);
        if (t.length() > MAX_TAG_LENGTH || t.contains(",") || t.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a tag has at most " + MAX_TAG_LENGTH + " characters, no spaces or commas");
        }
        return t;
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new DomainRuleViolation("ticket.closed", "ticket #" + number + " is closed; open a follow-up instead");
        }
    }

    private void touch(Instant now) {
        if (updatedAt == null || now.isAfter(updatedAt)) {
            updatedAt = now;
        }
    }

    private void record(String field, String from, String to, String actor, Instant at) {
        changes.add(new Change(field, from, to, actor, at));
    }

    private static String str(Long v) {
        return v == null ? null : v.toString();
    }

    /**
     * Binds the row of a new ticket in the order of {@link NewTickets}' insert, with its allocated id and number;
     * from then on the ticket is a stored one (version 0) that later saves update.
     */
    void bindInsert(long allocatedId, long allocatedNumber, java.sql.PreparedStatement ps) throws java.sql.SQLException {
        if (id != null) {
            throw new IllegalStateException("ticket " + id + " is stored already");
        }
        id = allocatedId;
        number = allocatedNumber;
        version = 0;
        ps.setLong(1, id);
        ps.setLong(2, number);
        ps.setString(3, subject);
        ps.setString(4, status.name());
        ps.setString(5, priority.name());
        ps.setString(6, channel.name());
        ps.setLong(7, customerId);
        ps.setString(8, requesterVipTier);
        ps.setObject(9, assigneeId, java.sql.Types.BIGINT);
        ps.setString(10, groupName);
        ps.setArray(11, ps.getConnection().createArrayOf("text", tags));
        ps.setObject(12, crisisId, java.sql.Types.BIGINT);
        ps.setTimestamp(13, timestamp(createdAt));
        ps.setTimestamp(14, timestamp(updatedAt));
        ps.setTimestamp(15, timestamp(lastCustomerMessageAt));
        ps.setTimestamp(16, timestamp(lastAgentReplyAt));
        ps.setTimestamp(17, timestamp(firstRespondedAt));
        ps.setTimestamp(18, timestamp(solvedAt));
        ps.setTimestamp(19, timestamp(closedAt));
    }

    private static java.sql.Timestamp timestamp(Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    /** Takes the changes recorded since the last call (for the history table). */
    public List<Change> drainChanges() {
        List<Change> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    /** One field change, as it goes into the history. */
    public record Change(String field, String from, String to, String actor, Instant at) {
    }

    public Long getId() { return id; }
    public long getNumber() { return number; }
    public String getSubject() { return subject; }
    public TicketStatus getStatus() { return status; }
    public TicketPriority getPriority() { return priority; }
    public Channel getChannel() { return channel; }
    public long getCustomerId() { return customerId; }
    public String getRequesterVipTier() { return requesterVipTier; }
    public Long getAssigneeId() { return assigneeId; }
    public String getGroupName() { return groupName; }
    public List<String> getTags() { return List.of(tags); }
    public Long getCrisisId() { return crisisId; }
    public Long getMergedIntoId() { return mergedIntoId; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getLastCustomerMessageAt() { return lastCustomerMessageAt; }
    public Instant getLastAgentReplyAt() { return lastAgentReplyAt; }
    public Instant getFirstRespondedAt() { return firstRespondedAt; }
    public Instant getSolvedAt() { return solvedAt; }
    public Instant getClosedAt() { return closedAt; }
}
