package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
@WithMockUser(username = "crisis-module", roles = "CRISIS_LEAD")
class HelpCenterNoticesTests {

    static final long CRISIS = 4242;

    @Autowired
    HelpCenterNotices notices;
    @Autowired
    ArticleManagement articles;
    @Autowired
    MockMvc mvc;

    @AfterEach
    void closeCrisis() {
        notices.clearAll(CRISIS);
    }

    @Test
    void theBannerShowsOnPublicPagesDuringACrisisAndGoesWhenItCloses() throws Exception {
        long article = published(articles, "hc-banner-article", "支付问题常见解答", "支付失败怎么办。", "zh-CN", Visibility.PUBLIC);
        notices.showBanner(CRISIS, "支付服务故障处理中", "/status/crisis-4242");

        assertThat(page("/help")).contains("支付服务故障处理中").contains("href=\"/status/crisis-4242\"");
        assertThat(page("/help/search?q=支付")).contains("支付服务故障处理中");
        assertThat(page("/help/articles/hc-banner-article")).contains("支付服务故障处理中");
        int contact = mvc.perform(get("/contact")).andReturn().getResponse().getStatus();
        if (contact == 200) {
            assertThat(page("/contact")).contains("支付服务故障处理中");
        }
        assertThat(mvc.perform(get("/knowledge/articles/" + article).with(user("a").roles("AGENT"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain("crisis-banner");

        notices.clearAll(CRISIS);

        assertThat(page("/help")).doesNotContain("支付服务故障处理中").doesNotContain("crisis-banner");
        assertThat(page("/help/articles/hc-banner-article")).doesNotContain("支付服务故障处理中");
    }

    @Test
    void calloutsAppearOnChosenArticlesOnlyAndDisappearWithTheCrisis() throws Exception {
        long affected = published(articles, "hc-affected", "订单支付失败怎么办", "请稍后重试。", "zh-CN", Visibility.PUBLIC);
        published(articles, "hc-unaffected", "如何开发票", "在订单详情申请发票。", "zh-CN", Visibility.PUBLIC);
        notices.addCallout(CRISIS, List.of(affected), "支付故障期间，重复扣款将自动退回。", "/status/crisis-4242");

        assertThat(page("/help/articles/hc-affected")).contains("支付故障期间，重复扣款将自动退回。").contains("help-callout");
        assertThat(page("/help/articles/hc-unaffected")).doesNotContain("支付故障期间");
        assertThat(mvc.perform(get("/knowledge/articles/" + affected).with(user("t").roles("TEMP_AGENT"))).andReturn().getResponse()
                .getContentAsString()).contains("支付故障期间，重复扣款将自动退回。");
        assertThat(notices.calloutsOf(CRISIS)).extracting(ArticleCallout::articleId).containsExactly(affected);

        notices.clearAll(CRISIS);

        assertThat(page("/help/articles/hc-affected")).doesNotContain("支付故障期间");
        assertThat(notices.calloutsFor(affected)).isEmpty();
    }

    @Test
    void theNewestBannerWinsWhileSeveralCrisesAreActive() {
        notices.showBanner(CRISIS, "旧的", "/status/a");
        notices.showBanner(CRISIS + 1, "新的", "/status/b");
        try {
            assertThat(notices.currentBanner()).map(PublicBanner::title).contains("新的");
            notices.clearBanner(CRISIS + 1);
            assertThat(notices.currentBanner()).map(PublicBanner::title).contains("旧的");
        } finally {
            notices.clearAll(CRISIS + 1);
        }
    }

    @Test
    void refusesScriptLinks() {
        assertThatThrownBy(() -> notices.showBanner(CRISIS, "x", "javascript:alert(1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> notices.addCallout(CRISIS, List.of(1L), "x", "//evil.example")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void publicPagesMayBeCachedForAMinute() throws Exception {
        published(articles, "hc-cache", "缓存测试", "正文", "zh-CN", Visibility.PUBLIC);
        mvc.perform(get("/help")).andExpect(header().string("Cache-Control", "public, max-age=60"));
        mvc.perform(get("/help/search?q=缓存")).andExpect(header().string("Cache-Control", "public, max-age=60"));
        mvc.perform(get("/help/articles/hc-cache")).andExpect(header().string("Cache-Control", "private, max-age=60"));
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
