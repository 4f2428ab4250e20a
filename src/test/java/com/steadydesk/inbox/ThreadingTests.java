package com.steadydesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.InboundMessageId;
import com.steadydesk.channels.ParsedInboundMessage;
import com.steadydesk.customers.CustomerId;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** Inbound mail threads into the right ticket (the customer is given, as the intake listener identifies it). */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead", roles = "SUPERVISOR")
class ThreadingTests {

    static final AtomicLong ids = new AtomicLong(500_000);

    @Autowired
    TicketManagement tickets;
    @Autowired
    JdbcClient jdbc;

    static CustomerProfile customer() {
        return new CustomerProfile(new CustomerId(ids.incrementAndGet()), "李娜", List.of("lina@example.com"), List.of(), List.of(),
                VipTier.NONE, null, null, Instant.now(), false);
    }

    static ParsedInboundMessage mail(String subject, String messageId, String inReplyTo, List<String> references) {
        return new ParsedInboundMessage(new InboundMessageId(ids.incrementAndGet()), Channel.EMAIL, null, "lina@example.com", "李娜",
                "support@steadydesk.test", subject, "你好，" + subject, null, messageId, inReplyTo, references, List.of(), Map.of(),
                Instant.now());
    }

    @Test
    void newMailOpensATicket() {
        TicketId id = tickets.receive(mail("快递丢了", "<m1-" + ids.get() + "@x>", null, List.of()), customer());
        assertThat(tickets.find(id).orElseThrow().status()).isEqualTo(TicketStatus.NEW);
        assertThat(tickets.messages(id)).singleElement().extracting(TicketMessage::kind).isEqualTo("CUSTOMER");
    }

    @Test
    void threadsByInReplyTo() {
        CustomerProfile c = customer();
        TicketId first = tickets.receive(mail("快递丢了", "<a-" + c.id().value() + "@x>", null, List.of()), c);
        TicketId second = tickets.receive(mail("Re: 快递丢了", "<b-" + c.id().value() + "@x>", "<a-" + c.id().value() + "@x>", List.of()), c);
        assertThat(second).isEqualTo(first);
        assertThat(tickets.messages(first)).hasSize(2);
    }

    @Test
    void threadsByReferencesWhenInReplyToIsUnknown() {
        CustomerProfile c = customer();
        String root = "<root-" + c.id().value() + "@x>";
        TicketId first = tickets.receive(mail("发票", root, null, List.of()), c);
        TicketId second = tickets.receive(mail("Re: 发票", "<c-" + c.id().value() + "@x>", "<unknown@elsewhere>",
                List.of(root, "<other@elsewhere>")), c);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void threadsByTheTicketNumberInTheSubjectForTheSameCustomerOnly() {
        CustomerProfile c = customer();
        TicketId first = tickets.receive(mail("退货", null, null, List.of()), c);
        long number = tickets.find(first).orElseThrow().number();
        TicketId again = tickets.receive(mail("Re: 退货 [#" + number + "]", null, null, List.of()), c);
        assertThat(again).isEqualTo(first);
        TicketId stranger = tickets.receive(mail("Re: 退货 [#" + number + "]", null, null, List.of()), customer());
        assertThat(stranger).isNotEqualTo(first);
    }

    @Test
    void aMessageToASolvedTicketReopensIt() {
        CustomerProfile c = customer();
        TicketId id = tickets.receive(mail("无法登录", "<s-" + c.id().value() + "@x>", null, List.of()), c);
        tickets.changeStatus(id, TicketStatus.SOLVED);
        TicketId again = tickets.receive(mail("Re: 无法登录", null, "<s-" + c.id().value() + "@x>", List.of()), c);
        assertThat(again).isEqualTo(id);
        TicketDetails d = tickets.find(id).orElseThrow();
        assertThat(d.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(d.solvedAt()).isNull();
    }

    @Test
    void aMessageToAClosedTicketOpensALinkedFollowUp() {
        CustomerProfile c = customer();
        TicketId closed = tickets.receive(mail("账户冻结", "<f-" + c.id().value() + "@x>", null, List.of()), c);
        tickets.changeStatus(closed, TicketStatus.CLOSED);
        TicketId followUp = tickets.receive(mail("Re: 账户冻结", null, "<f-" + c.id().value() + "@x>", List.of()), c);
        assertThat(followUp).isNotEqualTo(closed);
        assertThat(tickets.find(closed).orElseThrow().status()).isEqualTo(TicketStatus.CLOSED);
        assertThat(tickets.links(followUp)).singleElement().satisfies(l -> {
            assertThat(l.id()).isEqualTo(closed);
            assertThat(l.kind()).isEqualTo("FOLLOW_UP_OF");
        });
        assertThat(tickets.links(closed)).extracting(LinkedTicket::kind).containsExactly("FOLLOWED_UP_BY");
    }

    @Test
    void aReplyToAMergedTicketLandsOnTheTarget() {
        CustomerProfile c = customer();
        TicketId target = tickets.receive(mail("优惠券", "<t-" + c.id().value() + "@x>", null, List.of()), c);
        TicketId source = tickets.receive(mail("优惠券没到", "<u-" + c.id().value() + "@x>", null, List.of()), c);
        tickets.merge(source, target);
        TicketId next = tickets.receive(mail("Re: 优惠券没到", null, "<u-" + c.id().value() + "@x>", List.of()), c);
        assertThat(next).isEqualTo(target);
    }

    @Test
    void theSameInboundMessageIsThreadedOnlyOnce() {
        CustomerProfile c = customer();
        ParsedInboundMessage m = mail("重复投递", "<d-" + c.id().value() + "@x>", null, List.of());
        TicketId first = tickets.receive(m, c);
        TicketId second = tickets.receive(m, c);
        assertThat(second).isEqualTo(first);
        assertThat(tickets.messages(first)).hasSize(1);
    }

    @Test
    void webFormFieldsStayOnTheTicket() {
        CustomerProfile c = customer();
        var form = new ParsedInboundMessage(new InboundMessageId(ids.incrementAndGet()), Channel.WEB, null, "lina@example.com", "李娜",
                null, "网页表单", "订单未到", null, null, null, List.of(), List.of(), Map.of("order_no", "SO-778", "phone", "13800138000"),
                Instant.now());
        TicketId id = tickets.receive(form, c);
        assertThat(tickets.find(id).orElseThrow().fields()).containsEntry("order_no", "SO-778").containsEntry("phone", "13800138000");
    }
}
