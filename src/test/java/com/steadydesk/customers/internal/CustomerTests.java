package com.steadydesk.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.platform.DomainRuleViolation;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CustomerTests {

    final Instant now = Instant.parse("2026-11-29T02:00:00Z");

    @Test
    void keepsOneOfEachContactPointHoweverItIsWritten() {
        Customer customer = Customer.create("  陈静 ", now);
        customer.addEmail("chenjing@example.com", now);
        customer.addEmail("ChenJing@Example.com", now);
        customer.addPhone("13812345678", now);
        customer.addPhone("+86 138 1234 5678", now);

        assertThat(customer.getName()).isEqualTo("陈静");
        assertThat(customer.contacts()).extracting(ContactPoint::value).containsExactly("chenjing@example.com", "13812345678");
    }

    @Test
    void replacesOneKindOfContactPointsAndKeepsTheOther() {
        Customer customer = Customer.create("陈静", now);
        customer.addEmail("old@example.com", now);
        customer.addPhone("13812345678", now);
        customer.replaceEmails(List.of("first@example.com", " ", "second@example.com"), now);

        assertThat(customer.contacts()).extracting(ContactPoint::value)
                .containsExactly("13812345678", "first@example.com", "second@example.com");
    }

    @Test
    void refusesMoreThanTenOfAKind() {
        Customer customer = Customer.create("批量导入", now);
        List<String> eleven = IntStream.range(0, 11).mapToObj(i -> "a" + i + "@example.com").toList();
        assertThatThrownBy(() -> customer.replaceEmails(eleven, now)).isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void needsANameAndKeepsNotesShort() {
        assertThatThrownBy(() -> Customer.create(" ", now)).isInstanceOf(IllegalArgumentException.class);
        Customer customer = Customer.create("陈静", now);
        assertThatThrownBy(() -> customer.changeNotes("长".repeat(Customer.MAX_NOTES + 1), now)).isInstanceOf(IllegalArgumentException.class);
        customer.changeNotes("  ", now);
        assertThat(customer.getNotes()).isNull();
    }

    @Test
    void parsesExternalIdsAsSystemAndValue() {
        Customer customer = Customer.create("陈静", now);
        customer.replaceExternalIds(List.of("Shop:U10023", "shop:U10023", "crm: C-2041 "), now);
        assertThat(customer.externalIds()).containsExactly(new ExternalId("shop", "U10023"), new ExternalId("crm", "C-2041"));
        assertThatThrownBy(() -> customer.replaceExternalIds(List.of("U10023"), now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> customer.replaceExternalIds(List.of("shop:"), now)).isInstanceOf(IllegalArgumentException.class);
    }
}
