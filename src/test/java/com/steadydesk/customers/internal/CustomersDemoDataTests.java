package com.steadydesk.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.customers.VipTier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomersDemoDataTests {

    final Instant now = Instant.parse("2026-11-29T02:00:00Z");

    @Test
    void seedsValidDistinctCustomersWithAFewVips() {
        List<Customer> seeded = CustomersDemoData.seeds().stream().map(seed -> seed.toCustomer(now)).toList();
        assertThat(seeded).hasSizeBetween(35, 45);
        assertThat(seeded.stream().flatMap(c -> c.contacts().stream()).map(ContactPoint::lookup)).doesNotHaveDuplicates();
        assertThat(seeded.stream().filter(c -> c.getVipTier().isVip())).hasSizeBetween(5, 8)
                .extracting(Customer::getVipTier).contains(VipTier.SILVER, VipTier.GOLD, VipTier.PLATINUM);
        assertThat(seeded).extracting(Customer::getAccountManager).contains("wangfang", "zhaolei");
    }
}
