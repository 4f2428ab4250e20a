package com.steadydesk.scripts.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptDraft;
import com.steadydesk.scripts.Severity;
import com.steadydesk.scripts.internal.lint.LintSubject.JargonTerm;
import com.steadydesk.scripts.internal.lint.LintSubject.LibraryFacts;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every lint rule with a case it must flag and one it must let pass, in Chinese and in English. */
class ScriptLinterTests {

    static LintSubject subject(String body, String rootCategory) {
        return subject(body, rootCategory, List.of(), null);
    }

    static LintSubject subject(String body, String rootCategory, List<Placeholder> placeholders, Long crisisId) {
        var draft = new ScriptDraft("t", 1L, "zh-CN", body, List.of(), Audience.ALL, null, null, null, null, placeholders, crisisId, null);
        return new LintSubject(null, draft, rootCategory, List.of(new JargonTerm("SLA", "承诺时间"), new JargonTerm("工单流转", "转给同事"),
                new JargonTerm("escalation queue", "a senior colleague")), List.of());
    }

    static List<String> codes(List<LintFinding> findings) {
        return findings.stream().map(LintFinding::messageKey).toList();
    }

    @Nested
    class OverPromising {
        OverPromisingRule rule = new OverPromisingRule();

        @Test
        void flagsAbsoluteGuaranteesInChinese() {
            List<LintFinding> f = rule.check(subject("我们保证明天一定到货，马上为您处理，100%没问题。", "order-status"));
            assertThat(f).extracting(LintFinding::excerpt).contains("保证", "一定", "马上", "100%");
            LintFinding first = f.get(0);
            assertThat("我们保证明天一定到货，马上为您处理，100%没问题。".substring(first.start(), first.end())).isEqualTo(first.excerpt());
        }

        @Test
        void flagsAbsoluteGuaranteesInEnglish() {
            assertThat(rule.check(subject("We guarantee a fix and will refund you immediately.", "refund")))
                    .extracting(LintFinding::excerpt).containsExactly("guarantee", "immediately");
        }

        @Test
        void letsRealisticWordingPass() {
            assertThat(rule.check(subject("我们会尽快处理，预计3-5个工作日内到账，一定程度上取决于银行。", "refund"))).isEmpty();
            assertThat(rule.check(subject("We will do our best to fix it as soon as we can; refunds usually take 3-5 business days.", "refund"))).isEmpty();
        }
    }

    @Nested
    class Jargon {
        JargonRule rule = new JargonRule();

        @Test
        void flagsTermsFromTheAdminListWithTheSuggestion() {
            assertThat(rule.check(subject("您的问题已进入工单流转，SLA 为24小时。", "complaint"))).extracting(LintFinding::args)
                    .containsExactly(List.of("工单流转", "转给同事"), List.of("SLA", "承诺时间"));
            assertThat(rule.check(subject("Your case is in the escalation queue.", "complaint"))).hasSize(1);
        }

        @Test
        void letsPlainWordsPass() {
            assertThat(rule.check(subject("您的问题已转给同事处理，我们会在24小时内回复。", "complaint"))).isEmpty();
            assertThat(rule.check(subject("A senior colleague will call you; SLAB and ISLAND are not jargon.", "complaint"))).isEmpty();
        }
    }

    @Nested
    class Empathy {
        EmpathyRule rule = new EmpathyRule();

        @Test
        void requiresAcknowledgingFeelingsInComplaintAndSoothingScripts() {
            assertThat(rule.check(subject("您的投诉已记录，我们会在24小时内回复。", "complaint"))).extracting(LintFinding::severity)
                    .containsExactly(Severity.ERROR);
            assertThat(rule.check(subject("Your complaint has been logged.", "soothing"))).hasSize(1);
        }

        @Test
        void letsEmpatheticOrOtherScriptsPass() {
            assertThat(rule.check(subject("非常理解您的心情，您的投诉已记录。", "complaint"))).isEmpty();
            assertThat(rule.check(subject("I understand how frustrating this is.", "soothing"))).isEmpty();
            assertThat(rule.check(subject("订单已发货。", "order-status"))).isEmpty();
        }
    }

    @Nested
    class PassingTheBuck {
        PassingTheBuckRule rule = new PassingTheBuckRule();

        @Test
        void flagsShiftingResponsibility() {
            assertThat(rule.check(subject("这是快递的问题，不归我们管，请您自己联系快递。", "order-status"))).extracting(LintFinding::excerpt)
                    .contains("这是快递的问题", "不归我们管", "请您自己联系");
            assertThat(rule.check(subject("That is not our responsibility, please contact the courier yourself.", "order-status")))
                    .extracting(LintFinding::excerpt).contains("not our responsibility", "contact the courier yourself");
        }

        @Test
        void letsOwnershipPass() {
            assertThat(rule.check(subject("我来联系快递公司核实，有结果第一时间告诉您。", "order-status"))).isEmpty();
            assertThat(rule.check(subject("I will contact the courier for you and get back to you.", "order-status"))).isEmpty();
        }
    }

    @Nested
    class CrisisLink {
        CrisisLinkRule rule = new CrisisLinkRule();

        @Test
        void requiresTheStatusPageInCrisisScopedScripts() {
            assertThat(rule.check(subject("很抱歉，服务暂时不可用。", "technical-fault", List.of(), 7L))).hasSize(1);
            assertThat(rule.check(subject("Sorry, the service is down.", "technical-fault", List.of(), 7L))).hasSize(1);
        }

        @Test
        void letsLinkedOrGeneralScriptsPass() {
            assertThat(rule.check(subject("很抱歉，最新进展请看 {{crisis.status_url}}。", "technical-fault", List.of(), 7L))).isEmpty();
            assertThat(rule.check(subject("Sorry, updates at https://example.com/status.", "technical-fault", List.of(), 7L))).isEmpty();
            assertThat(rule.check(subject("很抱歉，服务暂时不可用。", "technical-fault"))).isEmpty();
        }
    }

    @Nested
    class Placeholders {
        PlaceholderRule rule = new PlaceholderRule();

        @Test
        void flagsUnknownUndeclaredMalformedAndSingleBraces() {
            List<LintFinding> zh = rule.check(subject("{{customer.nmae}}您好，订单 {{order_no}} 将在 {{Days!}} 天内送达，{days}。", "order-status"));
            assertThat(codes(zh)).containsExactlyInAnyOrder("lint.placeholder.unknown", "lint.placeholder.undeclared",
                    "lint.placeholder.malformed", "lint.placeholder.single-braces");
            List<LintFinding> en = rule.check(subject("Hi {{customer.name}}, order {{order_no}}.", "order-status",
                    List.of(new Placeholder("days", "Days", true)), null));
            assertThat(codes(en)).containsExactlyInAnyOrder("lint.placeholder.undeclared", "lint.placeholder.unused");
        }

        @Test
        void letsDeclaredAndAutomaticPlaceholdersPass() {
            var declared = List.of(new Placeholder("order_no", "订单号", true));
            assertThat(rule.check(subject("{{customer.name}}您好，订单 {{order_no}} 已发货。工单 {{ticket.number}}。", "order-status", declared, null))).isEmpty();
            assertThat(rule.check(subject("Hi {{customer.name}}, order {{order_no}} has shipped. {{agent.name}}", "order-status", declared, null))).isEmpty();
        }
    }

    @Nested
    class Contradictions {
        ContradictionRule rule = new ContradictionRule();

        LintSubject against(String body, String rootCategory, String otherBody, String otherCategory) {
            LintSubject s = subject(body, rootCategory);
            return new LintSubject(null, s.content(), rootCategory, List.of(),
                    List.of(new LibraryFacts(99, "已批准的话术", FactExtractor.extract(otherBody, otherCategory))));
        }

        @Test
        void flagsDifferentNumbersForTheSameFact() {
            assertThat(rule.check(against("退款会在7天内退回。", "refund", "退款会在3-5个工作日内原路退回。", "refund")))
                    .extracting(LintFinding::args).containsExactly(List.of("refund/duration", "168h", "已批准的话术", "3-5wd"));
            assertThat(rule.check(against("You will get a ¥20 coupon as compensation.", "complaint", "作为补偿，我们将发放50元优惠券。", "complaint")))
                    .hasSize(1);
        }

        @Test
        void letsMatchingOrUnrelatedNumbersPass() {
            assertThat(rule.check(against("Refunds arrive within 3-5 business days.", "refund", "退款会在3-5个工作日内原路退回。", "refund"))).isEmpty();
            assertThat(rule.check(against("订单会在48小时内发货。", "order-status", "退款会在3-5个工作日内原路退回。", "refund"))).isEmpty();
            assertThat(rule.check(against("我们24小时内回复您，退款3-5个工作日内到账。", "refund", "退款会在3-5个工作日内原路退回。", "refund"))).isEmpty();
        }
    }

    @Test
    void linterRunsEveryRuleErrorsFirst() {
        var linter = new ScriptLinter(List.of(new OverPromisingRule(), new EmpathyRule(), new PlaceholderRule()));
        List<LintFinding> findings = linter.lint(subject("我们保证处理 {{order_no}}。", "complaint"));
        assertThat(findings).extracting(LintFinding::severity).containsExactly(Severity.ERROR, Severity.ERROR, Severity.WARNING);
    }
}
