package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@WithMockUser(username = "lead-timeline", roles = "CRISIS_LEAD")
class CrisisTimelineTests {

    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;
    @Autowired
    JdbcClient jdbc;

    @Test
    void linkedTicketsAreNamedByNumberAndKeepTheirIdsForTheLink() {
        TicketId first = CrisisTestSupport.ticket(customers, tickets, "无法登录", "登录页白屏");
        TicketId second = CrisisTestSupport.ticket(customers, tickets, "登录超时", "一直转圈");
        CrisisId crisis = crises.report(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "登录故障", null, null, List.of()));

        crises.linkTickets(crisis, List.of(first, second), CrisisManagement.BY_HAND);
        crises.unlinkTicket(crisis, second);

        List<TimelineEntry> entries = timeline.entries(crisis).stream().filter(e -> e.kind().equals("TICKETS_LINKED")).toList();
        assertThat(entries).hasSize(2);
        TimelineEntry linked = entries.get(0);
        assertThat(linked.text()).isEqualTo("2 ticket(s) linked (MANUAL): #" + number(first) + ", #" + number(second));
        assertThat(linked.caption()).isEqualTo("2 ticket(s) linked (MANUAL)");
        assertThat(linked.tickets()).containsExactly(new TimelineEntry.Ticket(first.value(), number(first)),
                new TimelineEntry.Ticket(second.value(), number(second)));
        assertThat(entries.get(1).text()).isEqualTo("ticket unlinked: #" + number(second));
        assertThat(entries.get(1).tickets()).containsExactly(new TimelineEntry.Ticket(second.value(), number(second)));
        assertThat(timeline.exportCsv(crisis)).contains("#" + number(first)).doesNotContain("[" + first.value());
    }

    @Test
    void entriesWrittenBeforeNumbersWereKeptStayAsTheyAreButShowTheNumbers() {
        TicketId first = CrisisTestSupport.ticket(customers, tickets, "退款未到账", "三天了");
        TicketId second = CrisisTestSupport.ticket(customers, tickets, "退款失败", "提示错误");
        CrisisId crisis = crises.report(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "退款故障", null, null, List.of()));
        String oldLinked = "2 ticket(s) linked (SEARCH): [" + first.value() + ", " + second.value() + "]";
        String oldUnlinked = "ticket " + second.value() + " unlinked";
        for (String text : List.of(oldLinked, oldUnlinked)) {
            jdbc.sql("insert into crisis_timeline (crisis_id, at, author, kind, text) values (?, ?, 'old', 'TICKETS_LINKED', ?)")
                    .params(crisis.value(), Timestamp.from(Instant.now()), text).update();
        }

        List<TimelineEntry> entries = timeline.entries(crisis).stream().filter(e -> e.author().equals("old")).toList();

        assertThat(entries).extracting(TimelineEntry::text).containsExactly(oldLinked, oldUnlinked);
        assertThat(entries).extracting(TimelineEntry::caption).containsExactly("2 ticket(s) linked (SEARCH)", "ticket unlinked");
        assertThat(entries.get(0).tickets()).containsExactly(new TimelineEntry.Ticket(first.value(), number(first)),
                new TimelineEntry.Ticket(second.value(), number(second)));
        assertThat(entries.get(1).tickets()).containsExactly(new TimelineEntry.Ticket(second.value(), number(second)));
    }

    @Test
    void aBigBatchShowsItsFirstTicketsAndCountsTheRest() {
        List<TimelineEntry.Ticket> named = java.util.stream.LongStream.rangeClosed(1, 25).mapToObj(i -> new TimelineEntry.Ticket(i, 10_000 + i))
                .toList();
        TimelineEntry entry = new TimelineEntry(1, new CrisisId(1), Instant.now(), "a", "TICKETS_LINKED", "t", "t", named);

        assertThat(entry.shownTickets()).hasSize(TimelineEntry.SHOWN_TICKETS).first().isEqualTo(named.get(0));
        assertThat(entry.moreTickets()).isEqualTo(5);
    }

    private long number(TicketId id) {
        return tickets.find(id).orElseThrow().number();
    }
}
