package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.VipTier;
import com.steadydesk.identity.AuditLog.AuditEntry;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.UserId;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithMockUser;

/** The batched intake path: many callers at once, a bad request among good ones, the row written whole. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "intake-agent", roles = "AGENT")
class TicketIntakeTests {

    @Autowired
    TicketIntake intake;
    @Autowired
    TicketManagement tickets;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CustomerManagement customers;
    @Autowired
    AuditLog audit;
    @Autowired
    com.steadydesk.identity.UserManagement users;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void manyCallersAtOnceEachGetTheirOwnTicketAndOneRequesterPerAddress() throws Exception {
        int callers = 60;
        List<CompletableFuture<TicketIntake.Opened>> pending = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            OpenTicket command = new OpenTicket("并发工单 " + i, "正文 " + i, null, null, Channel.API, TicketPriority.NORMAL, Set.of("批量"),
                    Map.of(), List.of(), null, null);
            pending.add(intake.submit(new TicketIntake.Request(command, "burst-" + (i % 10) + "@example.cn", "客户 " + (i % 10))));
        }
        List<TicketIntake.Opened> opened = new ArrayList<>();
        for (CompletableFuture<TicketIntake.Opened> p : pending) {
            opened.add(p.get(30, TimeUnit.SECONDS));
        }

        assertThat(opened).extracting(o -> o.ticket().id()).doesNotHaveDuplicates();
        assertThat(opened).extracting(o -> o.ticket().number()).doesNotHaveDuplicates();
        for (int i = 0; i < callers; i++) {
            TicketIntake.Opened o = opened.get(i);
            assertThat(o.ticket().subject()).isEqualTo("并发工单 " + i);
            assertThat(o.requester().primaryEmail()).isEqualTo("burst-" + (i % 10) + "@example.cn");
            assertThat(o.requester().id()).isEqualTo(opened.get(i % 10).requester().id());
            // what the caller was told is what was stored
            TicketDetails stored = tickets.find(o.ticket().id()).orElseThrow();
            assertThat(stored.number()).isEqualTo(o.ticket().number());
            assertThat(stored.customerId()).isEqualTo(o.requester().id());
            assertThat(stored.tags()).containsExactly("批量");
            assertThat(stored.slaState()).isEqualTo(o.ticket().slaState()).isEqualTo("OK");
            assertThat(stored.slaFirstResponseDueAt()).isEqualTo(o.ticket().slaFirstResponseDueAt()).isNotNull();
            assertThat(tickets.messages(o.ticket().id())).singleElement().extracting(TicketMessage::bodyText).isEqualTo("正文 " + i);
        }
        assertThat(new HashSet<>(opened.stream().map(o -> o.requester().id()).toList())).hasSize(10);
        // the writer threads act as the caller: the ten new customers are audited under the caller's name
        assertThat(audit.recent("intake-agent", "customer.identified", null, 100)).extracting(AuditEntry::target)
                .containsAll(opened.stream().map(o -> "customer:" + o.requester().id().value()).distinct().toList());
    }

    @Test
    void intakeAndIndexingReportTheirMetrics() throws Exception {
        intake.submit(new TicketIntake.Request(OpenTicket.of("计量", "正文", customers.identifyByEmail("metered@example.cn", null).id(),
                Channel.API), null, null)).get(30, TimeUnit.SECONDS);
        assertThat(meters.get("steadydesk.intake.batch.size").summary().count()).isPositive();
        assertThat(meters.get("steadydesk.intake.queued").gauge().value()).isZero();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .until(() -> meters.get("steadydesk.search.tickets.waiting").gauge().value() == 0);
    }

    @Test
    void aBadRequestInABatchFailsAloneAndItsNeighboursOpenOnce() {
        CustomerId known = customers.identifyByEmail("known-requester@example.cn", "老客户").id();
        List<TicketIntake.Pending> batch = List.of(pending("好请求 A", known), pending("坏请求", new CustomerId(Long.MAX_VALUE)),
                pending("好请求 B", known));

        intake.open(batch);

        assertThat(batch.get(0).result().join().ticket().subject()).isEqualTo("好请求 A");
        assertThat(batch.get(2).result().join().ticket().subject()).isEqualTo("好请求 B");
        assertThatThrownBy(() -> batch.get(1).result().join()).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(NotFoundException.class);
        // the failed batch left nothing behind: each good ticket exists once
        assertThat(jdbc.sql("select count(*) from tickets where subject in ('好请求 A', '好请求 B', '坏请求')").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void aTicketIsWrittenWithItsSlaClockAndNeverUpdatedRightAfter() {
        // a real, active agent: tickets are never assigned to nobody
        UserId agent = users.create(new com.steadydesk.identity.UserManagement.NewUser("intake-sla-" + System.nanoTime(), "接单客服", null,
                "intake-agent-password", Set.of(com.steadydesk.identity.Role.AGENT))).id();
        List<TicketDetails> opened = tickets.openAll(List.of(
                new TicketOpening(new OpenTicket("聊天咨询", "在吗", null, new CustomerId(88_002), Channel.CHAT, TicketPriority.NORMAL,
                        Set.of(), Map.of(), List.of(), null, null), null),
                new TicketOpening(new OpenTicket("VIP 邮件", "发票", null, new CustomerId(88_003), Channel.EMAIL, TicketPriority.HIGH,
                        Set.of(), Map.of(), List.of(), agent, "一线"), VipTier.GOLD)));

        for (TicketDetails t : opened) {
            Map<String, Object> row = jdbc.sql("""
                    select t.version, t.sla_state, t.sla_policy_id, t.sla_first_response_due_at, c.fr_due_at, c.policy_id
                    from tickets t join sla_clocks c on c.ticket_id = t.id where t.id = ?""").param(t.id().value()).query().singleRow();
            assertThat(row.get("version")).as("inserted whole, not updated after").isEqualTo(0);
            assertThat(row.get("sla_state")).isEqualTo("OK");
            assertThat(row.get("sla_policy_id")).isEqualTo(row.get("policy_id")).isNotNull();
            assertThat(row.get("sla_first_response_due_at")).isEqualTo(row.get("fr_due_at"));
            assertThat(((Timestamp) row.get("fr_due_at")).toInstant()).isAfter(t.createdAt());
        }
        // chat answers within seconds, email within hours: each got its own policy
        assertThat(opened.get(0).slaFirstResponseDueAt()).isBefore(opened.get(1).slaFirstResponseDueAt());
        TicketDetails assigned = opened.get(1);
        assertThat(assigned.assigneeId()).isEqualTo(agent.value());
        assertThat(tickets.history(assigned.id())).extracting(TicketHistoryEntry::field).contains("assignee", "group");
    }

    @Test
    void concurrentChangesOfOneTicketWaitForEachOtherInsteadOfFailing() throws Exception {
        TicketId id = tickets.open(OpenTicket.of("大家一起改", "同时打标签", new CustomerId(88_004), Channel.WEB), null);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int worker = 0; worker < 6; worker++) {
                int w = worker;
                done.add(pool.submit(() -> {
                    for (int n = 0; n < 5; n++) {
                        tickets.tag(id, "w" + w + "-" + n);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS); // an optimistic-lock failure would surface here
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(tickets.find(id).orElseThrow().tags()).hasSize(30);
    }

    @Test
    void aFullQueueAnswersBusyAtOnceAndTheQueuedTicketsStillOpen() throws Exception {
        // one writer, room for one waiting ticket; the writer is held by a transaction that has not committed the
        // contact point its first ticket's requester needs (a real row lock, nothing mocked)
        TicketIntake small = new TicketIntake(customers, tickets, transactionManager, new SimpleMeterRegistry(), 1, 10, 1);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            long id = jdbc.sql("insert into customers (name, vip_tier, created_at, updated_at) values ('占位', 'NONE', now(), now()) returning id")
                    .query(Long.class).single();
            jdbc.sql("insert into customer_contacts (customer_id, position, kind, value, lookup) values (?, 0, 'EMAIL', 'held@example.cn', 'held@example.cn')")
                    .param(id).update();
            holding.countDown();
            awaitQuietly(release);
            status.setRollbackOnly();
        }));
        holder.start();
        try {
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<TicketIntake.Opened> first = small.submit(request("排队一", "held@example.cn"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> small.queued() == 0); // the writer took it
            CompletableFuture<TicketIntake.Opened> second = small.submit(request("排队二", "waiting@example.cn"));

            assertThatThrownBy(() -> small.submit(request("满了", "busy@example.cn"))).isInstanceOfSatisfying(IntakeBusy.class, busy -> {
                assertThat(busy.getStatusCode().value()).isEqualTo(503);
                assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            });

            release.countDown();
            assertThat(first.get(30, TimeUnit.SECONDS).requester().primaryEmail()).isEqualTo("held@example.cn");
            assertThat(second.get(30, TimeUnit.SECONDS).ticket().subject()).isEqualTo("排队二");
        } finally {
            release.countDown();
            holder.join(10_000);
            small.stop();
        }
    }

    private static TicketIntake.Request request(String subject, String email) {
        return new TicketIntake.Request(new OpenTicket(subject, subject, null, null, Channel.API, TicketPriority.NORMAL, Set.of(), Map.of(),
                List.of(), null, null), email, null);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static TicketIntake.Pending pending(String subject, CustomerId customer) {
        return new TicketIntake.Pending(new TicketIntake.Request(OpenTicket.of(subject, subject, customer, Channel.API), null, null),
                SecurityContextHolder.getContext().getAuthentication(), new CompletableFuture<>());
    }
}
