package com.steadydesk.inbox.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.platform.DomainRuleViolation;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplyPlaceholdersTests {

    @Test
    void fillsTheKnownPlaceholders() {
        String text = ReplyPlaceholders.fill("{{customer.name}}您好，工单 #{{ ticket.number }}（{{ticket.subject}}）由{{agent.name}}跟进。",
                Map.of("customer.name", "王女士", "ticket.number", "10001", "ticket.subject", "退款", "agent.name", "张伟"));
        assertThat(text).isEqualTo("王女士您好，工单 #10001（退款）由张伟跟进。");
    }

    @Test
    void refusesATextWithAPlaceholderLeft() {
        assertThatThrownBy(() -> ReplyPlaceholders.requireFillable("订单 {{order_no}} 将在 {{days}} 天内发出，{{customer.name}}"))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("{{order_no}}, {{days}}")
                .extracting("rule").isEqualTo("reply.placeholder-unfilled");
        Map<String, String> values = new HashMap<>();
        values.put("customer.name", null);
        assertThatThrownBy(() -> ReplyPlaceholders.fill("{{customer.name}}您好", values)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void leavesTextWithoutPlaceholdersAlone() {
        ReplyPlaceholders.requireFillable("价格 {100} 元，{{customer.name}}");
        assertThat(ReplyPlaceholders.fill("a {b} c $1 \\", Map.of())).isEqualTo("a {b} c $1 \\");
        assertThat(ReplyPlaceholders.names("{{ a }} {{b}} {{a}}")).containsExactly("a", "b");
    }
}
