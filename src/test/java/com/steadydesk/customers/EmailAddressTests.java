package com.steadydesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailAddressTests {

    @Test
    void acceptsOrdinaryAddresses() {
        assertThat(EmailAddress.isValid("zhangsan@example.cn")).isTrue();
        assertThat(EmailAddress.isValid("Li.Lei+order-42@mail.example.com.cn")).isTrue();
        assertThat(EmailAddress.isValid("  kehu@example.cn ")).isTrue();
        assertThat(EmailAddress.isValid("王@例子.中国")).isTrue();
    }

    @Test
    void refusesWhatNoCustomerCanBeReachedAt() {
        assertThat(EmailAddress.isValid("root@localhost")).isFalse();
        assertThat(EmailAddress.isValid("z@z")).isFalse();
        assertThat(EmailAddress.isValid("\"john..doe\"@example.com")).isFalse();
        assertThat(EmailAddress.isValid("\"...\"@example.com")).isFalse();
        assertThat(EmailAddress.isValid("a@b@example.com")).isFalse();
        assertThat(EmailAddress.isValid("john..doe@example.com")).isFalse();
        assertThat(EmailAddress.isValid(".john@example.com")).isFalse();
        assertThat(EmailAddress.isValid("john@-example.com")).isFalse();
        assertThat(EmailAddress.isValid("john@example.c")).isFalse();
        assertThat(EmailAddress.isValid("x".repeat(65) + "@example.com")).isFalse();
        assertThat(EmailAddress.isValid("")).isFalse();
        assertThat(EmailAddress.isValid(null)).isFalse();
    }
}
