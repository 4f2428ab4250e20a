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
        long category = scripts.categories().stream().filter(c -> c.code().equals("order-status")).findFirst().orElseThrow().id();
        ScriptDraft draft = new ScriptDraft("支付故障统一回复 " + System.nanoTime(), category, "zh-CN", body, List.of("crisis"), Audience.ALL,
                null, "支付故障期间", null, null, List.of(), null, null);
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
}
