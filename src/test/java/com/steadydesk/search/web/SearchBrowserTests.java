package com.steadydesk.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchFixtures;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The search page and the search admin screens in headless Chromium; screenshots go to target/screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    SearchIndex index;

    /** An owner whose rebuild takes a few seconds, so that the progress display can be seen. */
    @TestConfiguration
    static class SlowArticles {
        @Bean
        @org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE) // before knowledge's own article source
        SearchSource slowArticles() {
            return new SearchSource() {
                @Override
                public String kind() {
                    return "article";
                }

                @Override
                public long count() {
                    return SearchFixtures.articles().size() + 400;
                }

                @Override
                public Stream<SearchDocument> all() {
                    Stream<SearchDocument> filler = IntStream.range(0, 400).mapToObj(i -> {
                        try {
                            Thread.sleep(10);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return SearchFixtures.article("filler-" + i, "常见问题 " + i, "关于订单、支付和售后的常见问题汇总 " + i, true, "其他", "zh");
                    });
                    return Stream.concat(SearchFixtures.articles().stream(), filler);
                }
            };
        }
    }

    @Test
    void agentSearchesAndSupervisorManagesSynonymsRebuildsAndGaps() throws Exception {
        SearchFixtures.articles().forEach(index::index);
        index.refreshNow();
        try (BrowserSession session = BrowserSession.open(port)) {
            searchManageAndAnswerAGap(session, session.driver());
        }
    }

    private void searchManageAndAnswerAGap(BrowserSession session, WebDriver browser) throws Exception {
        session.login("admin", "test-admin-password");

        session.go("/search?q=" + java.net.URLEncoder.encode("iPhone 退款", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("iPhone 订单退款说明");
        assertThat(browser.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        session.screenshot("search-results");
        session.go("/search?q=refnud&lang=en");
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("How to request a refund");
        session.screenshot("search-results-typo-en");

        session.go("/admin/search?lang=zh_CN");
        browser.findElement(By.id("terms")).sendKeys("退款, 退钱, 返款");
        browser.findElement(By.cssSelector("form.synonym-add button")).click();
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("同义词已保存");
        // the start-up rebuild of the (then empty) article index may still be running
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        browser.findElement(By.cssSelector("#rebuilds form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        session.screenshot("search-admin-rebuilding");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        assertThat(browser.findElement(By.id("rebuilds")).getText()).contains("已完成", "413");
        session.screenshot("search-admin");

        session.go("/search?q=" + java.net.URLEncoder.encode("怎么退钱", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("如何申请退款");
        session.go("/search?q=" + java.net.URLEncoder.encode("发票抬头怎么改", java.nio.charset.StandardCharsets.UTF_8));
        index.searchPublic("会员自动续费怎么取消", 10);
        index.searchPublic("会员自动续费怎么取消", 10);
        Thread.sleep(500);
        session.go("/admin/search/gaps?order=most-asked");
        assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains("会员自动续费怎么取消", "发票抬头怎么改");
        session.screenshot("search-gaps");

        // the gap list leads straight to a new article whose title is the question
        browser.findElements(By.cssSelector("table.list tr")).stream()
                .filter(row -> row.getText().contains("会员自动续费怎么取消")).findFirst().orElseThrow()
                .findElement(By.cssSelector(".gap-actions a")).click();
        session.waitUntil(d -> d.getCurrentUrl().contains("/knowledge/articles/new"));
        assertThat(browser.findElement(By.id("title")).getAttribute("value")).isEqualTo("会员自动续费怎么取消");
        assertThat(new Select(browser.findElement(By.id("language"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("zh-CN");
        session.screenshot("search-gap-new-article");
    }
}
