package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

/** Tickets are searchable by their conversation (internal search only), and follow the ticket as it changes. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead", roles = "SUPERVISOR")
class TicketSearchTests {

    @Autowired
    TicketManagement tickets;
    @Autowired
    SearchIndex search;

    @Test
    void aNewTicketAndItsRepliesAreFoundByAgentsButNeverPublicly() {
        TicketId id = tickets.open(new OpenTicket("充电宝发烫", "我买的充电宝充电时严重发烫，担心起火。", null,
                new CustomerId(4_200_001), Channel.EMAIL, TicketPriority.HIGH, Set.of("安全"), Map.of(), List.of(), null, null), VipTier.NONE);

        List<SearchHit> hits = await().atMost(Duration.ofSeconds(10)).until(() -> find("发烫"), h -> !h.isEmpty());
        assertThat(hits).extracting(SearchHit::id).contains(String.valueOf(id.value()));
        assertThat(hits.get(0).fields()).containsEntry("url", "/inbox/tickets/" + id.value());
        assertThat(search.search(new SearchQuery("发烫", Set.of(), Map.of(), true, 10))).isEmpty();

        tickets.addNote(id, new AgentMessage("已转产品安全团队，批次号 PB-2026-11", List.of(), null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> find("PB-2026-11").stream().anyMatch(h -> h.id().equals(String.valueOf(id.value()))));
    }

    private List<SearchHit> find(String text) {
        search.refreshNow();
        return search.search(new SearchQuery(text, Set.of("ticket"), Map.of(), false, 10));
    }
}
