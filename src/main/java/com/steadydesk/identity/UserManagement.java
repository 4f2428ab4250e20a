package com.steadydesk.identity;

import com.steadydesk.identity.internal.User;
import com.steadydesk.identity.internal.Users;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, changes and looks up users; every change is audited. */
@Service
public class UserManagement {

    private final Users users;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditLog audit;
    private final CurrentUser currentUser;

    UserManagement(Users users, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock, AuditLog audit,
            CurrentUser currentUser) {
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.audit = audit;
        this.currentUser = currentUser;
    }

    /** A new user; the password must be at least 8 characters. */
    @Transactional
    public UserSummary create(NewUser command) {
        if (users.findByUsername(command.username()).isPresent()) {
            throw new DomainRuleViolation("user.username-taken", "username " + command.username() + " is taken");
        }
        checkPassword(command.password());
        User user = users.save(User.create(command.username(), command.displayName(), command.email(),
                passwords.encode(command.password()), command.roles(), Instant.now(clock)));
        audit.record("user.created", user.getUsername(), "roles=" + user.roleSet());
        return user.summary();
    }

    @Transactional
    public UserSummary update(UserId id, String displayName, String email, Set<Role> roles) {
        User user = load(id);
        user.changeProfile(displayName, email, roles);
        users.save(user);
        audit.record("user.updated", user.getUsername(), "roles=" + user.roleSet());
        return user.summary();
    }

    @Transactional
    public void deactivate(UserId id) {
        User user = load(id);
        if (user.getUsername().equals(currentUser.username())) {
            throw new DomainRuleViolation("user.self-deactivation", "you cannot deactivate yourself");
        }
        user.deactivate();
        users.save(user);
        audit.record("user.deactivated", user.getUsername(), null);
        events.publishEvent(new UserDeactivated(id, user.getUsername()));
    }

    @Transactional
    public void reactivate(UserId id) {
        User user = load(id);
        user.reactivate();
        users.save(user);
        audit.record("user.reactivated", user.getUsername(), null);
    }

    @Transactional
    public void resetPassword(UserId id, String newPassword) {
        checkPassword(newPassword);
        User user = load(id);
        user.changePassword(passwords.encode(newPassword));
        users.save(user);
        audit.record("user.password-reset", user.getUsername(), null);
    }

    @Transactional
    public void unlock(UserId id) {
        User user = load(id);
        user.unlock();
        users.save(user);
        audit.record("user.unlocked", user.getUsername(), null);
    }

    public Optional<UserSummary> findByUsername(String username) {
        return users.findByUsername(username).map(User::summary);
    }

    public Optional<UserSummary> findById(UserId id) {
        return users.findById(id.value()).map(User::summary);
    }

    public List<UserSummary> all() {
        return users.findAllByOrderByUsername().stream().map(User::summary).toList();
    }

    /** Active users holding the role (directly; the hierarchy is not expanded). */
    public List<UserSummary> withRole(Role role) {
        return all().stream().filter(u -> u.active() && u.roles().contains(role)).toList();
    }

    public boolean anyUsers() {
        return users.count() > 0;
    }

    private User load(UserId id) {
        return users.findById(id.value()).orElseThrow(() -> new NotFoundException("user", id.value()));
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must have at least 8 characters");
        }
    }

    /** Command to create a user. */
    public record NewUser(String username, String displayName, String email, String password, Set<Role> roles) {
    }
}
