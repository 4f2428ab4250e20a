package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.draft;
import static com.steadydesk.knowledge.KnowledgeFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The staff side in a real browser: the article list, an article's version diff, and a crisis source-of-truth page. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = KnowledgeFixtures.OWN_CONTEXT)
class KnowledgeBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ArticleManagement articles;
    @Autowired
    SourceOfTruthManagement truth;

    @Test
    void staffBrowseAnArticleItsDiffAndTheSourceOfTruth() {
        long[] id = new long[1];
        run("kb-sup", "SUPERVISOR", () -> {
            id[0] = articles.create(draft("临时客服上岗手册（浏览器）", "## 第一天\n\n1. 登录稳客服\n2. 阅读事实页", "zh-CN", "应急手册")).id();
            articles.update(id[0], draft("临时客服上岗手册（浏览器）", "## 第一天\n\n1. 登录稳客服\n2. 阅读当前危机的事实页\n3. 跟随带教老师旁听", "zh-CN", "应急手册"), null);
        });
        truth.openFor(501, "华东仓物流中断");
        run("lead", "CRISIS_LEAD", () -> truth.save(501, new SourceOfTruthContent("华东仓停发 48 小时。", "约 3 万笔订单延迟。",
                "补偿：客服经理；对外口径：公关。", List.of(new SourceOfTruthContent.Decision(LocalDate.of(2026, 11, 29), "补偿", "每单 5 元无门槛券")),
                "非常抱歉，您的包裹因仓库临时停工将延迟 2-3 天送达，我们已为您补发 5 元优惠券。", Instant.parse("2026-11-29T10:00:00Z")), null));

        try (var browser = BrowserSession.open(port)) {
            var driver = browser.driver();
            browser.login("admin", "test-admin-password");
            browser.go("/knowledge");
            assertThat(driver.findElement(By.cssSelector("table.list")).getText()).contains("临时客服上岗手册（浏览器）");
            browser.screenshot("knowledge-list");
            browser.go("/knowledge/articles/" + id[0]);
            assertThat(driver.findElement(By.cssSelector(".kb-body h2")).getText()).isEqualTo("第一天");
            browser.screenshot("knowledge-article");
            browser.go("/knowledge/articles/" + id[0] + "/versions");
            assertThat(driver.findElements(By.cssSelector("pre.diff ins"))).isNotEmpty();
            browser.screenshot("knowledge-versions");
            browser.go("/knowledge/crisis/501");
            assertThat(driver.findElement(By.cssSelector(".kb-approved")).getText()).contains("5 元优惠券");
            browser.screenshot("knowledge-truth");
        }
    }
}
