package com.steadydesk.identity.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.repository.ListCrudRepository;

/** All users. */
public interface Users extends ListCrudRepository<User, Long> {

    Optional<User> findByUsername(String username);

    List<User> findAllByOrderByUsername();

    /** One keyset page: the users after {@code username} in name order. */
    List<User> findByUsernameGreaterThanOrderByUsername(String username, Limit limit);

    long count();
}
