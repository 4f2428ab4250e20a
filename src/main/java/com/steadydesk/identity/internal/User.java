package com.steadydesk.identity.internal;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserAccount;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A person who logs in. Deactivation is decided here; failed logins are slowed down by the {@link LoginThrottle}. */
@Table("users")
public class User {

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String email;
    private String passwordHash;
    private boolean active;
    private Instant createdAt;
    private Instant lastLoginAt;
    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles;
    @Version
    private Integer version;

    @PersistenceCreator
    User(Long id, String username, String displayName, String email, String passwordHash, boolean active,
            Instant createdAt, Instant lastLoginAt, Set<RoleGrant> roles, Integer version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.active = active;
        this.createdAt = createdAt;
        this.lastLoginAt = lastLoginAt;
        this.roles = roles == null ? new HashSet<>() : new HashSet<>(roles);
        this.version = version;
    }

    public static User create(String username, String displayName, String email, String passwordHash, Set<Role> roles, Instant now) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{2,64}")) {
            throw new IllegalArgumentException("username must be 2-64 letters, digits or . _ @ -");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        return new User(null, username, displayName == null || displayName.isBlank() ? username : displayName, email, passwordHash,
                true, now, null, roles.stream().map(RoleGrant::new).collect(Collectors.toSet()), null);
    }

    public void loginSucceeded(Instant now) {
        lastLoginAt = now;
    }

    public void deactivate() {
        if (!active) {
            throw new DomainRuleViolation("user.already-inactive", "user " + username + " is already inactive");
        }
        active = false;
    }

    public void reactivate() {
        active = true;
    }

    public void changePassword(String newHash) {
        passwordHash = newHash;
    }

    public void changeProfile(String displayName, String email, Set<Role> newRoles) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("a user needs at least one role");
        }
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        this.email = email;
        this.roles = newRoles.stream().map(RoleGrant::new).collect(Collectors.toSet());
    }

    public Set<Role> roleSet() {
        Set<Role> set = EnumSet.noneOf(Role.class);
        roles.forEach(r -> set.add(r.role()));
        return set;
    }

    public UserSummary summary() {
        return new UserSummary(new UserId(id), username, displayName, email, roleSet(), active);
    }

    /** The admin view; {@code throttledUntil} comes from the {@link LoginThrottle}, which keeps no rows. */
    public UserAccount account(Instant throttledUntil) {
        return new UserAccount(new UserId(id), username, displayName, email, roleSet(), active, throttledUntil, lastLoginAt, createdAt);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }

    /** One row of user_roles. */
    @Table("user_roles")
    public record RoleGrant(Role role) {
    }
}
