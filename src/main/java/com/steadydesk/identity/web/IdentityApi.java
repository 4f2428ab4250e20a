package com.steadydesk.identity.web;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserAccount;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** REST: who am I, and user administration for admins. Errors are problem+json (platform.ApiProblems). */
@RestController
@RequestMapping("/api/v1")
@Validated
@Tag(name = "Identity", description = "The caller's identity and user administration")
class IdentityApi {

    private final UserManagement users;
    private final CurrentUser currentUser;

    IdentityApi(UserManagement users, CurrentUser currentUser) {
        this.users = users;
        this.currentUser = currentUser;
    }

    @GetMapping("/me")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "The authenticated user, their roles and the roles they hold through the hierarchy")
    Me me(Authentication authentication) {
        UserSummary me = currentUser.summary().orElseThrow(() -> new NotFoundException("user", authentication.getName()));
        Set<String> effective = new TreeSet<>();
        // Only roles: Spring Security also grants authorities such as FACTOR_PASSWORD, which are no business of clients.
        currentUser.reachable(authentication.getAuthorities()).stream()
                .filter(a -> a.startsWith("ROLE_")).forEach(a -> effective.add(a.substring("ROLE_".length())));
        return new Me(me.id().value(), me.username(), me.displayName(), me.email(), me.roles(), effective);
    }

    @GetMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Users in name order, one keyset page; pass nextCursor as 'cursor' for the next page")
    Keyset<UserResource> list(@RequestParam(required = false) String cursor, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Keyset<UserAccount> page = users.accounts(Keyset.cursor(cursor, after), limit);
        return new Keyset<>(page.rows().stream().map(UserResource::of).toList(), page.nextCursor());
    }

    @GetMapping("/users/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One user")
    UserResource get(@PathVariable long id) {
        return UserResource.of(users.account(new UserId(id)));
    }

    @PostMapping("/users")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a user; 409 when the username is taken")
    ResponseEntity<UserResource> create(@Valid @RequestBody NewUserRequest request) {
        UserSummary created = users.create(new NewUser(request.username(), request.displayName(), request.email(),
                request.password(), request.roles()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id().value()))
                .body(UserResource.of(users.account(created.id())));
    }

    @PostMapping("/users/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate a user: no more logins or API calls; 409 when already inactive or yourself")
    ResponseEntity<Void> deactivate(@PathVariable long id) {
        users.deactivate(new UserId(id));
        return ResponseEntity.noContent().build();
    }

    /** The caller. */
    record Me(long id, String username, String displayName, String email, Set<Role> roles, Set<String> effectiveRoles) {
    }

    /** A user as the API shows it. */
    record UserResource(long id, String username, String displayName, String email, Set<Role> roles, boolean active,
            Instant lockedUntil, Instant lastLoginAt, Instant createdAt) {

        static UserResource of(UserAccount a) {
            return new UserResource(a.id().value(), a.username(), a.displayName(), a.email(), a.roles(), a.active(),
                    a.lockedUntil(), a.lastLoginAt(), a.createdAt());
        }
    }

    /** Body of POST /api/v1/users. */
    record NewUserRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{2,64}") String username,
            @Size(max = 128) String displayName,
            @Email @Size(max = 256) String email,
            @NotNull @Size(min = UserManagement.MIN_PASSWORD_LENGTH, max = 200) String password,
            @NotEmpty Set<Role> roles) {
    }
}
