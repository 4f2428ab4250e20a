package com.steadydesk.inbox.internal;

import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The conversations of all tickets (append-only; lists are read in {@link InboxQueries}). */
public interface Messages extends ListCrudRepository<Message, Long> {

    Optional<Message> findByInboundMessageId(long inboundMessageId);

    /** The ticket holding a message with this email Message-ID (threading). */
    @Query("select ticket_id from ticket_messages where email_message_id = :messageId order by id limit 1")
    Optional<Long> ticketOfEmailMessageId(String messageId);

    /** The newest customer message of the ticket (and of tickets merged into it): replies answer it. */
    @Query("""
            select * from ticket_messages where kind = 'CUSTOMER'
              and (ticket_id = :ticketId or ticket_id in (select id from tickets where merged_into_id = :ticketId))
            order by created_at desc, id desc limit 1""")
    Optional<Message> lastCustomerMessage(long ticketId);

    @Modifying
    @Query("update ticket_messages set delivery_status = :status, delivery_error = :error where id = :id and kind = 'REPLY'")
    int updateDelivery(long id, String status, String error);
}
