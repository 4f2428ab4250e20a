package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-linking", roles = "CRISIS_LEAD")
class BulkLinkingTests {

    @Autowired
    BulkLinking bulkLinking;
    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void findsTicketsByWordsTagChannelAndDateRange() {
        String word = "bulklink" + System.nanoTime();
        TicketId web = open(word + " 扣款失败", Channel.WEB);
        TicketId mail = open("邮件：" + word + " 重复扣款", Channel.EMAIL);
        TicketId other = open("无关的工单 " + System.nanoTime(), Channel.EMAIL);
        tickets.tag(mail, word + "-tag");
        tickets.tag(other, word + "-tag");
        CrisisId crisis = declared();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, null, null, null), 50))).containsExactly(mail, web);
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, Channel.EMAIL, null, null), 50))).containsExactly(mail);
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(null, word + "-tag", null, null, null), 50)))
                .containsExactly(other, mail);
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, null, today, today), 50))).containsExactly(mail, web);
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, null, today.plusDays(1), null), 50))).isEmpty();
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, null, null, today.minusDays(1)), 50))).isEmpty();
        assertThatThrownBy(() -> new BulkLinking.TicketSearch(null, null, null, today, today.minusDays(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void linksAllMatchesOrThePickedOnesAndMarksWhatIsLinkedAlready() {
        String word = "linkall" + System.nanoTime();
        TicketId first = open(word + " 无法登录", Channel.CHAT);
        TicketId second = open(word + " 登录超时", Channel.WEB);
        TicketId third = open(word + " 验证码收不到", Channel.WEB);
        CrisisId crisis = declared();
        BulkLinking.TicketSearch search = new BulkLinking.TicketSearch(word, null, null, null, null);

        BulkLinking.LinkResult picked = bulkLinking.linkSelected(crisis, List.of(second.value()));
        assertThat(picked.linked()).isEqualTo(1);
        BulkLinking.SearchResult result = bulkLinking.search(crisis, search, 50);
        assertThat(result.matching()).isEqualTo(3);
        assertThat(result.shown()).filteredOn(BulkLinking.Match::linked).extracting(m -> m.ticket().id()).containsExactly(second);

        BulkLinking.LinkResult all = bulkLinking.linkAll(crisis, search);

        assertThat(all.matched()).isEqualTo(3);
        assertThat(all.linked()).isEqualTo(2);
        assertThat(all.truncated()).isFalse();
        assertThat(crises.linkedTickets(crisis)).containsExactlyInAnyOrder(first, second, third);
        assertThat(tickets.find(first).orElseThrow().crisisId()).isEqualTo(crisis.value());
        assertThat(timeline.entries(crisis)).filteredOn(e -> e.kind().equals("TICKETS_LINKED")).extracting(TimelineEntry::text)
                .anyMatch(t -> t.contains("(SEARCH)"));
        assertThat(bulkLinking.search(crisis, search, 50).shown()).allMatch(BulkLinking.Match::linked);
    }

    private List<TicketId> ids(BulkLinking.SearchResult result) {
        return result.shown().stream().map(m -> m.ticket().id()).toList();
    }

    private CrisisId declared() {
        return crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "批量关联测试", null, null, List.of()),
                CrisisManagementTests.MINOR).id();
    }

    private TicketId open(String subject, Channel channel) {
        CustomerProfile customer = customers.identifyByEmail("link-" + System.nanoTime() + "@example.com", "客户");
        return tickets.open(OpenTicket.of(subject, "正文", customer.id(), channel), customer.vipTier());
    }
}
