package com.steadydesk.scripts;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static com.steadydesk.scripts.ScriptsTestSupport.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.Role;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.ScriptManagement.LibraryFilter;
import com.steadydesk.scripts.ScriptManagement.Suggestion;
import com.steadydesk.scripts.ScriptManagement.SuggestionRequest;
import com.steadydesk.scripts.ScriptManagement.ScriptSummary;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.internal.SearchGaps;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/** The review flow, visibility to agents, expiry and crisis clean-up, contradictions, search and suggestions. */
@SpringBootTest
@org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc
@Import(ScriptsTestSupport.Clocks.class)
class ScriptManagementTests {

    static final String EDITOR = "ed.editor";
    static final String REVIEWER = "rita.reviewer";
    static final String AGENT = "tom.agent";

    @Autowired
    ScriptManagement scripts;
    @Autowired
    SearchIndex searchIndex;
    @Autowired
    AuditLog audit;
    @Autowired
    SearchGaps gaps;
    @Autowired
    ScriptsTestSupport.MovableClock clock;

    long category(String code) {
        return scripts.categories().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow().id();
    }

    ScriptDraft draft(String title, String categoryCode, String language, String body) {
        return new ScriptDraft(title, category(categoryCode), language, body, List.of("test"), Audience.ALL, null, "when", null, null,
                List.of(), null, null);
    }

    ScriptId drafted(ScriptDraft draft) {
        return as(EDITOR, Role.SUPERVISOR, () -> scripts.create(draft).id());
    }

    ScriptId approved(ScriptDraft draft) {
        ScriptId id = drafted(draft);
        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(id));
        run(REVIEWER, Role.REVIEWER, () -> scripts.approve(id, "ok"));
        // The index learns of the approval through an asynchronous listener; tests that search or suggest wait for it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            searchIndex.refreshNow();
            assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search(draft.title(), null, 50))).extracting(ScriptSummary::id).contains(id);
        });
        return id;
    }

    List<Suggestion> suggest(String text, boolean vip) {
        return as(AGENT, Role.AGENT, () -> {
            searchIndex.refreshNow();
            return scripts.suggestions(new SuggestionRequest(text, vip, null, 5));
        });
    }

    @Test
    void rejectsApprovalByItsAuthor() {
        ScriptId id = drafted(draft("自审测试", "order-status", "zh-CN", "您好，订单正在处理中。"));
        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(id));
        assertThatThrownBy(() -> run(EDITOR, Role.ADMIN, () -> scripts.approve(id, "mine")))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("script.self-approval");
    }

    @Test
    void approvesOnlyWhatIsInReview() {
        ScriptId id = drafted(draft("未提交", "order-status", "zh-CN", "您好，订单正在处理中。"));
        assertThatThrownBy(() -> run(REVIEWER, Role.REVIEWER, () -> scripts.approve(id, "too early")))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("script.not-in-review");
    }

    @Test
    void agentCannotSeeOrUseADraft() {
        ScriptId id = drafted(draft("草稿可见性 zebra", "order-status", "zh-CN", "您好 zebra，订单正在处理中。"));
        assertThatThrownBy(() -> as(AGENT, Role.AGENT, () -> scripts.view(id))).isInstanceOf(NotFoundException.class);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.list(new LibraryFilter(null, null, null, null), null, 500).rows()))
                .extracting(ScriptSummary::id).doesNotContain(id);
        assertThat(as(AGENT, Role.AGENT, () -> scripts.search("zebra", null, 10))).isEmpty();
        assertThatThrownBy(() -> run(AGENT, Role.AGENT, () -> scripts.recordUse(id, 1L, null)))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("script.not-usable");
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.view(id)).status()).isEqualTo(ScriptStatus.DRAFT);
    }

    @Test
    void changeToAnApprovedScriptNeedsANewReview() {
        ScriptId id = approved(draft("改动需复审", "order-status", "zh-CN", "您好，订单已发出。"));
        assertThat(as(AGENT, Role.AGENT, () -> scripts.view(id)).content().body()).isEqualTo("您好，订单已发出。");

        run(EDITOR, Role.SUPERVISOR, () -> scripts.update(id, draft("改动需复审", "order-status", "zh-CN", "您好，订单已发出，请留意短信。")));

        var agentView = as(AGENT, Role.AGENT, () -> scripts.view(id));
        assertThat(agentView.content().body()).isEqualTo("您好，订单已发出。");
        assertThat(agentView.version()).isEqualTo(1);
        var editorView = as(EDITOR, Role.SUPERVISOR, () -> scripts.view(id));
        assertThat(editorView.status()).isEqualTo(ScriptStatus.DRAFT);
        assertThat(editorView.version()).isEqualTo(2);
        assertThat(editorView.approvedVersion()).isEqualTo(1);

        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(id));
        run(REVIEWER, Role.REVIEWER, () -> scripts.approve(id, "better"));
        assertThat(as(AGENT, Role.AGENT, () -> scripts.view(id)).content().body()).isEqualTo("您好，订单已发出，请留意短信。");
    }

    @Test
    void keepsVersionHistoryWithADiffAndAuditsApprovals() {
        ScriptId id = approved(draft("版本对比", "order-status", "en", "Your order ships within 48 hours."));
        run(EDITOR, Role.SUPERVISOR, () -> scripts.update(id, draft("版本对比", "order-status", "en", "Your order usually ships within 48 hours.")));

        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.versions(id))).extracting(ScriptManagement.VersionInfo::version).containsExactly(2, 1);
        String diff = as(EDITOR, Role.SUPERVISOR, () -> scripts.diff(id, 1, 2));
        assertThat(diff).contains("<ins>usually </ins>").doesNotContain("<del>");
        assertThat(audit.recent(REVIEWER, "script.approved", null, 10)).extracting(AuditLog.AuditEntry::target)
                .contains("script:" + id.value() + " v1");
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.reviews(id))).extracting(ScriptManagement.ReviewDecision::decision)
                .contains("submitted", "approved");
    }

    @Test
    void expiredScriptsDisappearForAgentsAndAreListedForCleanUp() {
        ScriptDraft d = draft("限时说明 expiryfox", "transition", "zh-CN", "您好 expiryfox，近期处理时间会长一些。");
        ScriptDraft expiring = new ScriptDraft(d.title(), d.categoryId(), d.language(), d.body(), d.tags(), d.audience(), null, null, null,
                null, List.of(), null, clock.instant().plus(Duration.ofHours(2)));
        ScriptId id = approved(expiring);
        assertThat(as(AGENT, Role.AGENT, () -> scripts.view(id)).content().title()).contains("expiryfox");

        clock.advance(Duration.ofHours(3));
        try {
            assertThatThrownBy(() -> as(AGENT, Role.AGENT, () -> scripts.view(id))).isInstanceOf(NotFoundException.class);
            assertThat(suggest("expiryfox 处理时间", false)).extracting(Suggestion::id).doesNotContain(id);
            assertThat(as(REVIEWER, Role.REVIEWER, () -> scripts.cleanupCandidates())).extracting(ScriptSummary::id).contains(id);
        } finally {
            clock.advance(Duration.ofHours(-3));
        }
    }

    @Test
    void closingACrisisHidesItsScriptsAndKeepingOneNeedsReview() {
        long crisis = 9001;
        ScriptDraft d = draft("宕机说明 crisisowl", "technical-fault", "zh-CN",
                "您好 crisisowl，很抱歉，服务暂时不可用。最新进展请看 {{crisis.status_url}}。");
        ScriptDraft scoped = new ScriptDraft(d.title(), d.categoryId(), d.language(), d.body(), d.tags(), d.audience(), null, null, null,
                null, List.of(), crisis, null);
        ScriptId id = approved(scoped);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(suggest("crisisowl 服务不可用", false)).extracting(Suggestion::id).contains(id));

        run(REVIEWER, Role.CRISIS_LEAD, () -> scripts.crisisClosed(crisis));

        assertThatThrownBy(() -> as(AGENT, Role.AGENT, () -> scripts.view(id))).isInstanceOf(NotFoundException.class);
        assertThat(suggest("crisisowl 服务不可用", false)).extracting(Suggestion::id).doesNotContain(id);
        assertThat(as(REVIEWER, Role.REVIEWER, () -> scripts.cleanupCandidates())).extracting(ScriptSummary::id).contains(id);

        run(REVIEWER, Role.REVIEWER, () -> scripts.keep(id));
        var kept = as(REVIEWER, Role.REVIEWER, () -> scripts.view(id));
        assertThat(kept.status()).isEqualTo(ScriptStatus.DRAFT);
        assertThat(kept.content().crisisId()).isNull();
        assertThat(as(REVIEWER, Role.REVIEWER, () -> scripts.cleanupCandidates())).extracting(ScriptSummary::id).doesNotContain(id);
    }

    @Test
    void retiresTheScriptsOfACrisis() {
        long crisis = 9002;
        ScriptDraft d = draft("危机退场", "transition", "en", "Hi, our replies are slower this week. Updates: {{crisis.status_url}}");
        ScriptId id = approved(new ScriptDraft(d.title(), d.categoryId(), d.language(), d.body(), d.tags(), d.audience(), null, null, null,
                null, List.of(), crisis, null));
        assertThat(as(REVIEWER, Role.CRISIS_LEAD, () -> scripts.retireCrisisScripts(crisis))).isEqualTo(1);
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.view(id)).status()).isEqualTo(ScriptStatus.RETIRED);
        assertThat(audit.recent(null, "script.retired", null, 20)).extracting(AuditLog.AuditEntry::target).contains("script:" + id.value());
    }

    @Test
    void lintErrorsBlockApproval() {
        ScriptDraft d = draft("无链接的危机话术", "transition", "zh-CN", "您好，近期处理会慢一些。");
        ScriptId id = drafted(new ScriptDraft(d.title(), d.categoryId(), d.language(), d.body(), d.tags(), d.audience(), null, null, null,
                null, List.of(), 9003L, null));
        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(id));
        assertThatThrownBy(() -> run(REVIEWER, Role.REVIEWER, () -> scripts.approve(id, "?")))
                .isInstanceOf(DomainRuleViolation.class).extracting("rule").isEqualTo("script.lint-errors");
    }

    @Test
    void reportsTwoApprovedRefundScriptsWithConflictingDurations() {
        ScriptId first = approved(draft("退款时效A", "refund", "zh-CN", "您好，退款审核通过后，款项会在3-5个工作日内原路退回。"));
        ScriptDraft second = draft("Refund timing B", "refund", "en", "Hi, your refund will be back on your card within 7 days.");

        List<LintFinding> onSave = as(EDITOR, Role.SUPERVISOR, () -> scripts.create(second).findings());
        assertThat(onSave).anySatisfy(f -> {
            assertThat(f.rule()).isEqualTo("contradiction");
            assertThat(f.args()).contains("refund/duration", "退款时效A");
        });

        ScriptId secondId = as(EDITOR, Role.SUPERVISOR, () -> scripts.search("Refund timing B", null, 5)).get(0).id();
        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(secondId));
        run(REVIEWER, Role.REVIEWER, () -> scripts.approve(secondId, "numbers to be aligned"));

        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.contradictions())).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("refund/duration");
            assertThat(List.of(c.first(), c.second())).containsExactlyInAnyOrder(first, secondId);
            assertThat(c.firstValues() + " " + c.secondValues()).contains("3-5wd").contains("168h");
        });
    }

    @Test
    void findsScriptsByPinyinInitialsAndByWordsInBothLanguages() {
        ScriptId id = approved(draft("退款进度", "refund", "zh-CN", "您好，退款审核通过后，款项会在3-5个工作日内原路退回。"));
        ScriptId en = approved(draft("Parcel pickup locker", "order-status", "en", "Your parcel is waiting in the pickup locker."));
        // Approval reaches the index through an asynchronous listener: wait for it rather than racing it.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            searchIndex.refreshNow();
            assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("tkjd", null, 10))).extracting(ScriptSummary::id).contains(id);
            assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("locker", null, 10))).extracting(ScriptSummary::id).contains(en);
        });
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("tuikuan", null, 10))).extracting(ScriptSummary::id).contains(id);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("退款进度", null, 10))).extracting(ScriptSummary::id).contains(id);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("locker", new LibraryFilter(category("refund"), null, null, null), 10)))
                .extracting(ScriptSummary::id).doesNotContain(en);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {600, 5_000, 100_000})
    void aVeryLongCustomerMessageStillFindsAndSuggestsScripts(int length) {
        ScriptId id = approved(draft("屏幕碎裂退款说明" + length, "refund", "zh-CN", "您好，手机屏幕碎裂的订单可以申请退款，审核通过后款项3-5个工作日内原路退回。"));
        String message = "您好，我上周买的手机屏幕碎裂了，申请退款以后一直没有到账，物流信息也好几天不更新，请尽快帮我处理！".repeat(length / 40 + 1)
                .substring(0, length);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search(message, null, 10))).extracting(ScriptSummary::id).contains(id);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.searchApproved(message, 10))).extracting(ScriptSummary::id).contains(id);
        // the reply-assist panel: answers (its ranking of chatty messages is SuggestionQueries' business, not this test's)
        assertThat(suggest(message, false)).hasSizeLessThanOrEqualTo(5);
    }

    @Test
    void aSearchAnsweredByPinyinIsNotLoggedAsAQuestionWithoutAnswer() {
        ScriptId id = approved(draft("夜间快递改址", "order-status", "zh-CN", "您好，夜间提交的改址申请会在次日早上处理。"));
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("yjkdgz", null, 10))).extracting(ScriptSummary::id).contains(id);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search("qxzwzz", null, 10))).isEmpty();
        gaps.flush();
        assertThat(gaps.open(SearchGaps.Order.NEWEST, null, 200).rows()).extracting(SearchGaps.Gap::query)
                .contains("qxzwzz").doesNotContain("yjkdgz");
    }

    @Test
    void suggestsTheBestScriptsWithTheirScoreComponents() {
        ScriptId refund = approved(draft("Kumquat refund timing", "refund", "en",
                "Hi, the kumquat refund goes back to your original payment method within 3-5 business days."));
        ScriptId shipping = approved(draft("Kumquat shipping", "order-status", "en", "Hi, kumquat orders ship from our warehouse soon."));
        ScriptDraft vip = draft("Kumquat VIP refund desk", "refund", "en", "Hi, as a VIP your kumquat refund is handled by your account manager.");
        ScriptId vipOnly = approved(new ScriptDraft(vip.title(), vip.categoryId(), vip.language(), vip.body(), vip.tags(), Audience.VIP, null,
                null, null, null, List.of(), null, null));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(suggest("When do I get my kumquat refund?", false)).isNotEmpty());
        List<Suggestion> regular = suggest("When do I get my kumquat refund?", false);
        assertThat(regular.get(0).id()).isEqualTo(refund);
        assertThat(regular).extracting(Suggestion::id).contains(shipping).doesNotContain(vipOnly);
        assertThat(regular.get(0).categoryScore()).isEqualTo(1.0);
        assertThat(regular.get(0).score()).isBetween(0.0, 1.0);
        assertThat(regular).hasSizeLessThanOrEqualTo(5);

        assertThat(suggest("When do I get my kumquat refund?", true)).extracting(Suggestion::id).contains(vipOnly);
        assertThat(suggest("When do I get my kumquat refund?", true).stream().filter(s -> s.id().equals(vipOnly)).findFirst().orElseThrow()
                .audienceScore()).isEqualTo(1.0);
    }

    @Test
    void aLongChattyMessageStillFindsTheScriptForItsTopic() {
        ScriptId refund = approved(draft("Medlar refund timing", "refund", "en",
                "Hi, the medlar refund goes back to your original payment method within 3-5 business days."));
        approved(draft("Medlar gift wrapping", "order-status", "en", "Hi, medlar gift wrapping is free this month."));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(suggest("medlar refund", false)).extracting(Suggestion::id).contains(refund));

        List<Suggestion> ranked = suggest("Hello, my neighbour recommended your medlar shop, the wrapping looked lovely and everything arrived "
                + "quickly, but honestly the fruit tasted odd so I sent it back two weeks ago. When will my medlar refund come?", false);
        assertThat(ranked.get(0).id()).isEqualTo(refund);
    }

    @Test
    void aRetiredScriptIsNoLongerSuggestedAtOnce() {
        ScriptId id = approved(draft("Loquat refund", "refund", "en", "Hi, your loquat refund is on its way."));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(suggest("loquat refund", false)).extracting(Suggestion::id).contains(id));

        run(REVIEWER, Role.REVIEWER, () -> scripts.retire(id, "no more loquats"));

        assertThat(as(AGENT, Role.AGENT, () -> scripts.suggestions(new SuggestionRequest("loquat refund", false, null, 5))))
                .extracting(Suggestion::id).doesNotContain(id);
    }

    @Test
    void pastUseOnSimilarTicketsRaisesAScript() {
        ScriptId a = approved(draft("Quince refund one", "refund", "en", "Hi, your quince refund is on its way back to you."));
        ScriptId b = approved(draft("Quince refund two", "refund", "en", "Hi, your quince refund is on its way back to you today."));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(suggest("quince refund", false)).extracting(Suggestion::id).contains(a, b));
        for (int i = 0; i < 5; i++) {
            run(AGENT, Role.AGENT, () -> scripts.recordUse(b, 42L, "where is my quince refund"));
        }
        List<Suggestion> ranked = suggest("quince refund please", false);
        assertThat(ranked.get(0).id()).isEqualTo(b);
        assertThat(ranked.get(0).usageScore()).isEqualTo(1.0);
        assertThat(ranked.stream().filter(s -> s.id().equals(a)).findFirst().orElseThrow().usageScore()).isZero();
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.usage(b))).satisfies(u -> {
            assertThat(u.timesUsed()).isEqualTo(5);
            assertThat(u.byUser()).containsEntry(AGENT, 5L);
            assertThat(u.ticketIds()).containsExactly(42L);
        });
    }

    @Test
    void reportsPlaceholdersStillUnfilled() {
        assertThat(scripts.unfilledPlaceholders("您好张女士，订单 {{order_no}} 将在 {{ days }} 天内送达。")).containsExactly("order_no", "days");
        assertThat(scripts.unfilledPlaceholders("您好张女士，订单 A123 将在 2 天内送达。")).isEmpty();
        assertThat(scripts.fill("Hi {{customer.name}}, order {{order_no}}", java.util.Map.of("customer.name", "Li Na")))
                .isEqualTo("Hi Li Na, order {{order_no}}");
    }

    @Test
    void nobodyApprovesAScriptInAnotherPersonsName() {
        ScriptId id = drafted(draft("代人审批 " + System.nanoTime(), "order-status", "zh-CN", "您好，订单已发出。"));
        run(EDITOR, Role.SUPERVISOR, () -> scripts.submitForReview(id));

        // someone without the reviewer role cannot approve, and there is no way to name another approver
        assertThatThrownBy(() -> run(AGENT, Role.AGENT, () -> scripts.approve(id, "looks fine")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> run(EDITOR, Role.SUPERVISOR, () -> scripts.approveStarterScript(id)))
                .isInstanceOf(DomainRuleViolation.class);
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.view(id)).status()).isEqualTo(ScriptStatus.IN_REVIEW);

        run(REVIEWER, Role.REVIEWER, () -> scripts.approve(id, "ok"));
        assertThat(scripts.reviews(id)).extracting(ScriptManagement.ReviewDecision::actor).containsExactly(REVIEWER);
    }

    @Test
    void temporaryAgentsSeeNeitherTitleNorAuthorOfAnUnapprovedVersion() {
        ScriptId id = approved(draft("已审核标题 " + System.nanoTime(), "order-status", "zh-CN", "您好，订单已发出。"));
        String secret = "草稿新标题 " + System.nanoTime();
        run(EDITOR, Role.SUPERVISOR, () -> scripts.update(id, draft(secret, "order-status", "zh-CN", "您好，订单已发出，请留意短信。")));

        List<ScriptManagement.VersionInfo> seen = as(AGENT, Role.TEMP_AGENT, () -> scripts.versions(id));

        assertThat(seen).extracting(ScriptManagement.VersionInfo::version).containsExactly(1);
        assertThat(seen).extracting(ScriptManagement.VersionInfo::title).doesNotContain(secret);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.list(new LibraryFilter(null, null, null, null), null, 500).rows()))
                .extracting(ScriptSummary::title).doesNotContain(secret);
        assertThat(as(AGENT, Role.TEMP_AGENT, () -> scripts.search(secret, null, 50))).extracting(ScriptSummary::title).doesNotContain(secret);
        assertThat(as(EDITOR, Role.SUPERVISOR, () -> scripts.versions(id))).extracting(ScriptManagement.VersionInfo::title).contains(secret);
    }
}
