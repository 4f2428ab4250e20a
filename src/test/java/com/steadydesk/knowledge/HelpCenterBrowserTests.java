package com.steadydesk.knowledge;

import static com.steadydesk.knowledge.KnowledgeFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.BrowserSession;
import com.steadydesk.search.SearchIndex;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public help center in a real browser: search, open an article, the crisis banner and callout come and go. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = KnowledgeFixtures.OWN_CONTEXT)
class HelpCenterBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ArticleManagement articles;
    @Autowired
    HelpCenterNotices notices;
    @Autowired
    SearchIndex index;

    @Test
    void visitorSearchesOpensAnArticleAndSeesTheCrisisBannerOnlyDuringTheCrisis() {
        long refund = published(articles, "br-refund", "退款多久到账", "退款审核通过后，款项会在1-5个工作日内原路退回。", "zh-CN", Visibility.PUBLIC, "退款");
        published(articles, "br-internal", "退款内部处理流程", "内部：退款审批需要主管签字。", "zh-CN", Visibility.INTERNAL, "退款");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(index.searchPublic("退款", 5)).isNotEmpty());

        try (var browser = BrowserSession.open(port)) {
            var driver = browser.driver();
            browser.go("/help");
            assertThat(driver.findElements(By.cssSelector(".crisis-banner"))).isEmpty();
            driver.findElement(By.cssSelector(".help-search input[name=q]")).sendKeys("退款", Keys.ENTER);
            browser.waitForText(By.cssSelector(".help-results"), "退款多久到账");
            assertThat(driver.findElement(By.cssSelector(".help-results")).getText()).doesNotContain("内部处理流程");
            assertThat(driver.findElements(By.cssSelector(".help-snippet mark"))).isNotEmpty();
            browser.screenshot("help-search");

            driver.findElement(By.linkText("退款多久到账")).click();
            browser.waitForText(By.cssSelector(".help-article h1"), "退款多久到账");
            assertThat(driver.findElement(By.cssSelector(".help-body")).getText()).contains("原路退回");

            notices.showBanner(77, "支付系统故障，退款可能延迟", "/status/crisis-77");
            notices.addCallout(77, List.of(refund), "故障期间退款到账可能延迟 1-2 天。", "/status/crisis-77");
            driver.navigate().refresh();
            browser.waitForText(By.cssSelector(".crisis-banner"), "支付系统故障，退款可能延迟");
            assertThat(driver.findElement(By.cssSelector(".help-callout")).getText()).contains("故障期间退款到账可能延迟");
            assertThat(driver.findElement(By.cssSelector(".crisis-banner a")).getAttribute("href")).endsWith("/status/crisis-77");
            browser.screenshot("help-article-during-crisis");

            notices.clearAll(77);
            driver.navigate().refresh();
            browser.waitUntil(d -> d.findElements(By.cssSelector(".crisis-banner")).isEmpty());
            assertThat(driver.findElements(By.cssSelector(".help-callout"))).isEmpty();
            browser.go("/help?lang=en");
            assertThat(driver.findElements(By.cssSelector(".crisis-banner"))).isEmpty();
            browser.screenshot("help-home-en");
        }
    }
}
