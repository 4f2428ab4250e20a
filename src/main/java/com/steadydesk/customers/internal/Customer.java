package com.steadydesk.customers.internal;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer: name, contact points, external ids, VIP tier, account manager and notes. The aggregate keeps its
 * contact points free of duplicates and within limits; who may change the tier is decided by CustomerManagement.
 */
@Table("customers")
public class Customer {

    public static final int MAX_NAME = 200;
    public static final int MAX_NOTES = 4000;
    /** Per kind; a profile with more is a sign of a bad import, not of a real person. */
    public static final int MAX_CONTACTS = 10;

    @Id
    private Long id;
    private String name;
    private VipTier vipTier;
    private String accountManager;
    private String notes;
    private Instant createdAt;
    private Instant updatedAt;
    @MappedCollection(idColumn = "customer_id", keyColumn = "position")
    private List<ContactPoint> contacts;
    @MappedCollection(idColumn = "customer_id", keyColumn = "position")
    private List<ExternalId> externalIds;
    @Version
    private Integer version;

    @PersistenceCreator
    Customer(Long id, String name, VipTier vipTier, String accountManager, String notes, Instant createdAt, Instant updatedAt,
            List<ContactPoint> contacts, List<ExternalId> externalIds, Integer version) {
        this.id = id;
        this.name = name;
        this.vipTier = vipTier == null ? VipTier.NONE : vipTier;
        this.accountManager = accountManager;
        this.notes = notes;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.contacts = contacts == null ? new ArrayList<>() : new ArrayList<>(contacts);
        this.externalIds = externalIds == null ? new ArrayList<>() : new ArrayList<>(externalIds);
        this.version = version;
    }

    public static Customer create(String name, Instant now) {
        return new Customer(null, checkName(name), VipTier.NONE, null, null, now, now, List.of(), List.of(), null);
    }

    public void rename(String newName, Instant now) {
        name = checkName(newName);
        updatedAt = now;
    }

    /** Adds the address unless the customer has it already (in any letter case). */
    public void addEmail(String email, Instant now) {
        add(ContactPoint.email(email), now);
    }

    /** Adds the number unless the customer has it already (in any format). */
    public void addPhone(String phone, Instant now) {
        add(ContactPoint.phone(phone), now);
    }

    /** Replaces all email addresses, keeping the given order (the first is the one replies go to). */
    public void replaceEmails(Collection<String> emails, Instant now) {
        replace(ContactPoint.Kind.EMAIL, emails, ContactPoint::email, now);
    }

    public void replacePhones(Collection<String> phones, Instant now) {
        replace(ContactPoint.Kind.PHONE, phones, ContactPoint::phone, now);
    }

    public void replaceExternalIds(Collection<String> ids, Instant now) {
        var parsed = new LinkedHashSet<ExternalId>();
        ids.stream().filter(s -> s != null && !s.isBlank()).map(ExternalId::parse).forEach(parsed::add);
        if (parsed.size() > MAX_CONTACTS) {
            throw new DomainRuleViolation("customer.too-many-external-ids", "a customer has at most " + MAX_CONTACTS + " external ids");
        }
        externalIds = new ArrayList<>(parsed);
        updatedAt = now;
    }

    public void changeTier(VipTier tier, Instant now) {
        vipTier = Objects.requireNonNull(tier, "tier");
        updatedAt = now;
    }

    /** {@code username} is a user of identity, or null for none; the caller checks that the user exists. */
    public void assignAccountManager(String username, Instant now) {
        accountManager = username == null || username.isBlank() ? null : username.strip();
        updatedAt = now;
    }

    public void changeNotes(String newNotes, Instant now) {
        String trimmed = newNotes == null || newNotes.isBlank() ? null : newNotes.strip();
        if (trimmed != null && trimmed.length() > MAX_NOTES) {
            throw new IllegalArgumentException("notes have at most " + MAX_NOTES + " characters");
        }
        notes = trimmed;
        updatedAt = now;
    }

    public CustomerProfile profile() {
        return new CustomerProfile(new CustomerId(id), name, values(ContactPoint.Kind.EMAIL), values(ContactPoint.Kind.PHONE),
                externalIds.stream().map(ExternalId::toString).toList(), vipTier, accountManager, notes, createdAt, false);
    }

    public List<ContactPoint> contacts() {
        return List.copyOf(contacts);
    }

    public List<ExternalId> externalIds() {
        return List.copyOf(externalIds);
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public VipTier getVipTier() { return vipTier; }
    public String getAccountManager() { return accountManager; }
    public String getNotes() { return notes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Integer getVersion() { return version; }

    private void add(ContactPoint point, Instant now) {
        if (contacts.stream().anyMatch(c -> c.kind() == point.kind() && c.lookup().equals(point.lookup()))) {
            return;
        }
        if (contacts.stream().filter(c -> c.kind() == point.kind()).count() >= MAX_CONTACTS) {
            throw new DomainRuleViolation("customer.too-many-contacts", "a customer has at most " + MAX_CONTACTS + " of each contact kind");
        }
        contacts.add(point);
        updatedAt = now;
    }

    private void replace(ContactPoint.Kind kind, Collection<String> values, Function<String, ContactPoint> parse, Instant now) {
        contacts.removeIf(c -> c.kind() == kind);
        values.stream().filter(v -> v != null && !v.isBlank()).map(parse).forEach(point -> add(point, now));
        updatedAt = now;
    }

    private List<String> values(ContactPoint.Kind kind) {
        return contacts.stream().filter(c -> c.kind() == kind).map(ContactPoint::value).toList();
    }

    /** The name trimmed and cut to {@link #MAX_NAME} characters; a customer cannot be nameless. */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a customer needs a name");
        }
        String trimmed = name.strip();
        return trimmed.length() > MAX_NAME ? trimmed.substring(0, MAX_NAME) : trimmed;
    }
}
