package com.steadydesk.inbox.internal;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** All tickets (the aggregate; lists and views are read with SQL in {@link InboxQueries}). */
public interface Tickets extends ListCrudRepository<Ticket, Long> {

    Optional<Ticket> findByNumber(long number);

    @Query("select nextval('ticket_number_seq')")
    long nextNumber();
}
