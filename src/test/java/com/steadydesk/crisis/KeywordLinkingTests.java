package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

/** A declared crisis's keywords link the tickets that mention them as they are opened, and stop once it is closed. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-keywords", roles = "CRISIS_LEAD")
class KeywordLinkingTests {

    @Autowired
    CrisisManagement crises;
    @Autowired
    TicketManagement tickets;

    @Test
    void aTicketMentioningAKeywordIsLinkedOneWithoutIsNotAndClosingStopsIt() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付通道故障", null, null, List.of()),
                CrisisManagementTests.MINOR);
        crises.describeScope(crisis.id(), new CrisisScope(List.of("在线支付"), List.of(), List.of(), List.of("被扣两次", "Double charge")));

        TicketId inSubject = open("昨天被扣两次了", "请退一笔");
        TicketId inBody = open("order 10023", "I see a DOUBLE CHARGE on my card");
        TicketId unrelated = open("发票抬头写错了", "请帮忙改一下");

        await().atMost(Duration.ofSeconds(10)).until(() -> crises.linkedTickets(crisis.id()).containsAll(List.of(inSubject, inBody)));
        assertThat(tickets.find(inSubject).orElseThrow().crisisId()).isEqualTo(crisis.id().value());
        assertThat(crises.linkedTickets(crisis.id())).doesNotContain(unrelated);

        crises.resolve(crisis.id());
        crises.close(crisis.id());
        TicketId afterClose = open("又被扣两次", "还是扣了两次");
        TicketId marker = open("被扣两次 marker", "—");
        // nothing links any more: wait as long as a link would take, then check neither was linked
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> !crises.linkedTickets(crisis.id()).contains(afterClose) && !crises.linkedTickets(crisis.id()).contains(marker));
    }

    private TicketId open(String subject, String body) {
        return tickets.open(OpenTicket.of(subject, body, new CustomerId(77_001), Channel.EMAIL), null);
    }
}
