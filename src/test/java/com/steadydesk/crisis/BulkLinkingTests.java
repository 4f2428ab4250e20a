package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.inbox.AgentMessage;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.search.SearchIndex;
import java.time.Duration;
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
    @Autowired
    SearchIndex searchIndex;

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
    void wordsAlsoMatchTheFirstCustomerMessageButNotLaterNotes() {
        String word = "bodyword" + System.nanoTime();
        TicketId inSubject = open(word + " 页面打不开", Channel.WEB);
        TicketId inBody = open("无法下单", "下单时提示 " + word.toUpperCase() + " 错误", Channel.WEB);
        TicketId otherChannel = open("下单失败", "同样提示 " + word, Channel.EMAIL);
        TicketId inNoteOnly = open("退款咨询", "什么时候到账", Channel.WEB);
        tickets.addNote(inNoteOnly, AgentMessage.of("内部备注：可能和 " + word + " 有关"));
        tickets.tag(inBody, word + "-tag");
        CrisisId crisis = declared();

        // the index is kept in step after commit, on a background thread
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            searchIndex.refreshNow();
            assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, null, null, null), 50)))
                    .containsExactly(otherChannel, inBody, inSubject);
        });
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, null, Channel.WEB, null, null), 50)))
                .containsExactly(inBody, inSubject);
        assertThat(ids(bulkLinking.search(crisis, new BulkLinking.TicketSearch(word, word + "-tag", null, null, null), 50)))
                .containsExactly(inBody);

        BulkLinking.LinkResult all = bulkLinking.linkAll(crisis, new BulkLinking.TicketSearch(word, null, Channel.WEB, null, null));

        assertThat(all.matched()).isEqualTo(2);
        assertThat(crises.linkedTickets(crisis)).containsExactlyInAnyOrder(inSubject, inBody);
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
        return open(subject, "正文", channel);
    }

    private TicketId open(String subject, String body, Channel channel) {
        CustomerProfile customer = customers.identifyByEmail("link-" + System.nanoTime() + "@example.com", "客户");
        return tickets.open(OpenTicket.of(subject, body, customer.id(), channel), customer.vipTier());
    }
}
