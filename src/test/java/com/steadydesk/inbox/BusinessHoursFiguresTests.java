package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.platform.MutableClock;
import com.steadydesk.platform.MutableClockConfiguration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Business-hours figures on tickets driven through the inbox with a frozen clock, so that their SLA clocks run on
 * the default policy (email: first response 4, resolution 27 business hours, Mon-Fri 09:00-18:00 Shanghai). The
 * tickets are opened in March 2039, a month no other test uses; every expected figure was computed by hand.
 */
@SpringBootTest(properties = "steadydesk.sla.scan-interval-ms=3600000")
@Import(MutableClockConfiguration.class)
@WithMockUser(username = "lead", roles = "SUPERVISOR")
class BusinessHoursFiguresTests {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant FRIDAY = at("2039-03-04T00:00");

    @Autowired
    TicketManagement tickets;
    @Autowired
    TicketStatistics statistics;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerManagement customers;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(String shanghaiTime) {
        return LocalDateTime.parse(shanghaiTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void countsBusinessHoursOnEachTicketsCalendarWithPendingTimeTakenOut() {
        // A: Fri 17:00 opened, Mon 10:00 answered (1 h Fri + 1 h Mon = 2 h), Mon 11:00 solved (1 + 2 = 3 h)
        TicketId a = openAt("2039-03-04T17:00");
        replyAt(a, "2039-03-07T10:00");
        statusAt(a, TicketStatus.SOLVED, "2039-03-07T11:00");
        // B: Mon 09:00 opened, 09:30 answered (0.5 h), 10:00 pending until Tue 15:00, solved Tue 16:00 (1 + 1 = 2 h)
        TicketId b = openAt("2039-03-07T09:00");
        replyAt(b, "2039-03-07T09:30");
        statusAt(b, TicketStatus.PENDING, "2039-03-07T10:00");
        statusAt(b, TicketStatus.OPEN, "2039-03-08T15:00");
        statusAt(b, TicketStatus.SOLVED, "2039-03-08T16:00");
        // C: Mon 12:00 opened, pending 13:00 until Wed 09:00 before any answer, answered Wed 11:00 (1 + 2 = 3 h),
        // closed Wed 12:00 (1 + 3 = 4 h)
        TicketId c = openAt("2039-03-07T12:00");
        statusAt(c, TicketStatus.PENDING, "2039-03-07T13:00");
        statusAt(c, TicketStatus.OPEN, "2039-03-09T09:00");
        replyAt(c, "2039-03-09T11:00");
        statusAt(c, TicketStatus.CLOSED, "2039-03-09T12:00");
        // D: Mon 09:00 opened, due Mon 13:00, answered late Tue 10:00: 4 h + 5 h Mon + 1 h Tue = 10 h; not resolved
        TicketId d = openAt("2039-03-07T09:00");
        replyAt(d, "2039-03-08T10:00");
        // E: answered after 1 h wall clock but without an SLA clock: wall-clock figures only
        TicketId e = withoutSlaClock(at("2039-03-07T09:00"), Duration.ofHours(1));

        ServiceFigures f = statistics.figures(TicketScope.opened(FRIDAY, FRIDAY.plus(Duration.ofDays(7))));

        assertThat(f.tickets()).isEqualTo(5);
        assertThat(f.responded()).isEqualTo(5);
        // wall clock, unchanged: answers after 65 h, 0.5 h, 47 h, 25 h, 1 h → median 25 h
        assertThat(f.firstResponseMedian()).isEqualTo(Duration.ofHours(25));
        ServiceFigures.BusinessHours bh = f.businessHours();
        // business: 0.5, 2, 3, 10 h → median 2.5 h; p90 at 0.9 * 3 = 2.7 → 3 + 0.7 * 7 = 7.9 h
        assertThat(bh.responded()).isEqualTo(4);
        assertThat(bh.firstResponseMedian()).isEqualTo(Duration.ofMinutes(150));
        assertThat(bh.firstResponseP90()).isEqualTo(Duration.ofMinutes(474));
        // business: 2, 3, 4 h → median 3 h; p90 at 0.9 * 2 = 1.8 → 3 + 0.8 * 1 = 3.8 h
        assertThat(bh.resolved()).isEqualTo(3);
        assertThat(bh.resolutionMedian()).isEqualTo(Duration.ofHours(3));
        assertThat(bh.resolutionP90()).isEqualTo(Duration.ofMinutes(228));

        // a reopened ticket is unresolved again, in business hours too: only C (4 h) is left
        statusAt(a, TicketStatus.OPEN, "2039-03-09T13:00");
        ServiceFigures reopened = statistics.figures(TicketScope.openedAmong(FRIDAY, FRIDAY.plus(Duration.ofDays(7)), Set.of(a, c, e)));
        assertThat(reopened.businessHours().resolved()).isEqualTo(1);
        assertThat(reopened.businessHours().resolutionMedian()).isEqualTo(Duration.ofHours(4));
        // first responses of A and C: 2 and 3 h, p90 2 + 0.9 * 1 = 2.9 h; E has no clock
        assertThat(reopened.businessHours().responded()).isEqualTo(2);
        assertThat(reopened.businessHours().firstResponseP90()).isEqualTo(Duration.ofMinutes(174));
        assertThat(statistics.figures(TicketScope.openedAmong(FRIDAY, FRIDAY.plus(Duration.ofDays(7)), Set.of(e))).businessHours())
                .isEqualTo(ServiceFigures.BusinessHours.NONE);
    }

    TicketId openAt(String shanghaiTime) {
        clock.setTo(at(shanghaiTime));
        CustomerProfile customer = customers.identifyByEmail("business-hours-" + System.nanoTime() + "@example.com", "营业时间客户");
        return tickets.open(OpenTicket.of("营业时间统计", "我的订单还没到", customer.id(), Channel.EMAIL), customer.vipTier());
    }

    void replyAt(TicketId id, String shanghaiTime) {
        clock.setTo(at(shanghaiTime));
        tickets.reply(id, AgentMessage.of("您好，我们正在处理。"));
    }

    void statusAt(TicketId id, TicketStatus to, String shanghaiTime) {
        clock.setTo(at(shanghaiTime));
        tickets.changeStatus(id, to);
    }

    TicketId withoutSlaClock(Instant opened, Duration firstResponse) {
        long customer = customers.identifyByEmail("no-sla-" + System.nanoTime() + "@example.com", "无 SLA 客户").id().value();
        return new TicketId(jdbc.sql("""
                        insert into tickets (subject, status, priority, channel, customer_id, created_at, updated_at, first_responded_at)
                        values ('无 SLA', 'OPEN', 'NORMAL', 'EMAIL', ?, ?, ?, ?) returning id""")
                .params(customer, Timestamp.from(opened), Timestamp.from(opened), Timestamp.from(opened.plus(firstResponse))).query(Long.class).single());
    }
}
