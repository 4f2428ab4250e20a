package com.steadydesk.inbox.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The SLA admin screens in headless Chromium; screenshots go to target/screenshots. Skipped without a driver. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlaAdminBrowserTests {

    static WebDriver browser;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(Path.of("/usr/bin/chromedriver")) && Files.isExecutable(Path.of("/usr/bin/chromium"));
        assumeTrue(installed || "true".equals(System.getenv("STEADYDESK_REQUIRE_BROWSER")), "no chromium/chromedriver");
        var options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--no-first-run", "--window-size=1400,1000");
        // pages follow Accept-Language, and headless Chromium sends en-US unless told otherwise
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anAdminSeesThePoliciesAndEditsACalendar() throws Exception {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password");
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        browser.get(url("/admin/sla"));
        assertThat(browser.findElement(By.cssSelector("table.sla-policies")).getText()).contains("在线聊天", "30 秒", "4 个工作小时");
        screenshot("sla-policies");

        browser.get(url("/admin/sla/policies/new"));
        browser.findElement(By.id("firstResponseAmount")).sendKeys("abc");
        browser.findElement(By.cssSelector("button.primary")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).isNotBlank();
        screenshot("sla-policy-errors");

        browser.get(url("/admin/sla/calendars"));
        browser.findElement(By.linkText("工作日 9:00-18:00")).click();
        browser.findElement(By.id("lines")).sendKeys("2026-10-01,国庆节\n2026-10-02,国庆节\n2026-10-05,国庆节");
        browser.findElement(By.cssSelector("form[action$='/days/paste'] button")).click();
        browser.findElement(By.id("pasteKind"));
        assertThat(browser.findElement(By.cssSelector(".sla-days")).getText()).contains("2026-10-05", "国庆节");
        browser.manage().window().setSize(new Dimension(1400, 1800));
        screenshot("sla-calendar");
        browser.manage().window().setSize(new Dimension(1400, 1000));

        browser.get(url("/admin/sla?lang=en"));
        screenshot("sla-policies-en");
        browser.get(url("/admin/sla?lang=zh_CN"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
