package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.crisis.CrisisDetails;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisScope;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.crisis.StatusPage;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.notifications.PublicSubscriptions;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The public status page as a surge of readers gets it: one cached copy per language, no session, new at once after a publish. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-cache", roles = "CRISIS_LEAD")
class StatusPageControllerTests {

    private static final GradingFactors MINOR = new GradingFactors(Set.of(GradingFactors.Nature.QUALITY), 10, 1, 0,
            GradingFactors.Trend.STABLE, GradingFactors.Urgency.LOW, GradingFactors.Attention.NONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;
    @Autowired
    StatusPage statusPage;
    @Autowired
    PublicSubscriptions subscriptions;
    @Autowired
    HelpCenterNotices helpCenter;
    @Autowired
    MailFooter mailFooter;

    @AfterEach
    void clearPublicNotices() {
        for (CrisisDetails c : crises.open()) {
            helpCenter.clearAll(c.id().value());
            mailFooter.clear("crisis-" + c.id().value());
        }
    }

    @Test
    void aPublishShowsAtOnceOnThePageThatReadersAreServedFromTheCache() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "缓存页面故障", null, null, List.of()),
                MINOR);
        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("INVESTIGATING", "第一次进展：正在排查。", "First: investigating.", null));
        String first = read("/status");
        assertThat(read("/status")).isEqualTo(first).contains("第一次进展");

        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("IDENTIFIED", "第二次进展：已定位原因。", "Second: cause found.", null));

        assertThat(read("/status")).contains("第二次进展：已定位原因。").contains("第一次进展");
        assertThat(read("/status?lang=en")).contains("Second: cause found.").doesNotContain("第二次进展");
    }

    @Test
    @WithAnonymousUser
    void readingThePageCreatesNoSessionAndCarriesNoCsrfToken() throws Exception {
        MvcResult result = mvc.perform(get("/status")).andExpect(status().isOk()).andReturn();

        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        assertThat(result.getResponse().getContentAsString()).contains("action=\"/status/subscriptions\"").doesNotContain("_csrf");
    }

    @Test
    void englishReadersSeeTheEnglishTitleWhenTheLeadGaveOne() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "登录服务中断", null, null, List.of()),
                MINOR);
        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("INVESTIGATING", "正在排查登录问题。", "We are looking into login problems.", null));
        // no English title yet: the type's neutral English wording stands in, never the internal title
        assertThat(read("/status?lang=en")).contains("Service disruption").doesNotContain("登录服务中断");

        crises.describeScope(crisis.id(), new CrisisScope(List.of("登录"), List.of(), List.of(), List.of(), "Login outage"));
        statusPage.publish(crisis.id(), new StatusPage.UpdateDraft("IDENTIFIED", "已定位原因。", "Cause found.", null));

        assertThat(read("/status?lang=en")).contains("Login outage").doesNotContain("登录服务中断");
        assertThat(read("/status")).contains("部分服务异常").doesNotContain("Login outage").doesNotContain("登录服务中断");
    }

    @Test
    void aBrowserThatAcceptsGzipGetsTheSamePageCompressed() throws Exception {
        String plain = read("/status");
        MvcResult zipped = mvc.perform(get("/status").with(anonymous()).header("Accept-Encoding", "gzip, deflate, br"))
                .andExpect(status().isOk()).andReturn();

        assertThat(zipped.getResponse().getHeader("Content-Encoding")).isEqualTo("gzip");
        assertThat(zipped.getResponse().getHeader("Vary")).contains("Accept-Encoding");
        try (var in = new GZIPInputStream(new ByteArrayInputStream(zipped.getResponse().getContentAsByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain);
        }
    }

    @Test
    void theSubscriptionFormOfTheCachedPageWorksWithoutAToken() throws Exception {
        String address = "cached-page-" + System.nanoTime() + "@example.com";

        mvc.perform(post("/status/subscriptions").with(anonymous()).param("email", address).param("language", "zh-CN"))
                .andExpect(status().isOk());

        assertThat(subscriptions.find(address)).hasValueSatisfying(s -> assertThat(s.confirmed()).isFalse());
    }

    private String read(String path) throws Exception {
        return mvc.perform(get(path).with(anonymous())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void thePublicPageFollowsTheBrowsersLanguageUnlessTheReaderChoseOne() throws Exception {
        String english = mvc.perform(get("/status").with(anonymous()).header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Service status");
        String chinese = mvc.perform(get("/status").with(anonymous()).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andReturn().getResponse().getContentAsString();
        assertThat(chinese).contains("服务状态");
        assertThat(mvc.perform(get("/status").with(anonymous()).header("Accept-Language", "fr-FR")).andReturn().getResponse()
                .getContentAsString()).as("a language we do not have: Chinese").contains("服务状态");
        assertThat(mvc.perform(get("/status").with(anonymous()).header("Accept-Language", "en").param("lang", "zh_CN")).andReturn()
                .getResponse().getContentAsString()).as("?lang= wins").contains("服务状态");
        assertThat(mvc.perform(get("/status").with(anonymous()).header("Accept-Language", "en")
                .cookie(new jakarta.servlet.http.Cookie("steadydesk-lang", "zh-CN"))).andReturn().getResponse().getContentAsString())
                .as("the remembered choice wins").contains("服务状态");
    }
}
