package com.steadydesk.crisis;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static com.steadydesk.scripts.ScriptsTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-bulk", roles = "CRISIS_LEAD")
class BulkRepliesTests {

    @Autowired
    BulkReplies bulkReplies;
    @Autowired
    CrisisManagement crises;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    final List<ScriptId> created = new java.util.ArrayList<>();

    /** The scripts of these tests leave the library afterwards, so that other modules' search tests never meet them. */
    @org.junit.jupiter.api.AfterEach
    void retireScripts() {
        created.forEach(id -> run("editor-bulk", Role.SUPERVISOR, () -> scripts.retire(id, "test done")));
        created.clear();
    }

    ScriptId approvedScript(String body) {
        return approvedScript(body, null);
    }

    /** An approved script; with a crisis it is that crisis's own (the linter then wants the status-page link in it). */
    ScriptId approvedScript(String body, CrisisId crisis) {
        long category = scripts.categories().stream().filter(c -> c.code().equals("order-status")).findFirst().orElseThrow().id();
        ScriptDraft draft = new ScriptDraft("支付故障统一回复 " + System.nanoTime(), category, "zh-CN", body, List.of("crisis"), Audience.ALL,
                null, "支付故障期间", null, null, List.of(), crisis == null ? null : crisis.value(), null);
        ScriptId id = as("editor-bulk", Role.SUPERVISOR, () -> scripts.create(draft).id());
        run("editor-bulk", Role.SUPERVISOR, () -> scripts.submitForReview(id));
        run("reviewer-bulk", Role.REVIEWER, () -> scripts.approve(id, "ok"));
        created.add(id);
        return id;
    }

    @Test
    void sendsTheApprovedScriptToEveryLinkedTicketAndListsTheOneThatFailed() {
        ScriptId script = approvedScript("您好，您的工单 #{{ticket.number}} 已收到。支付服务正在修复中，修复后我们会第一时间通知您，给您带来不便深表歉意。");
        TicketId first = CrisisTestSupport.ticket(customers, tickets, "付款失败", "付不了款");
        TicketId second = CrisisTestSupport.ticket(customers, tickets, "支付报错", "报错 500");
        TicketId closed = CrisisTestSupport.ticket(customers, tickets, "扣款未到账", "钱扣了");
        run("agent-bulk", Role.AGENT, () -> tickets.changeStatus(closed, TicketStatus.CLOSED));
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "批量回复测试", null, null,
                List.of(first.value(), second.value(), closed.value())), CrisisManagementTests.MINOR);

        BulkReplies.BulkReplyJob started = bulkReplies.start(crisis.id(), script, BulkReplies.Filter.ALL);
        assertThat(started.total()).isEqualTo(3);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bulkReplies.job(started.id()).finished());
        BulkReplies.BulkReplyJob job = bulkReplies.job(started.id());
        assertThat(job.done()).isEqualTo(2);
        assertThat(job.failed()).isEqualTo(1);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.failures()).singleElement().satisfies(f -> assertThat(f.ticketId()).isEqualTo(closed));
        long number = tickets.find(first).orElseThrow().number();
        assertThat(tickets.messages(first)).extracting(TicketMessage::bodyText).anyMatch(b -> b.contains("#" + number + " 已收到"));
        assertThat(bulkReplies.of(crisis.id())).hasSize(1);
    }

    @Test
    void onlyOpenTicketsWhenAskedAndNeverADraftScript() {
        ScriptId script = approvedScript("您好，我们已收到您的反馈，相关问题正在处理中，处理完成后会第一时间通知您。");
        TicketId open = CrisisTestSupport.ticket(customers, tickets, "物流延迟", "还没到");
        TicketId solved = CrisisTestSupport.ticket(customers, tickets, "物流延迟 2", "还没到");
        tickets.changeStatus(solved, TicketStatus.SOLVED);
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "筛选测试", null, null,
                List.of(open.value(), solved.value())), CrisisManagementTests.MINOR);

        BulkReplies.BulkReplyJob job = bulkReplies.start(crisis.id(), script, BulkReplies.Filter.OPEN);
        assertThat(job.total()).isEqualTo(1);

        long category = scripts.categories().stream().filter(c -> c.code().equals("order-status")).findFirst().orElseThrow().id();
        ScriptId draft = as("editor-bulk", Role.SUPERVISOR, () -> scripts.create(new ScriptDraft("草稿 " + System.nanoTime(), category,
                "zh-CN", "草稿内容，尚未审核。", List.of(), Audience.ALL, null, null, null, null, List.of(), null, null)).id());
        created.add(draft);
        assertThatThrownBy(() -> bulkReplies.start(crisis.id(), draft, BulkReplies.Filter.ALL)).isInstanceOf(DomainRuleViolation.class);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bulkReplies.job(job.id()).finished());
    }

    @Test
    void aCrisisScriptWithTheStatusPageLinkIsSentToEveryLinkedTicketWithTheLinkFilledIn() {
        TicketId first = CrisisTestSupport.ticket(customers, tickets, "登录失败", "登不上");
        TicketId second = CrisisTestSupport.ticket(customers, tickets, "登录报错", "报错");
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "登录故障群发", null, null,
                List.of(first.value(), second.value())), CrisisManagementTests.MINOR);
        // the linter requires {{crisis.status_url}} in a crisis script; the inbox used to refuse it, and the job hung at 0/0
        ScriptId script = approvedScript("{{customer.name}}您好，登录问题正在修复，最新进展请看 {{crisis.status_url}}。工单 #{{ticket.number}} 会持续跟进。",
                crisis.id());

        BulkReplies.BulkReplyJob started = bulkReplies.start(crisis.id(), script, BulkReplies.Filter.ALL);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bulkReplies.job(started.id()).finished());
        BulkReplies.BulkReplyJob job = bulkReplies.job(started.id());
        assertThat(job.done()).isEqualTo(2);
        assertThat(job.failed()).isZero();
        assertThat(tickets.messages(first)).extracting(TicketMessage::bodyText)
                .anyMatch(b -> b.contains("/status") && !b.contains("{{"));
    }

    @Test
    void aBulkJobAlwaysEndsAndItsFailedTicketsCanBeSentAgain() {
        ScriptId script = approvedScript("您好，您的工单 #{{ticket.number}} 已收到，问题正在处理中，处理完成后第一时间通知您。");
        TicketId open = CrisisTestSupport.ticket(customers, tickets, "退款延迟", "还没退");
        TicketId closed = CrisisTestSupport.ticket(customers, tickets, "退款延迟 2", "还没退");
        run("agent-bulk", Role.AGENT, () -> tickets.changeStatus(closed, TicketStatus.CLOSED));
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "重发测试", null, null,
                List.of(open.value(), closed.value())), CrisisManagementTests.MINOR);
        BulkReplies.BulkReplyJob first = bulkReplies.start(crisis.id(), script, BulkReplies.Filter.ALL);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bulkReplies.job(first.id()).finished());
        assertThat(bulkReplies.job(first.id()).failures()).extracting(BulkReplies.BulkReplyJob.Failure::ticketId).containsExactly(closed);

        BulkReplies.BulkReplyJob retry = bulkReplies.retryFailed(first.id());

        assertThat(retry.total()).as("only the failed ticket is sent again").isEqualTo(1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> bulkReplies.job(retry.id()).finished());
        assertThat(bulkReplies.job(retry.id()).failures()).extracting(BulkReplies.BulkReplyJob.Failure::ticketId).containsExactly(closed);
        assertThat(bulkReplies.of(crisis.id())).allMatch(BulkReplies.BulkReplyJob::finished);
    }

    @Test
    void aBulkReplyWithAPlaceholderNobodyFillsIsRefusedBeforeAnythingIsSent() {
        TicketId ticket = CrisisTestSupport.ticket(customers, tickets, "发票问题", "要发票");
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "占位符测试", null, null,
                List.of(ticket.value())), CrisisManagementTests.MINOR);
        // a declared, typed placeholder passes the linter (the agent fills it in one reply), but nobody types it in bulk
        long category = scripts.categories().stream().filter(c -> c.code().equals("order-status")).findFirst().orElseThrow().id();
        ScriptId script = as("editor-bulk", Role.SUPERVISOR, () -> scripts.create(new ScriptDraft("订单回复 " + System.nanoTime(), category,
                "zh-CN", "您好，订单 {{order_no}} 的发票正在开具，开好后第一时间发给您。", List.of(), Audience.ALL, null, "发票", null, null,
                List.of(new com.steadydesk.scripts.Placeholder("order_no", "订单号", true)), null, null)).id());
        run("editor-bulk", Role.SUPERVISOR, () -> scripts.submitForReview(script));
        run("reviewer-bulk", Role.REVIEWER, () -> scripts.approve(script, "ok"));
        created.add(script);

        assertThatThrownBy(() -> bulkReplies.start(crisis.id(), script, BulkReplies.Filter.ALL)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("crisis.bulk.placeholders");
        assertThat(bulkReplies.of(crisis.id())).as("no job that could never succeed").isEmpty();
    }
}
