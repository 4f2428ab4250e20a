package com.steadydesk.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.internal.DemoMailServer;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Demo mode out of the box: the demo mailboxes work against the local mail server, a customer's mail arrives by IMAP
 * and opens a ticket, and the agent's reply really leaves and can be read on the demo mailbox page.
 */
@SpringBootTest(properties = {"steadydesk.demo-data=true", "steadydesk.channels.poll-initial-delay-millis=500",
        "steadydesk.channels.poll-tick-millis=500", "steadydesk.channels.send-tick-millis=500"})
@AutoConfigureMockMvc
class DemoMailTests {

    @Autowired DemoMailServer server;
    @Autowired OutboundMail outbound;
    @Autowired TicketManagement tickets;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aDemoCustomersMailArrivesByImapAndTheReplyArrivesInTheLocalServerAndOnThePage() throws Exception {
        assertThat(outbound.sendingAvailable()).isTrue();
        long ticketId = await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("""
                        select t.ticket_id from ticket_messages t join inbound_messages m on m.id = t.inbound_message_id
                        where m.message_id = '<demo-customer-1@mail.example.cn>'""").query(Long.class).optional(),
                java.util.Optional::isPresent).get();

        tickets.reply(new TicketId(ticketId), AgentMessage.of("您好，已为您安排换货，新耳机明天发出。"));

        await().atMost(Duration.ofSeconds(60)).until(() -> server.received().stream()
                .anyMatch(m -> m.to().contains("chenjing@example.cn")
                        && new String(m.raw(), StandardCharsets.US_ASCII).contains("In-Reply-To: <demo-customer-1@mail.example.cn>")));
        mvc.perform(get("/admin/demo-mail")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("已为您安排换货，新耳机明天发出")))
                .andExpect(content().string(Matchers.containsString("chenjing@example.cn")));
        mvc.perform(get("/admin/outbox")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"outbound-mail-down\""))));
    }
}
