package com.steadydesk.identity.internal;

import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security's view of our users: inactive users are disabled, locked users are locked. */
@Service
class UserAccounts implements UserDetailsService {

    private final Users users;
    private final Clock clock;

    UserAccounts(Users users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        User user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isActive())
                .accountLocked(user.isLocked(Instant.now(clock)))
                .roles(user.roleSet().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
