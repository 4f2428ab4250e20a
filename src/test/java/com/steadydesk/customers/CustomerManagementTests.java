package com.steadydesk.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerManagement.NewCustomer;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.Keyset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

// Same configuration as the web tests, so that they share one application context.
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class CustomerManagementTests {

    @Autowired
    CustomerManagement customers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationEvents events;

    @Test
    void identifiesByEmailRegardlessOfLetterCase() {
        String local = unique();
        CustomerProfile first = customers.identifyByEmail(local + "@Example.com", "张伟");
        CustomerProfile again = customers.identifyByEmail(" " + local.toUpperCase() + "@EXAMPLE.COM ", "Someone else");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.name()).isEqualTo("张伟");
        assertThat(again.emails()).containsExactly(local + "@Example.com");
        assertThat(events.stream(CustomerUpdated.class)).containsExactly(new CustomerUpdated(first.id()));
    }

    @Test
    void identifiesByPhoneHoweverTheNumberIsWritten() {
        String mobile = "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
        CustomerProfile first = customers.identifyByPhone(mobile, null);
        for (String written : List.of(mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7),
                mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7), "+86 " + mobile, "+86-" + mobile,
                "0086" + mobile, "(+86) " + mobile)) {
            assertThat(customers.identifyByPhone(written, "另一个名字").id()).as(written).isEqualTo(first.id());
        }
        // Without a name the customer is named by the masked number, never by the number itself.
        assertThat(first.name()).isEqualTo(mobile.substring(0, 3) + "****" + mobile.substring(7));
    }

    @Test
    void concurrentIntakesOfOneNewAddressMakeOneCustomer() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 5; round++) {
                String email = unique() + "@example.cn";
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<CustomerId>> results = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return customers.identifyByEmail(email, "并发客户").id();
                    }));
                }
                Set<CustomerId> ids = new HashSet<>();
                for (Future<CustomerId> result : results) {
                    ids.add(result.get());
                }
                assertThat(ids).hasSize(1);
                assertThat(jdbc.sql("select count(*) from customer_contacts where lookup = ?").params(email).query(Long.class).single())
                        .isEqualTo(1);
                assertThat(customers.find(ids.iterator().next())).isPresent();
            }
            assertThat(jdbc.sql("select count(*) from customers c where not exists (select 1 from customer_contacts p where p.customer_id = c.id)"
                    + " and c.name = '并发客户'").query(Long.class).single()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsWhatIsNeitherAPhoneNorAContactAddress() {
        assertThatThrownBy(() -> customers.identifyByPhone("call me", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> com.steadydesk.customers.internal.ContactPoint.email("root@localhost"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSenderAddressThatIsNoContactAddressIdentifiesAnUnknownSenderKeyedByIt() {
        CustomerProfile root = customers.identifyByEmail("root@localhost", null);
        CustomerProfile again = customers.identifyByEmail("root@localhost", "cron");
        CustomerProfile quoted = customers.identifyByEmail("\"john..doe\"@example.com", "John");

        assertThat(again.id()).isEqualTo(root.id());
        assertThat(root.name()).isEqualTo("root@localhost");
        assertThat(quoted.id()).isNotEqualTo(root.id());
        assertThat(root.emails()).isEmpty();
        assertThat(customers.identifyAllByEmail(java.util.Map.of("root@localhost", "x", "ok-" + java.util.UUID.randomUUID() + "@example.cn", "y"))
                .get("root@localhost").id()).isEqualTo(root.id());
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentMayEditContactsButNotTheTier() {
        CustomerProfile customer = customers.identifyByEmail(unique() + "@example.com", "李娜");
        CustomerProfile changed = customers.update(customer.id(), new CustomerChanges(null, null, List.of("138 0000 1234"),
                List.of("shop:" + unique()), null, null, "喜欢电话联系"));
        assertThat(changed.phones()).containsExactly("138 0000 1234");
        assertThat(changed.notes()).isEqualTo("喜欢电话联系");

        assertThatThrownBy(() -> customers.changeTier(customer.id(), VipTier.GOLD)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customers.update(customer.id(), new CustomerChanges(null, null, null, null, null, "admin", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> customers.create(new NewCustomer("王五", List.of(), List.of(), List.of(), VipTier.SILVER, null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(customers.find(customer.id()).orElseThrow().vipTier()).isEqualTo(VipTier.NONE);
    }

    @Test
    @WithMockUser(username = "lead1", roles = "SUPERVISOR")
    void aSupervisorChangesTheTierAndItIsAuditedAndPublished() {
        CustomerProfile customer = customers.identifyByEmail(unique() + "@example.com", "陈静");
        events.clear();

        CustomerProfile gold = customers.update(customer.id(), new CustomerChanges(null, null, null, null, VipTier.GOLD, "admin", null));

        assertThat(gold.vipTier()).isEqualTo(VipTier.GOLD);
        assertThat(gold.isVip()).isTrue();
        assertThat(gold.accountManager()).isEqualTo("admin");
        assertThat(events.stream(CustomerUpdated.class)).containsExactly(new CustomerUpdated(customer.id()));
        assertThat(audit.recent("lead1", "customer.updated", null, 5)).first()
                .satisfies(e -> assertThat(e.details()).contains("tier NONE→GOLD").contains("accountManager null→admin"))
                .satisfies(e -> assertThat(e.target()).isEqualTo("customer:" + customer.id().value()));
        assertThatThrownBy(() -> customers.update(customer.id(), new CustomerChanges(null, null, null, null, null, "nobody-" + unique(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void refusesAContactPointOfAnotherCustomer() {
        String email = unique() + "@example.com";
        customers.identifyByEmail(email, "甲");
        CustomerProfile other = customers.identifyByEmail(unique() + "@example.com", "乙");

        assertThatThrownBy(() -> customers.update(other.id(), new CustomerChanges(null, List.of(email.toUpperCase()), null, null, null, null, null)))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("customer.email-taken");
        assertThatThrownBy(() -> customers.create(new NewCustomer("丙", List.of(email), null, null, null, null, null)))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    @WithMockUser(roles = "TEMP_AGENT")
    void aTemporaryAgentGetsProfilesMaskedInOneBatch() {
        CustomerProfile a = customers.identifyByEmail("zhang" + unique() + "@example.com", "张三");
        CustomerProfile b = customers.identifyByPhone("13812345678", "李四");

        var found = customers.findAllForViewer(List.of(a.id(), b.id(), new CustomerId(-1)));

        assertThat(found).containsOnlyKeys(a.id(), b.id());
        assertThat(found.get(a.id()).emails()).containsExactly("z***@example.com");
        assertThat(found.get(b.id()).phones()).containsExactly("138****5678");
        assertThat(found.values()).allMatch(CustomerProfile::masked);
        assertThat(customers.find(b.id()).orElseThrow().phones()).containsExactly("13812345678");
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void searchesByNameContactOrExternalIdOnePageAtATime() {
        String tag = unique();
        for (int i = 0; i < 5; i++) {
            customers.create(new NewCustomer("搜索" + tag + " " + i, List.of(tag + i + "@example.com"), null,
                    List.of("shop:" + tag + i), null, null, null));
        }
        Keyset<CustomerProfile> first = customers.searchForViewer(new CustomerSearch("搜索" + tag, null, false, null, 2));
        Keyset<CustomerProfile> second = customers.searchForViewer(new CustomerSearch("搜索" + tag, null, false, first.nextCursor(), 2));
        Keyset<CustomerProfile> third = customers.searchForViewer(new CustomerSearch("搜索" + tag, null, false, second.nextCursor(), 2));

        assertThat(first.rows()).extracting(CustomerProfile::name).containsExactly("搜索" + tag + " 4", "搜索" + tag + " 3");
        assertThat(second.rows()).extracting(CustomerProfile::name).containsExactly("搜索" + tag + " 2", "搜索" + tag + " 1");
        assertThat(third.rows()).extracting(CustomerProfile::name).containsExactly("搜索" + tag + " 0");
        assertThat(third.hasNext()).isFalse();
        assertThat(customers.searchForViewer(new CustomerSearch("SHOP:" + tag + "3", null, false, null, 10)).rows())
                .extracting(CustomerProfile::name).containsExactly("搜索" + tag + " 3");
        assertThat(customers.searchForViewer(new CustomerSearch(tag + "2@EXAMPLE.com", null, false, null, 10)).rows()).hasSize(1);
        assertThat(customers.searchForViewer(new CustomerSearch("搜索" + tag, null, true, null, 10)).rows()).isEmpty();
        assertThat(customers.searchForViewer(new CustomerSearch("搜索" + tag, VipTier.NONE, false, null, 10)).rows()).hasSize(5);
        assertThat(customers.searchForViewer(new CustomerSearch("搜索" + tag, VipTier.GOLD, false, null, 10)).rows()).isEmpty();
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
