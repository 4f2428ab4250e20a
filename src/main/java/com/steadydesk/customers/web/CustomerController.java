package com.steadydesk.customers.web;

import com.steadydesk.customers.ContactMasking;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerManagement.NewCustomer;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.CustomerSearch;
import com.steadydesk.customers.VipTier;
import com.steadydesk.customers.internal.ContactPoint;
import com.steadydesk.customers.internal.ExternalId;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The customer screens: the searchable list, the profile, and the forms to create and edit a customer. */
@Controller
@RequestMapping("/customers")
class CustomerController {

    private static final String FORM = "customerForm";
    private static final Set<Role> STAFF = Set.of(Role.ADMIN, Role.SUPERVISOR, Role.AGENT);

    private final CustomerManagement customers;
    private final ContactMasking masking;
    private final CurrentUser currentUser;
    private final UserManagement users;
    private final MessageSource messages;
    private final ZoneId displayZone;

    CustomerController(CustomerManagement customers, ContactMasking masking, CurrentUser currentUser, UserManagement users,
            MessageSource messages, @Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId displayZone) {
        this.messages = messages;
        this.customers = customers;
        this.masking = masking;
        this.currentUser = currentUser;
        this.users = users;
        this.displayZone = displayZone;
    }

    @GetMapping
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String tier,
            @RequestParam(required = false) String after, Model model) {
        boolean vipOnly = "VIP".equalsIgnoreCase(tier);
        VipTier oneTier = vipOnly ? null : parseTier(tier);
        Keyset<CustomerProfile> page = customers.searchForViewer(new CustomerSearch(q, oneTier, vipOnly, after, 25));
        model.addAttribute("page", page);
        model.addAttribute("q", q);
        model.addAttribute("contactsIgnored", masking.queryLosesContacts(q));
        model.addAttribute("tier", vipOnly ? "VIP" : oneTier == null ? "" : oneTier.name());
        model.addAttribute("firstPage", after == null || after.isBlank());
        model.addAttribute("tiers", List.of(VipTier.PLATINUM, VipTier.GOLD, VipTier.SILVER, VipTier.NONE));
        addPermissions(model);
        return "customers/list";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('TEMP_AGENT')")
    String show(@PathVariable long id, Model model) {
        CustomerProfile customer = customers.findForViewer(new CustomerId(id))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("customer", customer);
        model.addAttribute("createdAt", customer.createdAt().atZone(displayZone));
        addPermissions(model);
        return "customers/show";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('AGENT')")
    String newForm(Model model) {
        model.addAttribute(FORM, CustomerForm.empty());
        return form(model, null);
    }

    @PostMapping
    @PreAuthorize("hasRole('AGENT')")
    String create(@Valid @ModelAttribute(FORM) CustomerForm form, BindingResult errors, Model model, RedirectAttributes redirect,
            WebRequest typed) {
        if (form == null) {
            return unbound(typed, model, null);
        }
        check(form, errors);
        if (errors.hasErrors()) {
            return form(model, null);
        }
        boolean supervisor = currentUser.hasRole(Role.SUPERVISOR);
        try {
            CustomerProfile created = customers.create(new NewCustomer(form.name(), form.emailList(), form.phoneList(),
                    form.externalIdList(), supervisor ? form.vipTier() : null, supervisor ? form.accountManager() : null, form.notes()));
            redirect.addFlashAttribute("flash", message("customers.flash.created"));
            return "redirect:/customers/" + created.id().value();
        } catch (DomainRuleViolation e) {
            reject(e, errors);
            return form(model, null);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasRole('AGENT')")
    String edit(@PathVariable long id, Model model) {
        // Unmasked on purpose: only AGENT and above come here, and masked values must never be saved back.
        CustomerProfile customer = customers.find(new CustomerId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute(FORM, CustomerForm.of(customer));
        return form(model, customer);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('AGENT')")
    String update(@PathVariable long id, @Valid @ModelAttribute(FORM) CustomerForm form, BindingResult errors, Model model,
            RedirectAttributes redirect, WebRequest typed) {
        CustomerProfile customer = customers.find(new CustomerId(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (form == null) {
            return unbound(typed, model, customer);
        }
        check(form, errors);
        if (errors.hasErrors()) {
            return form(model, customer);
        }
        // An agent's form has no tier fields, so theirs arrive empty and change nothing; a forged value is refused by the service.
        try {
            customers.update(customer.id(), new CustomerChanges(form.name(), form.emailList(), form.phoneList(), form.externalIdList(),
                    form.vipTier(), form.accountManager(), form.notes() == null ? "" : form.notes()));
            redirect.addFlashAttribute("flash", message("customers.flash.saved"));
            return "redirect:/customers/" + id;
        } catch (DomainRuleViolation e) {
            reject(e, errors);
            return form(model, customer);
        }
    }

    /**
     * A value that cannot be bound (a VIP tier that is none of ours) leaves Spring no form object: show the form again
     * with what was typed and the binding errors (already in the model) next to their fields.
     */
    private String unbound(WebRequest typed, Model model, CustomerProfile customer) {
        model.addAttribute(FORM, new CustomerForm(typed.getParameter("name"), typed.getParameter("emails"), typed.getParameter("phones"),
                typed.getParameter("externalIds"), typed.getParameter("notes"), null, typed.getParameter("accountManager")));
        return form(model, customer);
    }

    private String form(Model model, CustomerProfile customer) {
        model.addAttribute("customer", customer);
        model.addAttribute("tiers", VipTier.values());
        model.addAttribute("accountManagers", users.all().stream()
                .filter(u -> u.active() && u.roles().stream().anyMatch(STAFF::contains)).map(UserSummary::username).toList());
        addPermissions(model);
        return "customers/form";
    }

    private void addPermissions(Model model) {
        model.addAttribute("canEdit", currentUser.hasRole(Role.AGENT));
        model.addAttribute("canChangeTier", currentUser.hasRole(Role.SUPERVISOR));
        model.addAttribute("seesContacts", masking.currentViewerSeesContacts());
    }

    /** Line by line, so that the message names the line at fault. */
    private void check(CustomerForm form, BindingResult errors) {
        form.emailList().stream().filter(e -> !ContactPoint.isEmail(e)).findFirst()
                .ifPresent(bad -> errors.rejectValue("emails", "customers.error.email", new Object[] {bad}, "invalid email"));
        form.phoneList().stream().filter(p -> !ContactPoint.isPhone(p)).findFirst()
                .ifPresent(bad -> errors.rejectValue("phones", "customers.error.phone", new Object[] {bad}, "invalid phone"));
        for (String text : form.externalIdList()) {
            try {
                ExternalId.parse(text);
            } catch (IllegalArgumentException e) {
                errors.rejectValue("externalIds", "customers.error.external-id", new Object[] {text}, "invalid external id");
                break;
            }
        }
        String manager = form.accountManager();
        if (manager != null && !manager.isBlank() && users.findByUsername(manager.strip()).filter(UserSummary::active).isEmpty()) {
            errors.rejectValue("accountManager", "customers.error.account-manager", new Object[] {manager}, "unknown user");
        }
    }

    private static void reject(DomainRuleViolation e, BindingResult errors) {
        String field = switch (e.rule()) {
            case "customer.phone-taken" -> "phones";
            case "customer.external-id-taken", "customer.too-many-external-ids" -> "externalIds";
            default -> "emails";
        };
        errors.rejectValue(field, e.rule(), e.getMessage());
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }

    private static VipTier parseTier(String tier) {
        if (tier == null || tier.isBlank()) {
            return null;
        }
        try {
            return VipTier.valueOf(tier.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
