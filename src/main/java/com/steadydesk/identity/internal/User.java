package com.steadydesk.identity.internal;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserAccount;
import com.steadydesk.identity.UserId;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Duration;
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

/** A person who logs in. Lock-out and deactivation are decided here, not in the filter chain. */
@Table("users")
public class User {

    /** Failed logins in a row that lock the account. */
    public static final int MAX_FAILED_LOGINS = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    @Id
    private Long id;
    private String username;
    private String displayName;
    private String email;
    private String passwordHash;
    private boolean active;
    private int failedLogins;
    private Instant lockedUntil;
    private Instant createdAt;
    private Instant lastLoginAt;
    @MappedCollection(idColumn = "user_id")
    private Set<RoleGrant> roles;
    @Version
    private Integer version;

    @PersistenceCreator
    User(Long id, String username, String displayName, String email, String passwordHash, boolean active, int failedLogins,
            Instant lockedUntil, Instant createdAt, Instant lastLoginAt, Set<RoleGrant> roles, Integer version) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.email = email;
        this.passwordHash = passwordHash;
        this.active = active;
        this.failedLogins = failedLogins;
        this.lockedUntil = lockedUntil;
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
                true, 0, null, now, null, roles.stream().map(RoleGrant::new).collect(Collectors.toSet()), null);
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Counts a failed login; the fifth in a row locks the account for {@link #LOCK_DURATION}. Answers whether it locked now. */
    public boolean loginFailed(Instant now) {
        failedLogins++;
        if (failedLogins >= MAX_FAILED_LOGINS) {
            lockedUntil = now.plus(LOCK_DURATION);
            failedLogins = 0;
            return true;
        }
        return false;
    }

    public void loginSucceeded(Instant now) {
        failedLogins = 0;
        lockedUntil = null;
        lastLoginAt = now;
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }

    public void deactivate() {
        if (!active) {
            throw new DomainRuleViolation("user.already-inactive", "user " + username + " is already inactive");
        }
        active = false;
    }

    public void reactivate() {
        active = true;
        unlock();
    }

    public void changePassword(String newHash) {
        passwordHash = newHash;
        unlock();
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

    public UserAccount account() {
        return new UserAccount(new UserId(id), username, displayName, email, roleSet(), active, lockedUntil, lastLoginAt, createdAt);
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getPasswordHash() { return passwordHash; }
    public boolean isActive() { return active; }
    public int getFailedLogins() { return failedLogins; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getLastLoginAt() { return lastLoginAt; }

    /** One row of user_roles. */
    @Table("user_roles")
    public record RoleGrant(Role role) {
    }
}
