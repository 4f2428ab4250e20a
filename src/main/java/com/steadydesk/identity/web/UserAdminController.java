package com.steadydesk.identity.web;

import com.steadydesk.identity.ApiToken;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserAccount;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.identity.internal.PasswordPolicy;
import com.steadydesk.platform.DomainRuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin screens for users: list, create, edit, deactivate/reactivate, reset password, unlock, tokens. */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

    static final int PAGE_SIZE = 50;

    private final UserManagement users;
    private final IdentityPages pages;
    private final Clock clock;

    UserAdminController(UserManagement users, IdentityPages pages, Clock clock) {
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    @ModelAttribute("allRoles")
    Role[] allRoles() {
        return Role.values();
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) String after, Model model) {
        model.addAttribute("page", users.accounts(after, PAGE_SIZE));
        model.addAttribute("now", Instant.now(clock));
        return "identity/users";
    }

    @GetMapping("/new")
    @PreAuthorize("hasRole('ADMIN')")
    String newUser(Model model) {
        model.addAttribute("form", new NewUserForm(null, null, null, EnumSet.of(Role.AGENT), null));
        return "identity/user-new";
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    String create(@Valid @ModelAttribute("form") NewUserForm form, BindingResult errors, RedirectAttributes redirect) {
        // only on an otherwise valid form: a form that failed to bind has no target to hang another error on
        if (!errors.hasErrors()) {
            users.passwordProblem(form.password(), form.username()).ifPresent(key -> errors.rejectValue("password", key));
        }
        if (!errors.hasErrors()) {
            try {
                UserSummary created = users.create(new NewUser(form.username().strip(), form.displayName().strip(),
                        blankToNull(form.email()), form.password(), form.roles()));
                redirect.addFlashAttribute("flash", pages.message("admin.users.created", created.username()));
                return "redirect:/admin/users/" + created.id().value();
            } catch (DomainRuleViolation e) {
                errors.rejectValue("username", "identity.error.usernameTaken");
            }
        }
        return "identity/user-new";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String show(@PathVariable long id, Model model) {
        UserAccount account = users.account(new UserId(id));
        model.addAttribute("editForm", new EditUserForm(account.displayName(), account.email(), account.roles()));
        model.addAttribute("passwordForm", new ResetPasswordForm(null));
        return detail(account, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    String update(@PathVariable long id, @Valid @ModelAttribute("editForm") EditUserForm form, BindingResult errors,
            Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("passwordForm", new ResetPasswordForm(null));
            return detail(users.account(new UserId(id)), model);
        }
        return act(id, redirect, "admin.users.updated",
                () -> users.update(new UserId(id), form.displayName().strip(), blankToNull(form.email()), form.roles()));
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasRole('ADMIN')")
    String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") ResetPasswordForm form,
            BindingResult errors, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            users.passwordProblem(form.newPassword(), users.account(new UserId(id)).username())
                    .ifPresent(key -> errors.rejectValue("newPassword", key));
        }
        if (errors.hasErrors()) {
            UserAccount account = users.account(new UserId(id));
            model.addAttribute("editForm", new EditUserForm(account.displayName(), account.email(), account.roles()));
            return detail(account, model);
        }
        return act(id, redirect, "admin.users.passwordReset", () -> users.resetPassword(new UserId(id), form.newPassword()));
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "admin.users.deactivated", () -> users.deactivate(new UserId(id)));
    }

    @PostMapping("/{id}/reactivate")
    @PreAuthorize("hasRole('ADMIN')")
    String reactivate(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "admin.users.reactivated", () -> users.reactivate(new UserId(id)));
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasRole('ADMIN')")
    String unlock(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, "admin.users.unlocked", () -> users.unlock(new UserId(id)));
    }

    @PostMapping("/{id}/tokens/{tokenId}/revoke")
    @PreAuthorize("hasRole('ADMIN')")
    String revokeToken(@PathVariable long id, @PathVariable long tokenId, RedirectAttributes redirect) {
        return act(id, redirect, "account.tokens.revoked", () -> users.revokeToken(new UserId(id), tokenId));
    }

    private String detail(UserAccount account, Model model) {
        List<ApiToken> tokens = users.tokens(account.id());
        model.addAttribute("user", account);
        model.addAttribute("tokens", tokens);
        model.addAttribute("now", Instant.now(clock));
        return "identity/user";
    }

    /** Runs an admin action; a broken rule (deactivating oneself...) comes back as a notice, not an error page. */
    private String act(long id, RedirectAttributes redirect, String successKey, Runnable action) {
        try {
            action.run();
            String username = users.account(new UserId(id)).username();
            redirect.addFlashAttribute("flash", pages.message(successKey, username));
        } catch (DomainRuleViolation e) {
            redirect.addFlashAttribute("flashError", pages.message("identity.rule." + e.rule()));
        }
        return "redirect:/admin/users/" + id;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The create form; the empty alternatives in the patterns leave blank fields to {@code @NotBlank} alone. */
    record NewUserForm(
            @NotBlank(message = "{error.required}") @Pattern(regexp = "|[A-Za-z0-9._@-]{2,64}", message = "{identity.error.username}") String username,
            @NotBlank(message = "{error.required}") @Size(max = 128, message = "{identity.error.tooLong}") String displayName,
            @Email(message = "{error.invalid}") @Size(max = 256, message = "{identity.error.tooLong}") String email,
            @NotEmpty(message = "{identity.error.roles}") Set<Role> roles,
            @NotNull(message = "{identity.error.password}") @Size(min = UserManagement.MIN_PASSWORD_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = "{identity.error.password}") String password) {
    }

    /** The edit form: what an admin may change about a user (not the username). */
    record EditUserForm(
            @NotBlank(message = "{error.required}") @Size(max = 128, message = "{identity.error.tooLong}") String displayName,
            @Email(message = "{error.invalid}") @Size(max = 256, message = "{identity.error.tooLong}") String email,
            @NotEmpty(message = "{identity.error.roles}") Set<Role> roles) {
    }

    /** The reset-password form. */
    record ResetPasswordForm(
            @NotNull(message = "{identity.error.password}") @Size(min = UserManagement.MIN_PASSWORD_LENGTH, max = PasswordPolicy.MAX_LENGTH, message = "{identity.error.password}") String newPassword) {
    }
}
