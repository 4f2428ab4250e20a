package com.steadydesk.search.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.steadydesk.search.SearchDocument;
import com.steadydesk.search.SearchFixtures;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchSource;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The search page and the search admin screens in headless Chromium; screenshots go to target/screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver browser;

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

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(installed || "true".equals(System.getenv("STEADYDESK_REQUIRE_BROWSER")), "no Chromium installed");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,900",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--lang=zh-CN");
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void agentSearchesAndSupervisorManagesSynonymsRebuildsAndGaps() throws Exception {
        SearchFixtures.articles().forEach(index::index);
        index.refreshNow();
        logIn("admin", "test-admin-password");

        open("/search?q=" + java.net.URLEncoder.encode("iPhone 退款", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("iPhone 订单退款说明");
        assertThat(browser.findElements(By.cssSelector(".snippet mark"))).isNotEmpty();
        screenshot("search-results");
        open("/search?q=refnud&lang=en");
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("How to request a refund");
        screenshot("search-results-typo-en");

        open("/admin/search?lang=zh_CN");
        browser.findElement(By.id("terms")).sendKeys("退款, 退钱, 返款");
        browser.findElement(By.cssSelector("form.synonym-add button")).click();
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).contains("同义词已保存");
        // the start-up rebuild of the (then empty) article index may still be running
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        browser.findElement(By.cssSelector("#rebuilds form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(5)).until(d -> !d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        screenshot("search-admin-rebuilding");
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(d -> d.findElements(By.cssSelector("#rebuilds progress")).isEmpty());
        assertThat(browser.findElement(By.id("rebuilds")).getText()).contains("已完成", "413");
        screenshot("search-admin");

        open("/search?q=" + java.net.URLEncoder.encode("怎么退钱", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(browser.findElement(By.cssSelector(".search-hits li .hit-title")).getText()).isEqualTo("如何申请退款");
        open("/search?q=" + java.net.URLEncoder.encode("发票抬头怎么改", java.nio.charset.StandardCharsets.UTF_8));
        index.searchPublic("会员自动续费怎么取消", 10);
        index.searchPublic("会员自动续费怎么取消", 10);
        Thread.sleep(500);
        open("/admin/search/gaps?order=most-asked");
        assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains("会员自动续费怎么取消", "发票抬头怎么改");
        screenshot("search-gaps");
    }

    private void logIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
