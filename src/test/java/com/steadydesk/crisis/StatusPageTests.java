package com.steadydesk.crisis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.notifications.PublicSubscriptions;
import com.steadydesk.platform.DomainRuleViolation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-status", roles = "CRISIS_LEAD")
class StatusPageTests {

    @Autowired
    CrisisManagement crises;
    @Autowired
    StatusPage statusPage;
    @Autowired
    CrisisTimeline timeline;
    @Autowired
    MockMvc mvc;
    @Autowired
    com.steadydesk.knowledge.HelpCenterNotices helpCenter;
    @Autowired
    com.steadydesk.channels.MailFooter mailFooter;

    /** Publishing shows a help-center banner and a mail footer; the other modules' tests share this context. */
    @org.junit.jupiter.api.AfterEach
    void clearPublicNotices() {
        for (CrisisDetails c : crises.open()) {
            helpCenter.clearAll(c.id().value());
            mailFooter.clear("crisis-" + c.id().value());
        }
    }

    @Test
    void aPublishedUpdateShowsOnThePublicPageInBothLanguagesWithTheNextUpdateTime() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付服务异常", null, null, List.of()),
                CrisisManagementTests.MINOR);
        crises.describeScope(crisis.id(), CrisisScope.withPublicWording(List.of("在线支付"), List.of("Online payment"), List.of("华东"),
                List.of("App"), List.of("支付失败"), "支付服务异常", null));
        Instant next = Instant.now().plus(Duration.ofMinutes(45));

        StatusPage.UpdateDraft draft = statusPage.draftFromTemplate(crisis.id(), "first-statement", next);
        assertThat(draft.bodyZh()).contains("支付服务异常").contains("在线支付、App、华东").doesNotContain("{{");
        assertThat(draft.bodyEn()).contains("(Beijing time)");
        PublicUpdate update = statusPage.publish(crisis.id(), draft);

        var response = mvc.perform(get("/status")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(response.getContentAsString()).contains("支付服务异常").contains(draft.bodyZh()).contains("下一次更新")
                .contains("id=\"crisis-" + crisis.id().value() + "\"");
        assertThat(response.getHeader("Cache-Control")).contains("max-age=10");
        String etag = response.getHeader("ETag");
        assertThat(etag).isNotBlank();
        mvc.perform(get("/status").header("If-None-Match", etag)).andExpect(status().isNotModified());
        String english = mvc.perform(get("/status").param("lang", "en")).andReturn().getResponse().getContentAsString();
        // other tests' crises share the page: look at this crisis's own section
        String section = english.substring(english.indexOf("id=\"crisis-" + crisis.id().value() + "\""));
        section = section.substring(0, section.indexOf("</article>"));
        assertThat(section).contains(draft.bodyEn()).contains("Next update by").contains("Online payment").doesNotContain("在线支付");
        assertThat(timeline.entries(crisis.id())).extracting(TimelineEntry::kind).contains("PUBLIC_UPDATE");

        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("IDENTIFIED", "已定位原因，正在修复。", "Cause found, fixing.", null));
        String after = mvc.perform(get("/status")).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("已定位原因，正在修复。").contains(draft.bodyZh());
        assertThat(after.indexOf("已定位原因")).isLessThan(after.indexOf(draft.bodyZh()));
        assertThat(update.author()).isEqualTo("lead-status");
    }

    @Test
    void anUpdateWithAnUnfilledPlaceholderIsRefused() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "占位符测试", null, null, List.of()),
                CrisisManagementTests.MINOR);
        // no next-update time given: {{crisis.next_update}} stays in the text
        StatusPage.UpdateDraft draft = statusPage.draftFromTemplate(crisis.id(), "first-statement", null);
        assertThatThrownBy(() -> statusPage.publish(crisis.id(), draft)).isInstanceOf(DomainRuleViolation.class);
        CrisisId reported = crises.report(new NewCrisisReport(CrisisType.OTHER, "未确认", null, null, List.of()));
        assertThatThrownBy(() -> statusPage.publish(reported, new StatusPage.UpdateDraft(null, "x", null, null)))
                .isInstanceOf(DomainRuleViolation.class);
    }

    @Test
    void theLeadPreviewsAndPublishesFromTheCockpit() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "驾驶舱发布", null, null, List.of()),
                CrisisManagementTests.MINOR);
        String form = mvc.perform(get("/crisis/" + crisis.id().value()).param("template", "monitoring").param("next", "2099-01-01T10:00"))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("修复已上线").contains("1月1日 10:00");
        String preview = mvc.perform(post("/crisis/" + crisis.id().value() + "/updates/preview").with(csrf())
                .param("phase", "MONITORING").param("bodyZh", "预览内容").param("bodyEn", "Preview text")).andReturn().getResponse()
                .getContentAsString();
        assertThat(preview).contains("预览内容").contains("Preview text").doesNotContain("<html");
        mvc.perform(post("/crisis/" + crisis.id().value() + "/updates").with(csrf()).param("phase", "MONITORING").param("bodyZh", "已恢复大部分服务"))
                .andExpect(status().is3xxRedirection());
        assertThat(statusPage.updates(crisis.id())).extracting(PublicUpdate::bodyZh).containsExactly("已恢复大部分服务");
        mvc.perform(post("/crisis/" + crisis.id().value() + "/updates").with(user("agent").roles("AGENT")).with(csrf())
                .param("bodyZh", "x")).andExpect(status().isForbidden());
    }

    @Test
    void aReplyPlaceholderIsRefusedOnThePublicPageInsteadOfBeingPublishedVerbatim() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "占位符原样发布", null, null, List.of()),
                CrisisManagementTests.MINOR);

        assertThatThrownBy(() -> statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("INVESTIGATING",
                "{{customer.name}}您好，我们正在处理。", "Hello {{customer.name}}, we are on it.", null)))
                .isInstanceOf(DomainRuleViolation.class).hasMessageContaining("{{customer.name}}");
        assertThat(statusPage.updates(crisis.id())).isEmpty();
    }

    @Test
    void theFirstUpdateComesReadyToPublishWithThePhaseFromTheStateAndTheNextUpdateFromTheGrade() {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "默认路径", null, null, List.of()),
                CrisisManagementTests.MINOR);
        Instant before = Instant.now();

        StatusPage.UpdateDraft draft = statusPage.defaultDraft(crisis.id());

        assertThat(draft.phase()).isEqualTo("INVESTIGATING");
        assertThat(draft.nextUpdateAt()).as("a minor crisis promises the next word within two hours")
                .isAfter(before.plus(Duration.ofMinutes(119))).isBefore(before.plus(Duration.ofMinutes(126)));
        assertThat(draft.bodyZh()).doesNotContain("{{").contains("部分服务异常");
        assertThat(draft.bodyEn()).doesNotContain("{{");
        statusPage.publish(crisis.id(), draft); // the default path publishes without a single edit
        assertThat(StatusPage.nextUpdateDue(CrisisGrade.MAJOR, before)).isBefore(before.plus(Duration.ofMinutes(36)));

        crises.resolve(crisis.id());
        assertThat(statusPage.defaultDraft(crisis.id()).phase()).isEqualTo("RESOLVED");
    }

    @Test
    void aStaffWalkOutIsAnnouncedInItsOwnWordsUnderAPublicTitleNeverTheInternalOne() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.STAFF_WALKOUT, "外包坐席张三团队集体离职", null, null,
                List.of()), CrisisManagementTests.MINOR);

        StatusPage.UpdateDraft draft = statusPage.defaultDraft(crisis.id());

        assertThat(draft.bodyZh()).doesNotContain("技术团队").doesNotContain("张三").contains("客服回复比平时慢");
        statusPage.publish(crisis.id(), draft);
        String page = mvc.perform(get("/status")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("客服响应延迟").doesNotContain("张三");
        assertThat(mvc.perform(get("/status").param("lang", "en")).andReturn().getResponse().getContentAsString())
                .contains("Slower customer service responses");
    }
}
