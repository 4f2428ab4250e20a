package com.steadydesk.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.Channel;
import com.steadydesk.inbox.TicketPriority;
import com.steadydesk.inbox.TicketStatus;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class TicketTests {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    static Ticket ticket() {
        return Ticket.open(10001, "订单没到", Channel.EMAIL, 1, "NONE", TicketPriority.NORMAL, Set.of(), T0);
    }

    @Property
    void statusMachineNeverLeavesClosedNorReturnsToNew(@ForAll @Size(max = 12) List<TicketStatus> moves) {
        Ticket ticket = ticket();
        boolean leftNew = false;
        for (TicketStatus to : moves) {
            TicketStatus from = ticket.getStatus();
            try {
                ticket.changeStatus(to, "agent", T0.plusSeconds(1));
                assertThat(Ticket.allows(from, to)).isTrue();
            } catch (DomainRuleViolation e) {
                assertThat(Ticket.allows(from, to)).isFalse();
                assertThat(ticket.getStatus()).isEqualTo(from);
            }
            if (from == TicketStatus.CLOSED) {
                assertThat(ticket.getStatus()).isEqualTo(TicketStatus.CLOSED);
            }
            leftNew |= ticket.getStatus() != TicketStatus.NEW;
            assertThat(ticket.getStatus() == TicketStatus.NEW).isEqualTo(!leftNew);
            if (ticket.getStatus() == TicketStatus.SOLVED) {
                assertThat(ticket.getSolvedAt()).isNotNull();
            } else if (ticket.getStatus() != TicketStatus.CLOSED) {
                assertThat(ticket.getSolvedAt()).isNull();
            }
        }
    }

    @Test
    void closedTicketCannotBeReopened() {
        Ticket ticket = ticket();
        ticket.changeStatus(TicketStatus.CLOSED, "agent", T0);
        assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.OPEN, "agent", T0)).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> ticket.customerWrote(T0)).isInstanceOf(DomainRuleViolation.class);
        assertThatThrownBy(() -> ticket.agentReplied(null, "agent", T0)).isInstanceOf(DomainRuleViolation.class);
        assertThat(ticket.getClosedAt()).isEqualTo(T0);
    }

    @Test
    void customerMessageReopensSolvedAndPendingTickets() {
        Ticket ticket = ticket();
        ticket.changeStatus(TicketStatus.SOLVED, "agent", T0);
        ticket.customerWrote(T0.plusSeconds(60));
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.getSolvedAt()).isNull();
        ticket.changeStatus(TicketStatus.PENDING, "agent", T0.plusSeconds(120));
        ticket.customerWrote(T0.plusSeconds(180));
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.OPEN);
        assertThat(ticket.getLastCustomerMessageAt()).isEqualTo(T0.plusSeconds(180));
    }

    @Test
    void firstPublicReplySetsTheFirstResponseOnce() {
        Ticket ticket = ticket();
        ticket.agentReplied(null, "agent", T0.plusSeconds(30));
        ticket.agentReplied(TicketStatus.PENDING, "agent", T0.plusSeconds(90));
        assertThat(ticket.getFirstRespondedAt()).isEqualTo(T0.plusSeconds(30));
        assertThat(ticket.getLastAgentReplyAt()).isEqualTo(T0.plusSeconds(90));
        assertThat(ticket.getStatus()).isEqualTo(TicketStatus.PENDING);
    }

    @Test
    void tagsAreNormalisedAndUnique() {
        Ticket ticket = ticket();
        ticket.tag(" VIP ", "agent", T0);
        ticket.tag("vip", "agent", T0);
        ticket.tag("退款", "agent", T0);
        assertThat(ticket.getTags()).containsExactly("vip", "退款");
        assertThatThrownBy(() -> ticket.tag("two words", "agent", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ticket.drainChanges()).extracting(Ticket.Change::field).containsExactly("tags", "tags");
    }

    @Test
    void noGoingBackToNew() {
        Ticket ticket = ticket();
        ticket.changeStatus(TicketStatus.OPEN, "agent", T0);
        assertThatThrownBy(() -> ticket.changeStatus(TicketStatus.NEW, "agent", T0)).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("ticket.status.back-to-new");
    }
}
