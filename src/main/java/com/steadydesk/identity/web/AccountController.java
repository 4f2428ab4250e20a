package com.steadydesk.identity.web;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.IssuedApiToken;
import com.steadydesk.identity.UserAccount;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user's own page: profile, password change and personal API tokens. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final UserManagement users;
    private final CurrentUser currentUser;
    private final IdentityPages pages;
    private final Clock clock;

    AccountController(UserManagement users, CurrentUser currentUser, IdentityPages pages, Clock clock) {
        this.users = users;
        this.currentUser = currentUser;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    String show(Model model) {
        return page(model);
    }

    @PostMapping("/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(@Valid @ModelAttribute("passwordForm") ChangePasswordForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors() && !form.newPassword().equals(form.confirmation())) {
            errors.rejectValue("confirmation", "identity.error.passwordMismatch");
        }
        if (!errors.hasErrors()) {
            users.passwordProblem(form.newPassword(), currentUser.username()).ifPresent(key -> errors.rejectValue("newPassword", key));
        }
        if (!errors.hasErrors()) {
            try {
                users.changeOwnPassword(form.currentPassword(), form.newPassword());
                redirect.addFlashAttribute("flash", pages.message("account.password.changed"));
                return "redirect:/account";
            } catch (DomainRuleViolation e) {
                errors.rejectValue("currentPassword", "identity.error.currentPassword");
            }
        }
        return page(model);
    }

    @PostMapping("/tokens")
    @PreAuthorize("isAuthenticated()")
    String createToken(@Valid @ModelAttribute("tokenForm") NewTokenForm form, BindingResult errors, Model model,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return page(model);
        }
        // An expiry date means "usable through that day" where the user lives.
        Instant expiresAt = form.expiresOn() == null ? null : form.expiresOn().plusDays(1).atStartOfDay(pages.zone()).toInstant();
        IssuedApiToken issued = users.issueToken(form.name().strip(), expiresAt);
        // A flash attribute lives for exactly the next request: the secret is shown once and then gone.
        redirect.addFlashAttribute("newToken", issued);
        redirect.addFlashAttribute("flash", pages.message("account.tokens.created", form.name().strip()));
        return "redirect:/account";
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    @PreAuthorize("isAuthenticated()")
    String revokeToken(@PathVariable long tokenId, RedirectAttributes redirect) {
        users.revokeToken(me(), tokenId);
        redirect.addFlashAttribute("flash", pages.message("account.tokens.revoked"));
        return "redirect:/account";
    }

    /** Renders the page; a form that failed validation is already in the model, with its errors, and is kept. */
    private String page(Model model) {
        UserAccount account = users.account(me());
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", new ChangePasswordForm(null, null, null));
        }
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", new NewTokenForm(null, null));
        }
        model.addAttribute("user", account);
        model.addAttribute("tokens", users.tokens(account.id()));
        model.addAttribute("now", Instant.now(clock));
        return "identity/account";
    }

    private UserId me() {
        return currentUser.id().orElseThrow(() -> new NotFoundException("user", currentUser.username()));
    }

    /** Changing one's own password: the current one proves it is really them at the keyboard. */
    record ChangePasswordForm(
            @NotBlank(message = "{error.required}") String currentPassword,
            @NotNull(message = "{identity.error.password}") @Size(min = UserManagement.MIN_PASSWORD_LENGTH, max = 200, message = "{identity.error.password}") String newPassword,
            @NotBlank(message = "{error.required}") String confirmation) {
    }

    /** A new API token: a name saying where it is used, and an optional last day of validity. */
    record NewTokenForm(
            @NotBlank(message = "{error.required}") @Size(max = 100, message = "{identity.error.tooLong}") String name,
            @FutureOrPresent(message = "{identity.error.expiry}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn) {
    }
}
