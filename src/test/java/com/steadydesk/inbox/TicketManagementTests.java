package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.VipTier;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.DomainRuleViolation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead", roles = "SUPERVISOR")
class TicketManagementTests {

    static final AtomicLong customers = new AtomicLong(900_000);

    @Autowired
    TicketManagement tickets;
    @Autowired
    AuditLog audit;

    static CustomerId newCustomer() {
        return new CustomerId(customers.incrementAndGet());
    }

    TicketId open(CustomerId customer, String subject) {
        return tickets.open(new OpenTicket(subject, "第一条消息 " + subject, null, customer, Channel.WEB, TicketPriority.HIGH,
                Set.of("退款"), Map.of("order_no", "SO-1001"), List.of(), null, null), VipTier.GOLD);
    }

    @Test
    void opensATicketWithItsFirstMessageAndFields() {
        TicketId id = open(newCustomer(), "订单一直没发货");
        TicketDetails details = tickets.find(id).orElseThrow();
        assertThat(details.status()).isEqualTo(TicketStatus.NEW);
        assertThat(details.number()).isGreaterThanOrEqualTo(10001);
        assertThat(details.tags()).containsExactly("退款");
        assertThat(details.fields()).containsEntry("order_no", "SO-1001");
        assertThat(details.vip()).isTrue();
        assertThat(tickets.messages(id)).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("CUSTOMER");
            assertThat(m.bodyText()).startsWith("第一条消息");
        });
    }

    @Test
    void recordsEveryChangeInTheHistory() {
        TicketId id = open(newCustomer(), "history");
        tickets.changePriority(id, TicketPriority.URGENT);
        tickets.tag(id, "物流");
        tickets.untag(id, "退款");
        tickets.changeStatus(id, TicketStatus.PENDING);
        assertThat(tickets.history(id)).extracting(TicketHistoryEntry::field, TicketHistoryEntry::to, TicketHistoryEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("priority", "URGENT", "lead"),
                        org.assertj.core.groups.Tuple.tuple("tags", "退款,物流", "lead"),
                        org.assertj.core.groups.Tuple.tuple("tags", "物流", "lead"),
                        org.assertj.core.groups.Tuple.tuple("status", "PENDING", "lead"));
        assertThat(tickets.find(id).orElseThrow().tags()).containsExactly("物流");
    }

    @Test
    void closedTicketRefusesChangesButTakesNotes() {
        TicketId id = open(newCustomer(), "closed");
        tickets.changeStatus(id, TicketStatus.CLOSED);
        assertThatThrownBy(() -> tickets.changeStatus(id, TicketStatus.OPEN)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("ticket.closed");
        assertThatThrownBy(() -> tickets.tag(id, "x")).isInstanceOf(DomainRuleViolation.class);
        tickets.addNote(id, AgentMessage.of("客户来电已解释"));
        assertThat(tickets.messages(id)).extracting(TicketMessage::kind).containsExactly("CUSTOMER", "NOTE");
    }

    @Test
    void mergeClosesTheSourceAndShowsItsConversationOnTheTarget() {
        CustomerId customer = newCustomer();
        TicketId target = open(customer, "退款申请");
        TicketId source = open(customer, "退款申请（重复）");
        tickets.merge(source, target);
        TicketDetails merged = tickets.find(source).orElseThrow();
        assertThat(merged.status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(merged.mergedIntoId()).isEqualTo(target);
        assertThat(tickets.messages(target)).extracting(TicketMessage::kind).containsExactly("CUSTOMER", "CUSTOMER", "SYSTEM");
        assertThat(tickets.history(target)).extracting(TicketHistoryEntry::field).contains("merged_from");
        assertThat(audit.recent("lead", "ticket.merged", null, 5)).isNotEmpty();
        assertThatThrownBy(() -> tickets.merge(target, source)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void mergeRefusesTicketsOfAnotherCustomer() {
        TicketId a = open(newCustomer(), "a");
        TicketId b = open(newCustomer(), "b");
        assertThatThrownBy(() -> tickets.merge(a, b)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("ticket.merge.other-customer");
    }

    @Test
    void linksShowOnBothSidesAndCanBeRemoved() {
        TicketId a = open(newCustomer(), "系统故障 A");
        TicketId b = open(newCustomer(), "系统故障 B");
        tickets.link(a, b);
        tickets.link(b, a);
        assertThat(tickets.links(a)).extracting(LinkedTicket::id).containsExactly(b);
        assertThat(tickets.links(b)).extracting(LinkedTicket::kind).containsExactly("RELATED");
        tickets.unlink(b, a);
        assertThat(tickets.links(a)).isEmpty();
    }

    @Test
    void bulkActionReportsTheTicketThatFailedAndAppliesTheOthers() {
        TicketId a = open(newCustomer(), "bulk a");
        TicketId closed = open(newCustomer(), "bulk closed");
        TicketId c = open(newCustomer(), "bulk c");
        tickets.changeStatus(closed, TicketStatus.CLOSED);
        BulkResult result = tickets.bulk(BulkAction.tag("投诉"), List.of(a, closed, c));
        assertThat(result.succeeded()).containsExactly(a, c);
        assertThat(result.failures()).singleElement().satisfies(f -> {
            assertThat(f.ticketId()).isEqualTo(closed);
            assertThat(f.rule()).isEqualTo("ticket.closed");
        });
        assertThat(tickets.find(a).orElseThrow().tags()).contains("投诉");
        assertThat(tickets.find(c).orElseThrow().tags()).contains("投诉");
        assertThat(audit.recent("lead", "ticket.bulk.tag", null, 5)).isNotEmpty();
    }

    @Test
    void bulkStatusChangeRunsEachTicketInItsOwnTransaction() {
        TicketId a = open(newCustomer(), "bulk s a");
        TicketId b = open(newCustomer(), "bulk s b");
        tickets.changeStatus(b, TicketStatus.CLOSED);
        BulkResult result = tickets.bulk(BulkAction.status(TicketStatus.SOLVED), List.of(a, b, new TicketId(-1)));
        assertThat(result.succeeded()).containsExactly(a);
        assertThat(result.failures()).extracting(BulkResult.Failure::ticketId).containsExactly(b, new TicketId(-1));
        assertThat(tickets.find(a).orElseThrow().status()).isEqualTo(TicketStatus.SOLVED);
    }

    @Test
    void replyWithAnUnfilledPlaceholderIsRefusedBeforeAnythingIsSent() {
        TicketId id = open(newCustomer(), "placeholder");
        assertThatThrownBy(() -> tickets.reply(id, AgentMessage.of("您的订单 {{order_no}} 将在 {{days}} 天内发出")))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("{{order_no}}").hasMessageContaining("{{days}}");
        assertThatThrownBy(() -> tickets.bulk(BulkAction.reply("请提供 {{order_no}}"), List.of(id)))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(tickets.messages(id)).hasSize(1);
    }

    @Test
    void assignmentIsAudited() {
        TicketId id = open(newCustomer(), "assign");
        tickets.assign(id, new com.steadydesk.identity.UserId(1), "一线");
        TicketDetails d = tickets.find(id).orElseThrow();
        assertThat(d.assigneeId()).isEqualTo(1L);
        assertThat(d.groupName()).isEqualTo("一线");
        assertThat(audit.recent("lead", "ticket.assigned", null, 5)).isNotEmpty();
    }

    @Test
    void callOnAnExistingTicketIsLoggedAsAResponse() {
        TicketId id = open(newCustomer(), "call");
        tickets.logCall(new PhoneCall(id, null, "王先生", "13800138000", null, "已电话说明退款进度", CallOutcome.RESOLVED, TicketStatus.SOLVED));
        TicketDetails d = tickets.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(TicketStatus.SOLVED);
        assertThat(d.firstRespondedAt()).isNotNull();
        assertThat(tickets.messages(id)).last().satisfies(m -> {
            assertThat(m.kind()).isEqualTo("PHONE");
            assertThat(m.callCaller()).isEqualTo("王先生 13800138000");
            assertThat(m.callOutcome()).isEqualTo("RESOLVED");
        });
    }
}
