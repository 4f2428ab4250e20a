package com.steadydesk.customers;

import com.steadydesk.customers.internal.ContactPoint;
import com.steadydesk.customers.internal.Customer;
import com.steadydesk.customers.internal.CustomerQueries;
import com.steadydesk.customers.internal.CustomerQueries.TierFilter;
import com.steadydesk.customers.internal.Customers;
import com.steadydesk.customers.internal.ExternalId;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds, creates and changes customers. Intake identifies customers by email or phone (find or create, safe when two
 * messages of one new customer arrive at once); the {@code ForViewer} variants apply {@link ContactMasking}'s policy.
 * Only a SUPERVISOR (or above) may set the VIP tier or the account manager. Every change is audited and published as
 * {@link CustomerUpdated}.
 */
@Service
public class CustomerManagement {

    /** The external-id system of customers known only by a sender address that is not a valid e-mail address. */
    public static final String UNKNOWN_SENDER = "unknown-sender";

    private final Customers customers;
    private final CustomerQueries queries;
    private final ContactMasking masking;
    private final CurrentUser currentUser;
    private final UserManagement users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CustomerManagement(Customers customers, CustomerQueries queries, ContactMasking masking, CurrentUser currentUser,
            UserManagement users, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.customers = customers;
        this.queries = queries;
        this.masking = masking;
        this.currentUser = currentUser;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Finds the customer with this email address (in any letter case) or creates one (system use: intake). Unmasked.
     * A sender address that {@link EmailAddress} refuses ({@code root@localhost}, a quoted local part) cannot be a
     * contact point, yet its mail must still become a ticket: it identifies an "unknown sender" customer keyed by the
     * raw address (external id {@code unknown-sender:...}), found again by the next mail from it.
     */
    @Transactional
    public CustomerProfile identifyByEmail(String email, String displayName) {
        if (!EmailAddress.isValid(email)) {
            return identifyUnknownSender(email, displayName);
        }
        ContactPoint point = ContactPoint.email(email);
        String fallbackName = point.value().substring(0, point.value().indexOf('@'));
        return identify(point, displayName == null || displayName.isBlank() ? fallbackName : displayName);
    }

    /**
     * {@link #identifyByEmail} for a batch of requesters (ticket intake), keyed by the address as given: known
     * customers come from two queries for the whole batch, unknown ones are created one by one in the order of their
     * addresses (so that two batches never wait on each other's new addresses in opposite order). Unmasked.
     */
    @Transactional
    public Map<String, CustomerProfile> identifyAllByEmail(Map<String, String> namesByEmail) {
        Map<String, ContactPoint> points = new LinkedHashMap<>();
        Map<String, CustomerProfile> unknownSenders = new LinkedHashMap<>();
        namesByEmail.forEach((email, name) -> {
            if (EmailAddress.isValid(email)) {
                points.put(email, ContactPoint.email(email));
            } else {
                unknownSenders.put(email, identifyUnknownSender(email, name));
            }
        });
        Map<String, Long> owners = queries.customersWith(ContactPoint.Kind.EMAIL,
                points.values().stream().map(ContactPoint::lookup).distinct().toList());
        Map<Long, CustomerProfile> known = new java.util.HashMap<>();
        queries.profiles(owners.values().stream().distinct().toList()).forEach(p -> known.put(p.id().value(), p));
        Map<String, CustomerProfile> found = new LinkedHashMap<>();
        points.entrySet().stream().sorted(Map.Entry.comparingByValue(java.util.Comparator.comparing(ContactPoint::lookup)))
                .forEach(e -> {
                    CustomerProfile profile = java.util.Optional.ofNullable(owners.get(e.getValue().lookup())).map(known::get)
                            .orElseGet(() -> identifyByEmail(e.getKey(), namesByEmail.get(e.getKey())));
                    found.put(e.getKey(), profile);
                });
        found.putAll(unknownSenders);
        return found;
    }

    /** Unmasked batch lookup (system use, such as ticket intake); unknown ids are left out. */
    public Map<CustomerId, CustomerProfile> findAll(Collection<CustomerId> ids) {
        Map<CustomerId, CustomerProfile> found = new LinkedHashMap<>();
        queries.profiles(ids.stream().filter(Objects::nonNull).map(CustomerId::value).distinct().toList()).forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** Finds the customer with this phone number (however written) or creates one (system use: phone logs). Unmasked. */
    @Transactional
    public CustomerProfile identifyByPhone(String phone, String displayName) {
        ContactPoint point = ContactPoint.phone(phone);
        // A name made of the number would show it to everyone; the masked number names the customer just as well.
        return identify(point, displayName == null || displayName.isBlank() ? masking.maskPhone(point.value()) : displayName);
    }

    /** Unmasked; for system use such as sending a reply. */
    public Optional<CustomerProfile> find(CustomerId id) {
        return queries.profile(id.value());
    }

    /** Masked according to the current user's role. */
    public Optional<CustomerProfile> findForViewer(CustomerId id) {
        return find(id).map(masking::profileForViewer);
    }

    /** Batch lookup for lists (one query), masked according to the current user's role. Unknown ids are left out. */
    public Map<CustomerId, CustomerProfile> findAllForViewer(Collection<CustomerId> ids) {
        Map<CustomerId, CustomerProfile> found = findAll(ids);
        found.replaceAll((id, profile) -> masking.profileForViewer(profile));
        return found;
    }

    /**
     * Newest first, one keyset page, masked according to the current user's role. A viewer who sees contacts masked
     * cannot search by them: phones and addresses are taken out of the query and contact points are not matched, so that
     * trying the candidates behind {@code 130****2222} confirms none.
     */
    public Keyset<CustomerProfile> searchForViewer(CustomerSearch search) {
        TierFilter filter = search.vipOnly() ? TierFilter.VIP : search.tier() == null ? TierFilter.ALL : TierFilter.valueOf(search.tier().name());
        boolean seesContacts = masking.currentViewerSeesContacts();
        String query = masking.queryForViewer(search.query());
        if (query != null && query.isBlank() && search.query() != null && !search.query().isBlank()) {
            return new Keyset<>(List.of(), null); // the query was contact data only: no answer, rather than every customer
        }
        List<CustomerProfile> rows = queries.search(query, filter, cursor(search.after()), search.limit() + 1,
                seesContacts);
        boolean more = rows.size() > search.limit();
        List<CustomerProfile> page = (more ? rows.subList(0, search.limit()) : rows).stream().map(masking::profileForViewer).toList();
        return new Keyset<>(page, more ? String.valueOf(page.get(page.size() - 1).id().value()) : null);
    }

    /** A customer entered by a person; a tier or account manager needs SUPERVISOR. */
    @Transactional
    public CustomerProfile create(NewCustomer command) {
        Instant now = Instant.now(clock);
        Customer customer = Customer.create(command.name(), now);
        customer.replaceEmails(orEmpty(command.emails()), now);
        customer.replacePhones(orEmpty(command.phones()), now);
        customer.replaceExternalIds(orEmpty(command.externalIds()), now);
        customer.changeNotes(command.notes(), now);
        VipTier tier = command.vipTier() == null ? VipTier.NONE : command.vipTier();
        String manager = blankToNull(command.accountManager());
        if (tier != VipTier.NONE || manager != null) {
            requireSupervisor("set the VIP tier or account manager");
            customer.changeTier(tier, now);
            customer.assignAccountManager(checkedAccountManager(manager), now);
        }
        Customer saved = save(customer, null);
        audit.record("customer.created", target(saved), "tier=" + tier + (manager == null ? "" : ", accountManager=" + manager));
        events.publishEvent(new CustomerUpdated(new CustomerId(saved.getId())));
        return saved.profile();
    }

    /**
     * Changes what the command carries; a null field stays as it is, a blank text or an empty list clears it.
     * Changing the tier or the account manager needs SUPERVISOR, and is refused (403) even when other fields are fine.
     */
    @Transactional
    public CustomerProfile update(CustomerId id, CustomerChanges changes) {
        Customer customer = customers.findById(id.value()).orElseThrow(() -> new NotFoundException("customer", id.value()));
        Instant now = Instant.now(clock);
        List<String> changed = new ArrayList<>();
        VipTier oldTier = customer.getVipTier();
        String oldManager = customer.getAccountManager();
        if (changes.vipTier() != null && changes.vipTier() != oldTier) {
            requireSupervisor("change the VIP tier");
            customer.changeTier(changes.vipTier(), now);
            changed.add("tier " + oldTier + "→" + changes.vipTier());
        }
        if (changes.accountManager() != null && !Objects.equals(blankToNull(changes.accountManager()), oldManager)) {
            requireSupervisor("change the account manager");
            customer.assignAccountManager(checkedAccountManager(blankToNull(changes.accountManager())), now);
            changed.add("accountManager " + oldManager + "→" + customer.getAccountManager());
        }
        if (changes.name() != null && !changes.name().strip().equals(customer.getName())) {
            customer.rename(changes.name(), now);
            changed.add("name");
        }
        CustomerProfile before = customer.profile();
        applyIfGiven(changes.emails(), customer::replaceEmails, now);
        applyIfGiven(changes.phones(), customer::replacePhones, now);
        applyIfGiven(changes.externalIds(), customer::replaceExternalIds, now);
        if (changes.notes() != null) {
            customer.changeNotes(changes.notes(), now);
        }
        CustomerProfile after = customer.profile();
        addIfDifferent(changed, "emails", before, after, CustomerProfile::emails);
        addIfDifferent(changed, "phones", before, after, CustomerProfile::phones);
        addIfDifferent(changed, "externalIds", before, after, CustomerProfile::externalIds);
        addIfDifferent(changed, "notes", before, after, CustomerProfile::notes);
        if (changed.isEmpty()) {
            return after;
        }
        Customer saved = save(customer, customer.getId());
        audit.record("customer.updated", target(saved), String.join(", ", changed));
        events.publishEvent(new CustomerUpdated(id));
        return saved.profile();
    }

    /** Sets the tier alone; SUPERVISOR and above. */
    @Transactional
    public CustomerProfile changeTier(CustomerId id, VipTier tier) {
        return update(id, new CustomerChanges(null, null, null, null, tier, null, null));
    }

    private CustomerProfile identify(ContactPoint point, String name) {
        // A miss after losing the race means the winner was deleted in between; trying again settles it.
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<CustomerProfile> existing = queries.customerWith(point.kind(), point.lookup()).flatMap(queries::profile);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<Long> created = queries.createWithContact(Customer.checkName(name), point, Instant.now(clock));
            if (created.isPresent()) {
                audit.record("customer.identified", "customer:" + created.get(), "created from " + point.kind().name().toLowerCase());
                events.publishEvent(new CustomerUpdated(new CustomerId(created.get())));
                return queries.profile(created.get()).orElseThrow();
            }
        }
        throw new IllegalStateException("could not identify a customer by " + point.kind());
    }

    private CustomerProfile identifyUnknownSender(String rawAddress, String displayName) {
        String raw = rawAddress == null || rawAddress.isBlank() ? "(none)" : rawAddress.strip();
        // the external id holds 128 characters; a longer raw address is keyed by its start and a hash of the whole
        String key = raw.length() <= 128 ? raw : raw.substring(0, 100) + "#" + Integer.toHexString(raw.hashCode());
        ExternalId id = new ExternalId(UNKNOWN_SENDER, key);
        String name = displayName == null || displayName.isBlank() ? raw : displayName.strip();
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<CustomerProfile> existing = queries.customerWithExternalId(id).flatMap(queries::profile);
            if (existing.isPresent()) {
                return existing.get();
            }
            Optional<Long> created = queries.createWithExternalId(Customer.checkName(name), id, Instant.now(clock));
            if (created.isPresent()) {
                audit.record("customer.identified", "customer:" + created.get(), "created as unknown sender " + key);
                events.publishEvent(new CustomerUpdated(new CustomerId(created.get())));
                return queries.profile(created.get()).orElseThrow();
            }
        }
        throw new IllegalStateException("could not identify an unknown sender");
    }

    private Customer save(Customer customer, Long selfId) {
        List<ContactPoint> taken = queries.takenByOthers(customer.contacts(), selfId);
        if (!taken.isEmpty()) {
            throw contactTaken(taken.get(0).kind());
        }
        for (ExternalId externalId : customer.externalIds()) {
            if (queries.customerWithExternalId(externalId).filter(owner -> !owner.equals(selfId)).isPresent()) {
                throw new DomainRuleViolation("customer.external-id-taken", "external id " + externalId + " belongs to another customer");
            }
        }
        try {
            return customers.save(customer);
        } catch (RuntimeException e) {
            // Another transaction took one of the contact points between the check and the save.
            if (causedByDuplicateKey(e)) {
                throw new DomainRuleViolation("customer.contact-taken", "a contact point or external id belongs to another customer");
            }
            throw e;
        }
    }

    private static DomainRuleViolation contactTaken(ContactPoint.Kind kind) {
        return kind == ContactPoint.Kind.EMAIL
                ? new DomainRuleViolation("customer.email-taken", "this email address belongs to another customer")
                : new DomainRuleViolation("customer.phone-taken", "this phone number belongs to another customer");
    }

    private void requireSupervisor(String what) {
        if (!currentUser.hasRole(Role.SUPERVISOR)) {
            throw new AccessDeniedException("only a supervisor may " + what);
        }
    }

    private String checkedAccountManager(String username) {
        if (username == null) {
            return null;
        }
        return users.findByUsername(username.strip()).filter(UserSummary::active).map(UserSummary::username)
                .orElseThrow(() -> new IllegalArgumentException("no active user " + username + " to be account manager"));
    }

    private static void applyIfGiven(List<String> values, ReplaceAll replace, Instant now) {
        if (values != null) {
            replace.apply(values, now);
        }
    }

    private static void addIfDifferent(List<String> changed, String field, CustomerProfile before, CustomerProfile after,
            Function<CustomerProfile, Object> value) {
        if (!Objects.equals(value.apply(before), value.apply(after))) {
            changed.add(field);
        }
    }

    private static boolean causedByDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DuplicateKeyException) {
                return true;
            }
        }
        return false;
    }

    private static Long cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(after.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a cursor of this list: " + after);
        }
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String target(Customer customer) {
        return "customer:" + customer.getId();
    }

    @FunctionalInterface
    private interface ReplaceAll {
        void apply(Collection<String> values, Instant now);
    }

    /** A customer as entered by a person. */
    public record NewCustomer(String name, List<String> emails, List<String> phones, List<String> externalIds, VipTier vipTier,
            String accountManager, String notes) {
    }

    /** What to change; null fields stay as they are. */
    public record CustomerChanges(String name, List<String> emails, List<String> phones, List<String> externalIds,
            VipTier vipTier, String accountManager, String notes) {
    }
}
