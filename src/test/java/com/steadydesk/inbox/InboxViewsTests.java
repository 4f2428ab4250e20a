package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.Channel;
import com.steadydesk.identity.UserId;
import com.steadydesk.platform.Keyset;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Views and keyset pagination over a constructed data set of its own (a customer id range no other test uses) in
 * which many tickets share the same updated_at, created_at and SLA due time: every row must appear exactly once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxViewsTests {

    static final long CUSTOMER_BASE = 7_000_000;
    static final String TAG = "views-test";

    @Autowired
    TicketManagement tickets;
    @Autowired
    JdbcClient jdbc;

    final Set<Long> ids = new HashSet<>();

    @BeforeAll
    void seed() {
        Random random = new Random(42);
        Instant base = Instant.parse("2026-01-01T00:00:00Z");
        String[] statuses = {"NEW", "OPEN", "PENDING", "ON_HOLD", "SOLVED", "CLOSED"};
        String[] priorities = {"LOW", "NORMAL", "HIGH", "URGENT"};
        String[] sla = {"NONE", "OK", "AT_RISK", "BREACHED"};
        for (int i = 0; i < 173; i++) {
            // only 7 distinct timestamps: lots of ties
            OffsetDateTime t = OffsetDateTime.ofInstant(base.plusSeconds(random.nextInt(7)), ZoneOffset.UTC);
            OffsetDateTime due = random.nextBoolean() ? null : OffsetDateTime.ofInstant(base.plusSeconds(3600 * random.nextInt(3)), ZoneOffset.UTC);
            long id = jdbc.sql("""
                            insert into tickets (subject, status, priority, channel, customer_id, requester_vip_tier, assignee_id, tags,
                                                 created_at, updated_at, sla_state, sla_next_due_at)
                            values (?, ?, ?, 'EMAIL', ?, ?, ?, array['views-test'], ?, ?, ?, ?) returning id""")
                    .params("视图测试 " + i, statuses[random.nextInt(6)], priorities[random.nextInt(4)], CUSTOMER_BASE + i % 10,
                            random.nextInt(4) == 0 ? "GOLD" : "NONE", random.nextBoolean() ? 4242L : null, t, t,
                            sla[random.nextInt(4)], due)
                    .query(Long.class).single();
            ids.add(id);
        }
    }

    List<TicketSummary> all(InboxQuery query) {
        List<TicketSummary> rows = new ArrayList<>();
        Keyset<TicketSummary> page = tickets.list(query);
        rows.addAll(page.rows());
        int pages = 1;
        while (page.hasNext()) {
            page = tickets.list(query.after(page.nextCursor()));
            rows.addAll(page.rows());
            assertThat(++pages).isLessThan(1000);
        }
        return rows;
    }

    InboxQuery tagged(InboxSort sort, int limit) {
        return new InboxQuery(InboxView.TAG, TAG, null, null, null, null, null, sort, null, null, limit);
    }

    @Test
    void everySortOrderReturnsEveryRowExactlyOnceAcrossPages() {
        for (InboxSort sort : InboxSort.values()) {
            for (int limit : new int[] {1, 7, 50}) {
                List<TicketSummary> rows = all(tagged(sort, limit));
                assertThat(rows).extracting(r -> r.id().value()).as(sort + "/" + limit).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(ids);
            }
        }
    }

    @Test
    void pagesFollowTheSortOrder() {
        List<TicketSummary> byUpdated = all(tagged(InboxSort.UPDATED, 13));
        for (int i = 1; i < byUpdated.size(); i++) {
            TicketSummary a = byUpdated.get(i - 1), b = byUpdated.get(i);
            assertThat(a.updatedAt().isAfter(b.updatedAt()) || (a.updatedAt().equals(b.updatedAt()) && a.id().value() > b.id().value())).isTrue();
        }
        List<TicketSummary> byPriority = all(tagged(InboxSort.PRIORITY, 13));
        for (int i = 1; i < byPriority.size(); i++) {
            assertThat(byPriority.get(i - 1).priority().ordinal()).isGreaterThanOrEqualTo(byPriority.get(i).priority().ordinal());
        }
    }

    @Test
    void viewsSelectWhatTheyPromise() {
        UserId me = new UserId(4242);
        List<TicketSummary> mine = all(new InboxQuery(InboxView.MINE, null, null, null, null, null, null, null, null, me, 50));
        assertThat(mine).isNotEmpty().allSatisfy(t -> {
            assertThat(t.assigneeId()).isEqualTo(4242L);
            assertThat(t.status()).isNotIn(TicketStatus.SOLVED, TicketStatus.CLOSED);
        });
        assertThat(all(InboxQuery.of(InboxView.UNASSIGNED))).allSatisfy(t -> {
            assertThat(t.assigneeId()).isNull();
            assertThat(t.status()).isIn(TicketStatus.NEW, TicketStatus.OPEN);
        });
        assertThat(all(InboxQuery.of(InboxView.VIP))).isNotEmpty().allSatisfy(t -> assertThat(t.vip()).isTrue());
        assertThat(all(InboxQuery.of(InboxView.SLA_BREACHED))).isNotEmpty().allSatisfy(t -> assertThat(t.slaState()).isEqualTo("BREACHED"));
        assertThat(all(InboxQuery.of(InboxView.SLA_AT_RISK))).isNotEmpty().allSatisfy(t -> assertThat(t.slaState()).isEqualTo("AT_RISK"));
    }

    @Test
    void filtersAndTextQueryNarrowTheList() {
        List<TicketSummary> urgent = all(new InboxQuery(InboxView.TAG, TAG, TicketStatus.OPEN, TicketPriority.URGENT, Channel.EMAIL,
                null, null, null, null, null, 50));
        assertThat(urgent).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
            assertThat(t.priority()).isEqualTo(TicketPriority.URGENT);
        });
        List<TicketSummary> bySubject = all(new InboxQuery(InboxView.TAG, TAG, null, null, null, null, "测试 17", null, null, null, 50));
        assertThat(bySubject).extracting(TicketSummary::subject).contains("视图测试 17").allMatch(s -> s.contains("测试 17"));
        TicketSummary any = bySubject.get(0);
        List<TicketSummary> byNumber = all(new InboxQuery(InboxView.ALL, null, null, null, null, null, "#" + any.number(), null, null, null, 50));
        assertThat(byNumber).extracting(TicketSummary::id).contains(any.id());
    }

    @Test
    void countsAreCappedAndCursorsOfAnotherSortAreRefused() {
        assertThat(tickets.viewCounts(new UserId(4242)).get(InboxView.MINE)).isPositive();
        String cursor = tickets.list(tagged(InboxSort.UPDATED, 5)).nextCursor();
        assertThatThrownBy(() -> tickets.list(tagged(InboxSort.CREATED, 5).after(cursor))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tickets.list(tagged(InboxSort.CREATED, 5).after("not-a-cursor"))).isInstanceOf(IllegalArgumentException.class);
    }
}
