package com.steadydesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.internal.InboundMessageStore;
import com.steadydesk.channels.internal.MailFixtures;
import com.steadydesk.channels.internal.MailIntake;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The public contact form and the quarantine screen in headless Chromium. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChannelsBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired InboundMessageStore store;
    @Autowired MailIntake intake;

    @BeforeAll
    static void startBrowser() {
        Path driver = Path.of("/usr/bin/chromedriver");
        boolean required = "true".equals(System.getenv("STEADYDESK_REQUIRE_BROWSER"));
        assumeTrue(required || Files.isExecutable(driver), "no chromedriver installed");
        ChromeOptions options = new ChromeOptions().setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1300,1000",
                        "--disable-background-networking", "--no-first-run", "--lang=zh-CN");
        // pages follow Accept-Language, and headless Chromium sends en-US whatever --lang says
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build(), options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aCustomerSendsTheContactFormAndGetsAReference() throws Exception {
        browser.get("http://localhost:" + port + "/contact");
        browser.findElement(By.id("name")).sendKeys("韩梅梅");
        browser.findElement(By.id("email")).sendKeys("hanmeimei@example.cn");
        browser.findElement(By.id("orderNo")).sendKeys("SD20261129088");
        browser.findElement(By.id("message")).sendKeys("快递显示已签收，但我没有收到包裹。");
        assertThat(browser.findElement(By.id("website")).isDisplayed()).isFalse();
        Thread.sleep(3200); // a person takes longer than the bot threshold
        browser.findElement(By.cssSelector("form.contact-form button[type=submit]")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/contact/thanks"));
        assertThat(browser.findElement(By.cssSelector(".reference")).getText()).matches("W\\d{6}-[A-Z0-9]{6}");
    }

    @Test
    void anAdminSeesQuarantinedMail() {
        String messageId = "<browser-" + UUID.randomUUID() + "@example.cn>";
        long id = store.insertRaw(Channel.EMAIL, null, null, MailFixtures.brokenMultipart(messageId), messageId, Instant.now()).orElseThrow();
        intake.process(id);

        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("test-admin-password");
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.get("http://localhost:" + port + "/admin/quarantine");

        assertThat(browser.findElement(By.cssSelector("table.list")).getText()).contains("broken@example.cn").contains("Missing start boundary");
        browser.findElement(By.linkText("broken")).click();
        assertThat(browser.findElement(By.cssSelector("pre.raw:last-of-type")).getText()).contains("this body has no boundary at all");
    }
}
