package com.steadydesk.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Spring Security's view of our users: inactive users are disabled, locked users are locked. While the
 * {@link LoginThrottle} asks a login to wait, the answer is a locked stand-in whether or not the user exists, so the
 * password is not checked and the refusal tells nothing about which names exist.
 */
@Service
class UserAccounts implements UserDetailsService {

    private final Users users;
    private final LoginThrottle throttle;

    UserAccounts(Users users, LoginThrottle throttle) {
        this.users = users;
        this.throttle = throttle;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (!throttle.waitFor(username, LoginThrottle.currentAddress()).isZero()) {
            return org.springframework.security.core.userdetails.User.withUsername(username).password("{noop}")
                    .accountLocked(true).authorities(java.util.List.of()).build();
        }
        User user = users.findByUsername(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return org.springframework.security.core.userdetails.User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isActive())
                .roles(user.roleSet().stream().map(Enum::name).toArray(String[]::new))
                .build();
    }
}
