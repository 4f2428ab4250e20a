package com.steadydesk.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.inbox.TicketStatus;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo's ratings land on demo tickets that are finished, as a customer can only rate a ticket once it is solved. */
class InboxDemoDataTests {

    @Test
    void everyDemoRatingBelongsToASolvedOrClosedDemoTicket() {
        Map<String, InboxDemoData.Demo> bySubject = InboxDemoData.DEMOS.stream()
                .collect(Collectors.toMap(InboxDemoData.Demo::subject, Function.identity()));
        assertThat(InboxDemoData.RATINGS).isNotEmpty().allSatisfy((subject, rating) -> {
            assertThat(bySubject).containsKey(subject);
            assertThat(bySubject.get(subject).status()).isIn(TicketStatus.SOLVED, TicketStatus.CLOSED);
            assertThat(rating.score()).isBetween(1, 5);
        });
    }
}
