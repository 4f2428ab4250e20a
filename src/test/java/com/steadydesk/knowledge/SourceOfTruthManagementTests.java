package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.as;
import static com.steadydesk.knowledge.KnowledgeFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.steadydesk.notifications.StaffNotice;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.access.AccessDeniedException;

@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
class SourceOfTruthManagementTests {

    static final AtomicLong crisisIds = new AtomicLong(9_000);

    @Autowired
    SourceOfTruthManagement truth;
    @Autowired
    StaffNotices notices;

    static SourceOfTruthContent content(String refundPolicy) {
        return new SourceOfTruthContent("支付系统中断约2小时，影响下单。", "部分客户重复扣款。", "退款政策：财务总监；对外声明：公关负责人。",
                List.of(new SourceOfTruthContent.Decision(LocalDate.of(2026, 11, 29), "退款政策", refundPolicy)),
                "非常抱歉给您带来不便，重复扣款将在3个工作日内自动退回。", Instant.parse("2026-11-29T10:00:00Z"));
    }

    @Test
    void openingIsIdempotent() {
        long crisis = crisisIds.incrementAndGet();
        var first = truth.openFor(crisis, "支付故障 事实页");
        var second = truth.openFor(crisis, "another title");
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(second.title()).isEqualTo("支付故障 事实页");
        assertThat(truth.history(crisis)).hasSize(1);
    }

    @Test
    void everySaveIsAVersionWithAuthorAndDiff() {
        long crisis = crisisIds.incrementAndGet();
        truth.openFor(crisis, "支付故障");
        run("lead", "CRISIS_LEAD", () -> truth.save(crisis, content("重复扣款全额退款"), 1));
        run("sup", "SUPERVISOR", () -> truth.save(crisis, content("重复扣款全额退款，另补偿10元券"), 2));

        assertThat(truth.history(crisis)).extracting(SourceOfTruthVersionSummary::number, SourceOfTruthVersionSummary::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "sup"), org.assertj.core.groups.Tuple.tuple(2, "lead"),
                        org.assertj.core.groups.Tuple.tuple(1, "system"));
        VersionDiff diff = truth.diff(crisis, 2, 3);
        assertThat(diff.text()).contains("- • 2026-11-29 [退款政策] 重复扣款全额退款\n").contains("+ • 2026-11-29 [退款政策] 重复扣款全额退款，另补偿10元券");
        assertThat(diff.html()).contains("<ins>，另补偿10元券</ins>");
        assertThat(truth.page(crisis).content().decisions()).singleElement().extracting(SourceOfTruthContent.Decision::text)
                .isEqualTo("重复扣款全额退款，另补偿10元券");
    }

    @Test
    void aSaveWithoutChangesMakesNoVersion() {
        long crisis = crisisIds.incrementAndGet();
        truth.openFor(crisis, "无变化");
        run("lead", "CRISIS_LEAD", () -> {
            truth.save(crisis, content("全额退款"), null);
            truth.save(crisis, content("全额退款"), null);
        });
        assertThat(truth.history(crisis)).hasSize(2);
    }

    @Test
    void onlyLeadsSupervisorsAndNamedSquadMembersEdit() {
        long crisis = crisisIds.incrementAndGet();
        truth.openFor(crisis, "权限");
        assertThatThrownBy(() -> run("agent-1", "AGENT", () -> truth.save(crisis, content("x"), null))).isInstanceOf(AccessDeniedException.class);
        truth.allowEditors(crisis, List.of("squad-pr"));
        run("squad-pr", "AGENT", () -> truth.save(crisis, content("公关确认"), null));
        assertThat(truth.page(crisis).updatedBy()).isEqualTo("squad-pr");
        assertThat(truth.page(crisis).editors()).containsExactly("squad-pr");
        assertThat(as("temp", "TEMP_AGENT", () -> truth.canEdit(crisis))).isFalse();
        assertThat(as("admin-x", "ADMIN", () -> truth.canEdit(crisis))).isTrue();
    }

    @Test
    void refusesASaveBasedOnAnOutdatedVersion() {
        long crisis = crisisIds.incrementAndGet();
        truth.openFor(crisis, "并发");
        run("lead", "CRISIS_LEAD", () -> truth.save(crisis, content("A"), 1));
        assertThatThrownBy(() -> run("lead2", "CRISIS_LEAD", () -> truth.save(crisis, content("B"), 1)))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void subscribersGetANoticeWithTheDiffButNotTheAuthor() {
        long crisis = crisisIds.incrementAndGet();
        truth.openFor(crisis, "订阅测试");
        run("watcher-1", "TEMP_AGENT", () -> truth.subscribe(crisis));
        run("watcher-2", "AGENT", () -> truth.subscribe(crisis));
        run("watcher-2", "AGENT", () -> truth.unsubscribe(crisis));
        run("lead-9", "CRISIS_LEAD", () -> truth.subscribe(crisis));
        assertThat(truth.subscribers(crisis)).containsExactly("lead-9", "watcher-1");

        run("lead-9", "CRISIS_LEAD", () -> truth.save(crisis, content("7天内退款"), null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(notices.recent("watcher-1", null, 10).rows())
                .anySatisfy(n -> {
                    assertThat(n.subject()).contains("订阅测试").contains("v2");
                    assertThat(n.body()).contains("+ • 2026-11-29 [退款政策] 7天内退款");
                    assertThat(n.link()).isEqualTo("/knowledge/crisis/" + crisis);
                    assertThat(n.unread()).isTrue();
                }));
        assertThat(notices.recent("lead-9", null, 10).rows()).extracting(StaffNotice::link).doesNotContain("/knowledge/crisis/" + crisis);
        assertThat(notices.recent("watcher-2", null, 10).rows()).extracting(StaffNotice::link).doesNotContain("/knowledge/crisis/" + crisis);
    }
}
