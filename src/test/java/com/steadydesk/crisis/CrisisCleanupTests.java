package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.crisis.CrisisCleanup.CleanupStep;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.notifications.Delivery;
import com.steadydesk.notifications.PublicSubscriptions;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptStatus;
import com.steadydesk.scripts.ScriptsTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-clean", roles = "CRISIS_LEAD")
class CrisisCleanupTests {

    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisCleanup cleanup;
    @Autowired
    StatusPage statusPage;
    @Autowired
    InternalUpdates internalUpdates;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    HelpCenterNotices helpCenter;
    @Autowired
    MailFooter mailFooter;
    @Autowired
    PublicSubscriptions subscriptions;
    @Autowired
    StaffNotices staffNotices;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ReportingChain chain;

    @Test
    void closingWritesTheChecklistAndVerifiesTheNoticesAreGone() {
        CrisisDetails crisis = declaredWithKeywords("收尾清单测试");
        ScriptId retired = crisisScript(crisis.id(), "停机致歉 cleanupA");
        ScriptId kept = crisisScript(crisis.id(), "延迟说明 cleanupB");
        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("INVESTIGATING", "正在排查。", "Investigating.", null));
        assertThat(helpCenter.bannerOf(crisis.id().value())).isPresent();
        cleanup.recordContactPointChange(crisis.id(), "热线转接外包坐席");

        closeAndAwaitVerification(crisis.id());

        List<CleanupStep> steps = cleanup.checklist(crisis.id()).steps();
        assertThat(steps).extracting(CleanupStep::kind).containsExactlyInAnyOrder("CONTACT_POINT", "SCRIPT", "SCRIPT", "BANNER", "CALLOUTS",
                "MAIL_FOOTER", "KEYWORD_LINKING", "FINAL_UPDATE");
        assertThat(steps).filteredOn(s -> s.kind().equals("SCRIPT")).extracting(CleanupStep::refId)
                .containsExactly(retired.value(), kept.value());
        assertThat(steps).filteredOn(s -> List.of("BANNER", "CALLOUTS", "MAIL_FOOTER").contains(s.kind()))
                .allSatisfy(s -> {
                    assertThat(s.done()).isTrue();
                    assertThat(s.outcome()).isEqualTo("REMOVED");
                    assertThat(s.doneBy()).isEqualTo("system");
                });
        assertThat(steps).filteredOn(s -> s.kind().equals("KEYWORD_LINKING")).extracting(CleanupStep::label).containsExactly("扣款失败, 重复扣款");
        assertThat(helpCenter.bannerOf(crisis.id().value())).isEmpty();
        assertThat(mailFooter.current()).extracting(MailFooter.FooterNotice::key).doesNotContain("crisis-" + crisis.id().value());
        assertThat(cleanup.checklist(crisis.id()).done()).isEqualTo(3);
        assertThat(cleanup.crisesWithOpenCleanup()).contains(crisis.id().value());
        // keyword auto-linking stops with the close
        assertThat(crises.withKeywords()).extracting(CrisisDetails::id).doesNotContain(crisis.id());
    }

    @Test
    void theLeadRetiresOrKeepsEachScriptConfirmsContactPointsAndEachStepLandsOnTheTimeline() {
        CrisisDetails crisis = declaredWithKeywords("话术收尾");
        ScriptId retired = crisisScript(crisis.id(), "临时话术 cleanupC");
        ScriptId kept = crisisScript(crisis.id(), "保留话术 cleanupD");
        CleanupStep change = cleanup.recordContactPointChange(crisis.id(), "在线客服延长至 24 小时");
        closeAndAwaitVerification(crisis.id());

        cleanup.retireScript(crisis.id(), retired.value());
        cleanup.keepScript(crisis.id(), kept.value());
        CleanupStep keywords = step(crisis.id(), "KEYWORD_LINKING");
        cleanup.confirm(crisis.id(), keywords.id());
        cleanup.confirm(crisis.id(), change.id());

        assertThat(scripts.view(retired).status()).isEqualTo(ScriptStatus.RETIRED);
        assertThat(scripts.view(kept).status()).isEqualTo(ScriptStatus.DRAFT);
        assertThat(scripts.view(kept).content().crisisId()).isNull();
        List<CleanupStep> steps = cleanup.checklist(crisis.id()).steps();
        assertThat(steps).filteredOn(s -> s.kind().equals("SCRIPT")).extracting(CleanupStep::outcome).containsExactly("RETIRED", "KEPT");
        assertThat(steps).filteredOn(s -> s.id() == change.id() || s.id() == keywords.id()).allSatisfy(s -> {
            assertThat(s.outcome()).isEqualTo("CONFIRMED");
            assertThat(s.doneBy()).isEqualTo("lead-clean");
            assertThat(s.doneAt()).isNotNull();
        });
        assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::text)
                .anyMatch(t -> t.startsWith("clean-up: script #" + retired.value()) && t.contains("retired"))
                .anyMatch(t -> t.startsWith("clean-up: contact point \"在线客服延长至 24 小时\" confirmed"));
        assertThatThrownBy(() -> cleanup.retireScript(crisis.id(), retired.value())).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("crisis.cleanup.done");
        // a crisis that never went public needs no final update: everything is done now
        assertThat(cleanup.checklist(crisis.id()).complete()).isTrue();
        assertThat(cleanup.crisesWithOpenCleanup()).doesNotContain(crisis.id().value());
    }

    @Test
    void aNoticeShownAgainAfterCloseCountsAsOpenUntilCleared() {
        CrisisDetails crisis = declaredWithKeywords("横幅残留");
        closeAndAwaitVerification(crisis.id());
        int doneBefore = cleanup.checklist(crisis.id()).done();

        helpCenter.showBanner(crisis.id().value(), "横幅残留", "/status");

        CleanupStep banner = step(crisis.id(), "BANNER");
        assertThat(banner.leftOver()).isTrue();
        assertThat(banner.done()).isFalse();
        assertThat(cleanup.checklist(crisis.id()).done()).isEqualTo(doneBefore - 1);
        assertThatThrownBy(() -> cleanup.confirm(crisis.id(), banner.id())).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("crisis.cleanup.still-shown");

        cleanup.clearNotice(crisis.id(), "BANNER");

        assertThat(helpCenter.bannerOf(crisis.id().value())).isEmpty();
        assertThat(step(crisis.id(), "BANNER").done()).isTrue();
    }

    @Test
    void theFinalUpdateTellsSubscribersAndStaffAndThePublicPageShowsTheCrisisResolved() {
        String follower = CrisisTestSupport.user(users, "follower", Role.AGENT);
        String subscriber = confirmedSubscriber();
        try {
            CrisisDetails crisis = declaredWithKeywords("结束公告测试");
            statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("INVESTIGATING", "正在排查支付问题。", "Investigating payments.", null));
            ScriptsTestSupport.run(follower, Role.AGENT, () -> internalUpdates.follow(crisis.id()));
            closeAndAwaitVerification(crisis.id());
            assertThat(step(crisis.id(), "FINAL_UPDATE").done()).isFalse();

            StatusPage.UpdateDraft draft = cleanup.draftFinalUpdate(crisis.id());
            assertThat(draft.phase()).isEqualTo("RESOLVED");
            // the public title (here the type's neutral wording), never the internal one
            assertThat(draft.bodyZh()).contains("部分服务异常").doesNotContain("结束公告测试").contains("已解决");
            PublicUpdate update = cleanup.sendFinalUpdate(crisis.id(), draft.bodyZh(), draft.bodyEn());

            assertThat(update.phase()).isEqualTo("RESOLVED");
            assertThat(step(crisis.id(), "FINAL_UPDATE").outcome()).isEqualTo("SENT");
            assertThat(statusPage.current().crises()).filteredOn(c -> c.id() == crisis.id().value())
                    .singleElement().satisfies(c -> assertThat(c.over()).isTrue());
            // the final word does not bring the banner or the mail footer back
            assertThat(helpCenter.bannerOf(crisis.id().value())).isEmpty();
            assertThat(mailFooter.current()).extracting(MailFooter.FooterNotice::key).doesNotContain("crisis-" + crisis.id().value());
            assertThat(staffNotices.recent(follower, null, 5).rows()).extracting(n -> n.subject())
                    .anyMatch(s -> s.contains("Resolved") && s.contains("结束公告测试"));
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(subscriptions.deliveries("crisis-update:" + update.id())).extracting(Delivery::recipient).contains(subscriber));
            assertThatThrownBy(() -> cleanup.sendFinalUpdate(crisis.id(), "再发一次", null)).isInstanceOf(DomainRuleViolation.class);
        } finally {
            // other tests count the confirmed subscribers: leave none behind
            unsubscribe(subscriber);
        }
    }

    @Test
    void nothingIsCleanedUpBeforeTheCrisisCloses() {
        CrisisDetails crisis = declaredWithKeywords("未关闭");
        ScriptId script = crisisScript(crisis.id(), "未关闭话术 cleanupE");
        assertThatThrownBy(() -> cleanup.retireScript(crisis.id(), script.value())).isInstanceOf(DomainRuleViolation.class)
                .extracting("rule").isEqualTo("crisis.cleanup.not-closed");
        assertThatThrownBy(() -> cleanup.sendFinalUpdate(crisis.id(), "结束", null)).isInstanceOf(DomainRuleViolation.class);
        assertThat(scripts.view(script).status()).isEqualTo(ScriptStatus.APPROVED);
    }

    @Test
    void theReportsOfAClosedCrisisNoLongerEscalateNorWaitForAnAcknowledgement() {
        String first = CrisisTestSupport.user(users, "duty", Role.CRISIS_LEAD);
        String second = CrisisTestSupport.user(users, "boss", Role.SUPERVISOR);
        chain.saveLevel(CrisisGrade.MINOR, 1, first, List.of(), List.of(), List.of("IN_APP"), 30);
        chain.saveLevel(CrisisGrade.MINOR, 2, second, List.of(), List.of(), List.of("IN_APP"), 60);
        try {
            CrisisDetails crisis = declaredWithKeywords("关闭后不再升级");
            Instant sent = chain.notices(crisis.id()).get(0).sentAt();
            assertThat(chain.openNoticesFor(first)).extracting(ChainNotice::crisisId).contains(crisis.id());
            closeAndAwaitVerification(crisis.id());

            chain.escalateOverdue(sent.plus(Duration.ofMinutes(31)));

            assertThat(chain.notices(crisis.id())).hasSize(1);
            assertThat(chain.openNoticesFor(first)).extracting(ChainNotice::crisisId).doesNotContain(crisis.id());
            assertThat(staffNotices.recent(second, null, 50).rows()).extracting(n -> n.link()).doesNotContain("/crisis/" + crisis.id().value());
        } finally {
            chain.saveLevel(CrisisGrade.MINOR, 1, null, List.of(), List.of("CRISIS_LEAD"), List.of("IN_APP"), 30);
            chain.saveLevel(CrisisGrade.MINOR, 2, null, List.of(), List.of("SUPERVISOR"), List.of("IN_APP", "EMAIL"), 60);
        }
    }

    private CrisisDetails declaredWithKeywords(String title) {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, title, null, null, List.of()),
                CrisisManagementTests.MINOR);
        return crises.describeScope(crisis.id(), new CrisisScope(List.of("在线支付"), List.of(), List.of(), List.of("扣款失败", "重复扣款")));
    }

    private void closeAndAwaitVerification(CrisisId id) {
        crises.resolve(id);
        crises.close(id);
        await().atMost(Duration.ofSeconds(10)).until(() -> step(id, "MAIL_FOOTER").done());
    }

    private CleanupStep step(CrisisId id, String kind) {
        return cleanup.checklist(id).steps().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
    }

    /** An approved script written for the crisis (the current user writes it, a reviewer approves it). */
    private ScriptId crisisScript(CrisisId crisis, String title) {
        long category = scripts.categories().stream().filter(c -> c.code().equals("technical-fault")).findFirst().orElseThrow().id();
        ScriptId id = scripts.create(new ScriptDraft(title, category, "zh-CN", "您好，很抱歉，服务暂时不可用。最新进展请看 {{crisis.status_url}}。",
                List.of("test"), Audience.ALL, null, "when", null, null, List.of(), crisis.value(), null)).id();
        scripts.submitForReview(id);
        com.steadydesk.scripts.ScriptsTestSupport.run("rita.reviewer", com.steadydesk.identity.Role.REVIEWER, () -> scripts.approve(id, "ok"));
        return id;
    }

    private void unsubscribe(String address) {
        jdbc.sql("select text_body from outbound_messages where to_address = ? and text_body like '%unsubscribe?token=%' order by id desc limit 1")
                .param(address).query(String.class).optional()
                .ifPresent(mail -> subscriptions.unsubscribe(mail.substring(mail.indexOf("unsubscribe?token=") + 18).split("\\s")[0]));
    }

    private String confirmedSubscriber() {
        String address = "final-" + System.nanoTime() + "@example.com";
        subscriptions.subscribe(address, "zh-CN");
        String mail = jdbc.sql("select text_body from outbound_messages where to_address = ? order by id desc limit 1").param(address)
                .query(String.class).single();
        String token = mail.substring(mail.indexOf("token=") + 6).split("\\s")[0];
        assertThat(subscriptions.confirm(token)).isTrue();
        return address;
    }
}
