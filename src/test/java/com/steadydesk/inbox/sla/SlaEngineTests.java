package com.steadydesk.inbox.sla;

import static com.steadydesk.inbox.sla.BusinessCalendarTests.shanghai;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.MessageAdded;
import com.steadydesk.inbox.SlaBreached;
import com.steadydesk.inbox.TicketChanged;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.inbox.TicketStatusChanged;
import com.steadydesk.platform.MutableClock;
import com.steadydesk.platform.MutableClockConfiguration;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The SLA engine on the real database. Tickets are inserted by SQL and the inbox events published here, the way
 * TicketManagement does it (inside its transaction). The scheduled scan is slowed down so that only the test scans.
 */
@SpringBootTest(properties = "steadydesk.sla.scan-interval-ms=3600000")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@RecordApplicationEvents
class SlaEngineTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    MutableClock clock;
    @Autowired
    SlaManagement sla;
    @Autowired
    SlaScanner scanner;
    @Autowired
    SlaPolicies policies;
    @Autowired
    ApplicationEvents events;
    @Autowired
    TicketManagement tickets;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aChatTicketMustBeAnsweredWithinThirtySeconds() {
        Instant t0 = clock.setTo(Instant.parse("2026-11-30T02:00:00Z")).instant();
        TicketId id = open(Channel.CHAT, TicketPriority.NORMAL, VipTier.NONE);

        Map<String, Object> row = slaColumns(id);
        assertThat(row.get("sla_first_response_due_at")).isEqualTo(Timestamp.from(t0.plusSeconds(30)));
        assertThat(row.get("sla_next_due_at")).isEqualTo(Timestamp.from(t0.plusSeconds(30)));
        assertThat(row.get("sla_state")).isEqualTo("OK");
        assertThat(row.get("sla_policy_id")).isNotNull();
        SlaStatus status = sla.status(id);
        assertThat(status.state()).isEqualTo(SlaState.OK);
        assertThat(status.policyName()).isEqualTo("在线聊天");
        assertThat(status.nextDueAt()).isEqualTo(t0.plusSeconds(30));
    }

    @Test
    void anEmailOpenedFridayAtFivePmIsDueMondayAtNoon() {
        clock.setTo(shanghai("2026-11-27T17:00"));
        TicketId id = open(Channel.EMAIL, TicketPriority.NORMAL, VipTier.NONE);

        assertThat(slaColumns(id).get("sla_first_response_due_at")).isEqualTo(Timestamp.from(shanghai("2026-11-30T12:00")));
        // 27 business hours = three working days: Fri 1 h + Mon-Wed 26 h → Wednesday 17:00
        assertThat(slaColumns(id).get("sla_resolution_due_at")).isEqualTo(Timestamp.from(shanghai("2026-12-02T17:00")));
    }

    @Test
    void pendingPausesTheClocksAndResumingShiftsThem() {
        clock.setTo(shanghai("2026-11-30T10:00"));
        TicketId id = open(Channel.EMAIL, TicketPriority.NORMAL, VipTier.NONE);
        assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(shanghai("2026-11-30T14:00"));

        clock.setTo(shanghai("2026-11-30T11:00"));
        changeStatus(id, TicketStatus.OPEN, TicketStatus.PENDING);
        assertThat(slaColumns(id).get("sla_paused_since")).isEqualTo(Timestamp.from(shanghai("2026-11-30T11:00")));
        assertThat(slaColumns(id).get("sla_next_due_at")).as("the scanner has nothing to do while paused").isNull();
        assertThat(sla.status(id).paused()).isTrue();

        clock.setTo(shanghai("2026-11-30T16:00"));
        sla.scanNow();
        assertThat(sla.status(id).state()).as("no breach while waiting for the customer").isEqualTo(SlaState.OK);

        changeStatus(id, TicketStatus.PENDING, TicketStatus.OPEN);
        // 3 h were left at 11:00; they run again from 16:00: 16:00-18:00 and Tuesday 09:00-10:00
        SlaStatus status = sla.status(id);
        assertThat(status.paused()).isFalse();
        assertThat(status.firstResponseDueAt()).isEqualTo(shanghai("2026-12-01T10:00"));
        assertThat(slaColumns(id).get("sla_paused_since")).isNull();
        assertThat(slaColumns(id).get("sla_next_due_at")).isEqualTo(Timestamp.from(shanghai("2026-12-01T10:00")));
    }

    @Test
    void theScannerMarksAtRiskThenBreachedAndAnnouncesTheBreachOnce() {
        Instant t0 = clock.setTo(Instant.parse("2026-11-30T03:00:00Z")).instant();
        TicketId id = open(Channel.CHAT, TicketPriority.NORMAL, VipTier.NONE);

        clock.setTo(t0.plusSeconds(23));
        sla.scanNow();
        assertThat(slaColumns(id).get("sla_state")).isEqualTo("AT_RISK");
        assertThat(events.stream(TicketChanged.class).filter(e -> e.ticketId().equals(id))).isNotEmpty();
        assertThat(breaches(id)).isZero();

        clock.setTo(t0.plusSeconds(31));
        sla.scanNow();
        clock.advance(Duration.ofMinutes(5));
        sla.scanNow();
        scanner.scan(false);

        assertThat(slaColumns(id).get("sla_state")).isEqualTo("BREACHED");
        assertThat(events.stream(SlaBreached.class).filter(e -> e.ticketId().equals(id)))
                .containsExactly(new SlaBreached(id, "FIRST_RESPONSE", t0.plusSeconds(30)));
        assertThat(breaches(id)).isEqualTo(1);
        assertThat(sla.status(id).breached()).containsExactly(SlaMetric.FIRST_RESPONSE);
        assertThat(slaColumns(id).get("sla_next_due_at")).as("still unanswered: sorts first")
                .isEqualTo(Timestamp.from(t0.plusSeconds(30)));
    }

    @Test
    void aReplyBeforeTheDueTimeLeavesNoBreach() {
        Instant t0 = clock.setTo(Instant.parse("2026-11-30T04:00:00Z")).instant();
        TicketId id = open(Channel.PHONE, TicketPriority.NORMAL, VipTier.GOLD);
        assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(t0.plusSeconds(60));

        clock.setTo(t0.plusSeconds(40));
        reply(id);
        clock.setTo(t0.plusSeconds(120));
        sla.scanNow();

        assertThat(events.stream(SlaBreached.class).filter(e -> e.ticketId().equals(id))).isEmpty();
        assertThat(breaches(id)).isZero();
        SlaStatus status = sla.status(id);
        assertThat(status.state()).isEqualTo(SlaState.OK);
        assertThat(status.firstResponseMetAt()).isEqualTo(t0.plusSeconds(40));
        assertThat(status.nextDueAt()).isEqualTo(t0.plus(Duration.ofHours(8)));
    }

    @Test
    void solvingStopsTheClocksAndReopeningContinuesTheResolutionClock() {
        Instant t0 = clock.setTo(Instant.parse("2026-11-30T05:00:00Z")).instant();
        TicketId id = open(Channel.CHAT, TicketPriority.NORMAL, VipTier.NONE);
        clock.setTo(t0.plusSeconds(10));
        reply(id);
        clock.setTo(t0.plus(Duration.ofHours(1)));
        changeStatus(id, TicketStatus.OPEN, TicketStatus.SOLVED);

        Map<String, Object> solved = slaColumns(id);
        assertThat(solved.get("sla_next_due_at")).isNull();
        assertThat(solved.get("sla_state")).isEqualTo("OK");

        clock.setTo(t0.plus(Duration.ofDays(2)));
        sla.scanNow();
        assertThat(breaches(id)).isZero();
        changeStatus(id, TicketStatus.SOLVED, TicketStatus.OPEN);
        assertThat(sla.status(id).resolutionDueAt()).isEqualTo(t0.plus(Duration.ofDays(2)).plus(Duration.ofHours(7)));
    }

    @Test
    void changingAPolicyRecalculatesTheOpenTickets() {
        Instant t0 = clock.setTo(Instant.parse("2026-11-30T06:00:00Z")).instant();
        TicketId id = open(Channel.CHAT, TicketPriority.LOW, VipTier.NONE);
        assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(t0.plusSeconds(30));

        long lowChat = policies.create(new SlaPolicy(0, "低优先级聊天", Channel.CHAT, TicketPriority.LOW, null,
                Duration.ofMinutes(2), null, null, 75, true, 0));
        try {
            clock.setTo(t0.plusSeconds(10));
            assertThat(sla.recalculateOpenTickets()).isPositive();
            SlaStatus status = sla.status(id);
            assertThat(status.policyName()).isEqualTo("低优先级聊天");
            assertThat(status.firstResponseDueAt()).as("the 10 s already used count").isEqualTo(t0.plusSeconds(120));
            assertThat(status.resolutionDueAt()).isNull();
        } finally {
            policies.delete(lowChat);
            sla.recalculateOpenTickets();
        }
        assertThat(sla.status(id).policyName()).isEqualTo("在线聊天");
    }

    @Test
    void escalatingToUrgentMovesTheTicketToTheUrgentPolicy() {
        Instant t0 = clock.setTo(shanghai("2026-11-30T10:00")).instant();
        TicketId id = open(Channel.EMAIL, TicketPriority.NORMAL, VipTier.NONE);
        assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(shanghai("2026-11-30T14:00"));

        clock.setTo(t0.plus(Duration.ofMinutes(10)));
        transactions.executeWithoutResult(s -> {
            jdbc.sql("update tickets set priority = 'URGENT', version = version + 1 where id = ?").param(id.value()).update();
            publisher.publishEvent(new TicketChanged(id));
        });

        SlaStatus status = sla.status(id);
        assertThat(status.policyName()).isEqualTo("紧急工单");
        assertThat(status.firstResponseDueAt()).as("30 min target, 10 min already used").isEqualTo(t0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void aTicketThatMatchesNoPolicyHasNoSla() {
        clock.setTo(Instant.parse("2026-11-30T07:00:00Z"));
        policies.all().stream().filter(p -> p.channel() == null && p.priority() == null && p.vipTier() == null)
                .forEach(p -> policies.setActive(p.id(), false));
        try {
            TicketId id = open(Channel.WEB, TicketPriority.NORMAL, VipTier.NONE);
            assertThat(slaColumns(id).get("sla_state")).isEqualTo("NONE");
            assertThat(sla.status(id).state()).isEqualTo(SlaState.NONE);
        } finally {
            policies.all().stream().filter(p -> p.channel() == null && p.priority() == null && p.vipTier() == null)
                    .forEach(p -> policies.setActive(p.id(), true));
        }
    }

    @Test
    @WithMockUser(username = "lead", roles = "SUPERVISOR")
    void addingAHolidayMovesOpenDueTimesAndRemovingItRestoresThem() throws Exception {
        clock.setTo(shanghai("2026-11-30T10:00"));
        TicketId id = open(Channel.EMAIL, TicketPriority.NORMAL, VipTier.NONE);
        long calendar = jdbc.sql("select id from business_calendars where name = '工作日 9:00-18:00'").query(Long.class).single();
        assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(shanghai("2026-11-30T14:00"));
        assertThat(sla.status(id).resolutionDueAt()).isEqualTo(shanghai("2026-12-03T10:00"));
        clock.setTo(shanghai("2026-11-30T11:00"));
        try {
            addDay(calendar, "2026-11-30");
            Awaitility.await().until(() -> shanghai("2026-12-01T13:00").equals(sla.status(id).firstResponseDueAt()));
            assertThat(sla.status(id).state()).as("today off: nothing counted, nothing breached").isEqualTo(SlaState.OK);
            assertThat(breaches(id)).isZero();

            mvc.perform(post("/admin/sla/calendars/{id}/days/{day}/delete", calendar, "2026-11-30").with(csrf()))
                    .andExpect(status().is3xxRedirection());
            Awaitility.await().until(() -> shanghai("2026-11-30T14:00").equals(sla.status(id).firstResponseDueAt()));
            assertThat(sla.status(id).resolutionDueAt()).isEqualTo(shanghai("2026-12-03T10:00"));

            addDay(calendar, "2026-12-01");
            Awaitility.await().until(() -> shanghai("2026-12-04T10:00").equals(sla.status(id).resolutionDueAt()));
            assertThat(sla.status(id).firstResponseDueAt()).isEqualTo(shanghai("2026-11-30T14:00"));
        } finally {
            mvc.perform(post("/admin/sla/calendars/{id}/days/{day}/delete", calendar, "2026-11-30").with(csrf()));
            mvc.perform(post("/admin/sla/calendars/{id}/days/{day}/delete", calendar, "2026-12-01").with(csrf()));
            Awaitility.await().until(() -> shanghai("2026-12-03T10:00").equals(sla.status(id).resolutionDueAt()));
        }
    }

    void addDay(long calendar, String day) throws Exception {
        mvc.perform(post("/admin/sla/calendars/{id}/days", calendar).with(csrf()).param("day", day).param("name", "公司假日")
                        .param("kind", "HOLIDAY"))
                .andExpect(status().is3xxRedirection());
    }

    TicketId open(Channel channel, TicketPriority priority, VipTier tier) {
        return tickets.open(new OpenTicket("订单还没到", "我的订单还没到", null, new CustomerId(1), channel, priority, Set.of(), Map.of(),
                List.of(), null, null), tier);
    }

    void changeStatus(TicketId id, TicketStatus from, TicketStatus to) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("update tickets set status = ?, updated_at = ?, version = version + 1 where id = ?")
                    .params(to.name(), Timestamp.from(clock.instant()), id.value()).update();
            publisher.publishEvent(new TicketStatusChanged(id, from, to));
        });
    }

    void reply(TicketId id) {
        transactions.executeWithoutResult(s -> {
            jdbc.sql("update tickets set first_responded_at = coalesce(first_responded_at, ?), status = 'OPEN' where id = ?")
                    .params(Timestamp.from(clock.instant()), id.value()).update();
            publisher.publishEvent(new MessageAdded(id, 1, "REPLY"));
        });
    }

    Map<String, Object> slaColumns(TicketId id) {
        return jdbc.sql("select sla_policy_id, sla_first_response_due_at, sla_resolution_due_at, sla_paused_since, sla_state, sla_next_due_at from tickets where id = ?")
                .param(id.value()).query().singleRow();
    }

    long breaches(TicketId id) {
        return jdbc.sql("select count(*) from sla_breaches where ticket_id = ?").param(id.value()).query(Long.class).single();
    }
}
