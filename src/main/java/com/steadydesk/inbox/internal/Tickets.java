package com.steadydesk.inbox.internal;

import java.util.Optional;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/** All tickets (the aggregate; lists and views are read with SQL in {@link InboxQueries}). */
public interface Tickets extends ListCrudRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(long number);

    /**
     * Loads a ticket to change it, holding its row lock until the transaction ends: a concurrent change (a crisis
     * linking it, an agent replying) waits instead of failing the version check.
     */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Ticket> findForChangeById(long id);
}
