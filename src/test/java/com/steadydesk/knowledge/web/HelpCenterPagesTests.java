package com.steadydesk.knowledge.web;

import static com.steadydesk.knowledge.KnowledgeFixtures.as;
import static com.steadydesk.knowledge.KnowledgeFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.knowledge.ArticleDraft;
import com.steadydesk.knowledge.ArticleManagement;
import com.steadydesk.knowledge.CategoryManagement;
import com.steadydesk.knowledge.CategoryManagement.CategoryForm;
import com.steadydesk.knowledge.Visibility;
import com.steadydesk.search.internal.SearchGaps;
import java.util.List;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import com.steadydesk.knowledge.KnowledgeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The public help center without login: categories, languages, drafts kept out, the helpfulness counter. */
@SpringBootTest(properties = KnowledgeFixtures.OWN_CONTEXT)
@AutoConfigureMockMvc
class HelpCenterPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ArticleManagement articles;
    @Autowired
    CategoryManagement categories;
    @Autowired
    SearchGaps gaps;

    @Test
    void visitorsBrowseCategoriesInTheirLanguageFirst() throws Exception {
        long category = as("root", "ADMIN", () -> categories.create(new CategoryForm(null, "hc-payments", "支付帮助", "Payment help", 0)).id());
        as("root", "ADMIN", () -> {
            for (String[] a : new String[][] {{"hc-pay-zh", "支付失败怎么办（分类）", "zh-CN"}, {"hc-pay-en", "Payment failed (category)", "en"}}) {
                long id = articles.create(new ArticleDraft(a[1], a[0], null, "正文 body", category, a[2], List.of(), null, null)).id();
                articles.changeVisibility(id, Visibility.PUBLIC);
                articles.publish(id);
            }
            return null;
        });
        String zh = mvc.perform(get("/help/categories/hc-payments")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(zh).contains("支付帮助");
        assertThat(zh.indexOf("支付失败怎么办（分类）")).isLessThan(zh.indexOf("Payment failed (category)"));
        String en = mvc.perform(get("/help/categories/hc-payments").param("lang", "en")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(en).contains("Payment help");
        assertThat(en.indexOf("Payment failed (category)")).isLessThan(en.indexOf("支付失败怎么办（分类）"));
        assertThat(mvc.perform(get("/help")).andReturn().getResponse().getContentAsString()).contains("/help/categories/hc-payments");
    }

    @Test
    void unpublishedChangesAndDraftsStayOffTheHelpCenter() throws Exception {
        long id = published(articles, "hc-draft-change", "公开标题", "公开正文", "zh-CN", Visibility.PUBLIC);
        as("root", "ADMIN", () -> articles.update(id, new ArticleDraft("草稿标题", null, null, "草稿正文", null, "zh-CN", List.of(), null, null), null));
        assertThat(mvc.perform(get("/help/articles/hc-draft-change")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("公开正文").doesNotContain("草稿正文");
        long draft = as("root", "ADMIN", () -> articles.create(new ArticleDraft("从未发布", "hc-never", null, "x", null, "zh-CN", List.of(), null, null)).id());
        as("root", "ADMIN", () -> articles.changeVisibility(draft, Visibility.PUBLIC));
        mvc.perform(get("/help/articles/hc-never")).andExpect(status().isNotFound());
    }

    @Test
    void countsWhetherAnArticleHelped() throws Exception {
        long id = published(articles, "hc-helpful", "有用吗", "正文", "zh-CN", Visibility.PUBLIC);
        mvc.perform(post("/help/articles/hc-helpful/feedback").with(csrf()).param("helpful", "true"))
                .andExpect(redirectedUrl("/help/articles/hc-helpful?thanks=1"));
        mvc.perform(post("/help/articles/hc-helpful/feedback").with(csrf()).with(from("10.0.0.2")).param("helpful", "false"));
        var details = as("root", "ADMIN", () -> articles.details(id));
        assertThat(details.helpfulYes()).isEqualTo(1);
        assertThat(details.helpfulNo()).isEqualTo(1);
        assertThat(mvc.perform(get("/help/articles/hc-helpful?thanks=1")).andReturn().getResponse().getContentAsString()).contains("感谢您的反馈");
    }

    @Test
    void theApiIsDocumented() throws Exception {
        assertThat(mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .contains("/api/v1/articles/{id}/diff");
    }

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void countsOneVotePerVisitorWhateverTheCookie() throws Exception {
        long id = published(articles, "hc-stuffed", "刷票测试文章", "正文", "zh-CN", Visibility.PUBLIC);
        var first = mvc.perform(post("/help/articles/hc-stuffed/feedback").with(csrf()).with(from("10.1.0.1")).param("helpful", "true"))
                .andExpect(redirectedUrl("/help/articles/hc-stuffed?thanks=1")).andReturn().getResponse().getCookie(HelpCenterController.VISITOR_COOKIE);
        assertThat(first).isNotNull();
        assertThat(first.isHttpOnly()).isTrue();
        // the same browser again, then the same address with a fresh cookie (cookies cleared): neither counts
        mvc.perform(post("/help/articles/hc-stuffed/feedback").with(csrf()).with(from("10.1.0.1")).cookie(first).param("helpful", "true"));
        mvc.perform(post("/help/articles/hc-stuffed/feedback").with(csrf()).with(from("10.1.0.1")).param("helpful", "true"));
        // the same cookie from another address (a phone changing networks) does not count either
        mvc.perform(post("/help/articles/hc-stuffed/feedback").with(csrf()).with(from("10.1.0.9")).cookie(first).param("helpful", "true"));
        assertThat(as("root", "ADMIN", () -> articles.details(id)).helpfulYes()).isEqualTo(1);
        // another visitor does
        mvc.perform(post("/help/articles/hc-stuffed/feedback").with(csrf()).with(from("10.1.0.2")).param("helpful", "true"));
        assertThat(as("root", "ADMIN", () -> articles.details(id)).helpfulYes()).isEqualTo(2);
    }

    @Test
    void oneAddressCannotFillTheGapListBeyondItsHourlyAllowance() throws Exception {
        for (int i = 0; i < 25; i++) {
            mvc.perform(get("/help/search").param("q", "xqgapflood" + (char) ('a' + i)).with(from("10.2.0.1"))).andExpect(status().isOk());
        }
        mvc.perform(get("/help/search").param("q", "xqgapfloodz").with(from("10.2.0.2"))).andExpect(status().isOk());
        gaps.flush();
        var logged = gaps.open(SearchGaps.Order.NEWEST, null, 200).rows().stream().map(SearchGaps.Gap::query)
                .filter(q -> q.startsWith("xqgapflood")).toList();
        assertThat(logged).hasSize(21).contains("xqgapfloodz");
    }
}
