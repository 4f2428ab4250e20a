package com.steadydesk.crisis;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.customers.CustomerId;
import com.steadydesk.identity.Role;
import com.steadydesk.platform.DomainRuleViolation;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "cs-lead", roles = "CRISIS_LEAD")
class FollowUpsTests {

    @Autowired
    FollowUps followUps;
    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisTimeline timeline;

    @Test
    void aCompensationIsApprovedBySomeoneElseThenDeliveredAndCounted() {
        CrisisId crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "补偿测试", null, null, List.of()),
                CrisisManagementTests.MINOR).id();
        FollowUps.Compensation refund = followUps.propose(crisis, new CustomerId(7), null, FollowUps.Kind.REFUND, new BigDecimal("99.50"), "重复扣款");
        FollowUps.Compensation coupons = followUps.propose(crisis, null, "故障期间下单的全部客户", FollowUps.Kind.COUPON, new BigDecimal("20"), "致歉");

        assertThatThrownBy(() -> followUps.decide(refund.id(), true)).isInstanceOf(DomainRuleViolation.class);
        as("finance-lead", Role.CRISIS_LEAD, () -> followUps.decide(refund.id(), true));
        as("finance-lead", Role.CRISIS_LEAD, () -> followUps.decide(coupons.id(), false));
        assertThat(followUps.recordDelivery(refund.id(), true, "原路退回").status()).isEqualTo("DELIVERED");
        assertThatThrownBy(() -> followUps.recordDelivery(coupons.id(), true, null)).isInstanceOf(DomainRuleViolation.class);

        assertThat(followUps.totals(crisis)).containsOnlyKeys(FollowUps.Kind.REFUND);
        assertThat(followUps.totals(crisis).get(FollowUps.Kind.REFUND)).isEqualByComparingTo("99.50");
        assertThatThrownBy(() -> followUps.propose(crisis, new CustomerId(1), "both", FollowUps.Kind.GIFT, BigDecimal.ONE, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void callbacksAreAssignedAndClosedWithAnOutcome() {
        CrisisId crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "回访测试", null, null, List.of()),
                CrisisManagementTests.MINOR).id();
        FollowUps.Callback callback = followUps.addCallback(crisis, new CustomerId(42), null, null);
        followUps.assignCallback(callback.id(), "zhangwei");
        FollowUps.Callback done = followUps.recordOutcome(callback.id(), FollowUps.Outcome.SATISFIED, "客户表示理解");

        assertThat(done.status()).isEqualTo("DONE");
        assertThat(done.assignee()).isEqualTo("zhangwei");
        assertThat(done.outcome()).isEqualTo(FollowUps.Outcome.SATISFIED);
        assertThatThrownBy(() -> followUps.recordOutcome(callback.id(), FollowUps.Outcome.NO_ANSWER, null)).isInstanceOf(DomainRuleViolation.class);
        assertThat(followUps.callbacks(crisis)).hasSize(1);
    }

    @Test
    void aCompensationApprovedByTwoLeadsAtOnceIsApprovedOnce() throws Exception {
        CrisisId crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "并发审批", null, null, List.of()),
                CrisisManagementTests.MINOR).id();
        FollowUps.Compensation refund = followUps.propose(crisis, new CustomerId(8), null, FollowUps.Kind.REFUND, new BigDecimal("50"), "重复扣款");
        int leads = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(leads);
        try {
            List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < leads; i++) {
                String lead = "approver-" + i;
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(lead, Role.CRISIS_LEAD, () -> followUps.decide(refund.id(), true));
                        return true;
                    } catch (DomainRuleViolation e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            long approvals = 0;
            for (var outcome : outcomes) {
                approvals += outcome.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(approvals).isEqualTo(1);
            assertThat(timeline.entries(crisis)).filteredOn(e -> e.text().contains("compensation " + refund.id() + " approved")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSegmentCompensationNamesItsSegmentAndNoCustomer() {
        CrisisId crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "群体补偿", null, null, List.of()),
                CrisisManagementTests.MINOR).id();
        followUps.propose(crisis, null, "故障期间下单的客户", FollowUps.Kind.COUPON, new BigDecimal("20"), "致歉");

        assertThat(followUps.compensations(crisis)).singleElement().satisfies(c -> {
            assertThat(c.customerId()).as("not customer #0").isNull();
            assertThat(c.segment()).isEqualTo("故障期间下单的客户");
        });
    }
}
