package com.steadydesk.customers.web;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerManagement.NewCustomer;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.CustomerSearch;
import com.steadydesk.customers.VipTier;
import com.steadydesk.customers.internal.ContactPoint;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Customers over REST. A TEMP_AGENT reads them with phones and emails masked; an AGENT creates and changes them; the
 * VIP tier and account manager need a SUPERVISOR (403 otherwise).
 */
@RestController
@RequestMapping("/api/v1/customers")
@Tag(name = "Customers", description = "Customer profiles: contact points, external ids, VIP tier, account manager, notes")
class CustomerApiController {

    static final String EMAIL = ContactPoint.EMAIL_SYNTAX;
    static final String PHONE = ContactPoint.PHONE_SYNTAX;
    static final String EXTERNAL_ID = "[A-Za-z][A-Za-z0-9_-]{0,31}:\\S.{0,127}";

    private final CustomerManagement customers;

    CustomerApiController(CustomerManagement customers) {
        this.customers = customers;
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "Search customers, newest first",
            description = "q matches part of the name, an external id, or part of an email or phone. For temporary agents, who see "
                    + "contacts masked, phones and emails are taken out of q and never matched, so a search cannot confirm a masked number. "
                    + "Pass the answer's nextCursor as cursor for the following page.")
    Keyset<CustomerResource> list(@RequestParam(required = false) String q,
            @Parameter(description = "VIP for every VIP tier, or one of NONE, SILVER, GOLD, PLATINUM") @RequestParam(required = false) String tier,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "25") int limit) {
        boolean vipOnly = "VIP".equalsIgnoreCase(tier);
        VipTier oneTier = vipOnly || tier == null || tier.isBlank() ? null : VipTier.valueOf(tier.strip().toUpperCase(Locale.ROOT));
        Keyset<CustomerProfile> page = customers.searchForViewer(new CustomerSearch(q, oneTier, vipOnly, Keyset.cursor(cursor, after), limit));
        return new Keyset<>(page.rows().stream().map(CustomerResource::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    @Operation(summary = "One customer", description = "Phones and emails are masked for temporary agents (masked: true).")
    CustomerResource get(@PathVariable long id) {
        return customers.findForViewer(new CustomerId(id)).map(CustomerResource::of).orElseThrow(() -> new NotFoundException("customer", id));
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Create a customer", description = "vipTier and accountManager need a supervisor.")
    ResponseEntity<CustomerResource> create(@Valid @RequestBody CustomerBody body) {
        CustomerProfile created = customers.create(new NewCustomer(body.name(), body.emails(), body.phones(), body.externalIds(),
                body.vipTier(), body.accountManager(), body.notes()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + created.id().value())).body(CustomerResource.of(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Replace a customer's details",
            description = "Absent lists and notes are cleared; an absent vipTier or accountManager stays as it is. Changing either needs a supervisor.")
    CustomerResource replace(@PathVariable long id, @Valid @RequestBody CustomerBody body) {
        return CustomerResource.of(customers.update(new CustomerId(id), new CustomerChanges(body.name(), orEmpty(body.emails()),
                orEmpty(body.phones()), orEmpty(body.externalIds()), body.vipTier(), body.accountManager(),
                body.notes() == null ? "" : body.notes())));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    @Operation(summary = "Change some of a customer's details",
            description = "Absent fields stay as they are; an empty list or text clears. Changing vipTier or accountManager needs a supervisor.")
    CustomerResource patch(@PathVariable long id, @Valid @RequestBody CustomerPatch body) {
        return CustomerResource.of(customers.update(new CustomerId(id), new CustomerChanges(body.name(), body.emails(), body.phones(),
                body.externalIds(), body.vipTier(), body.accountManager(), body.notes())));
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** A customer to create, or all of its details to replace. */
    record CustomerBody(@NotBlank @Size(max = 200) String name,
            @Size(max = 10) List<@NotBlank @Email(regexp = EMAIL) @Size(max = 254) String> emails,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String> phones,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = EXTERNAL_ID, message = "must be system:value, e.g. shop:U10023") String> externalIds,
            VipTier vipTier, @Size(max = 64) String accountManager, @Size(max = 4000) String notes) {
    }

    /** Some details of a customer; what is absent stays as it is. */
    record CustomerPatch(@Size(min = 1, max = 200) String name,
            @Size(max = 10) List<@NotBlank @Email(regexp = EMAIL) @Size(max = 254) String> emails,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") String> phones,
            @Size(max = 10) List<@NotBlank @Pattern(regexp = EXTERNAL_ID, message = "must be system:value, e.g. shop:U10023") String> externalIds,
            VipTier vipTier, @Size(max = 64) String accountManager, @Size(max = 4000) String notes) {
    }

    /** A customer as the API answers it; masked is true when phones, emails and notes were masked for the caller. */
    record CustomerResource(long id, String name, List<String> emails, List<String> phones, List<String> externalIds, VipTier vipTier,
            boolean vip, String accountManager, String notes, Instant createdAt, boolean masked) {

        static CustomerResource of(CustomerProfile p) {
            return new CustomerResource(p.id().value(), p.name(), p.emails(), p.phones(), p.externalIds(), p.vipTier(), p.isVip(),
                    p.accountManager(), p.notes(), p.createdAt(), p.masked());
        }
    }

}
