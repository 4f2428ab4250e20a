package com.steadydesk.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
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
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer screens in headless Chromium, as a temporary agent and as an agent; screenshots go to target/screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerBrowserTests {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static WebDriver browser;

    @LocalServerPort
    int port;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;

    @BeforeAll
    static void startBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        assumeTrue(installed || "true".equals(System.getenv("STEADYDESK_REQUIRE_BROWSER")), "no Chromium installed");
        // The service is given the driver so that Selenium never tries to download one.
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
    void aTemporaryAgentSeesMaskedContactsAndAnAgentSeesThemInClear() throws Exception {
        users.create(new NewUser("browser-temp", "临时坐席", null, "temp-password-1", Set.of(Role.TEMP_AGENT)));
        users.create(new NewUser("browser-agent", "客服", null, "agent-password-1", Set.of(Role.AGENT)));
        CustomerProfile chen = customers.identifyByEmail("chenjing@example.com", "陈静");
        chen = customers.update(chen.id(), new CustomerChanges(null, null, List.of("13812345678"), List.of("shop:U10023"), null, null,
                "偏好邮件沟通，助理电话 13800138000。"));
        customers.identifyByPhone("+86 139 0000 1111", "刘建国");

        logIn("browser-temp", "temp-password-1");
        open("/customers");
        assertThat(browser.findElement(By.cssSelector("table.customers")).getText()).contains("陈静", "c***@example.com", "138****5678")
                .doesNotContain("13812345678", "chenjing@");
        screenshot("customers-list-temp-agent");
        open("/customers/" + chen.id().value());
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("c***@example.com", "138****5678", "138****8000", "shop:U10023").doesNotContain("13812345678", "13800138000");
        screenshot("customer-profile-temp-agent");
        logOut();

        logIn("browser-agent", "agent-password-1");
        open("/customers/" + chen.id().value());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("chenjing@example.com", "13812345678");
        screenshot("customer-profile-agent");
        open("/customers/" + chen.id().value() + "/edit");
        browser.findElement(By.id("emails")).clear();
        browser.findElement(By.id("emails")).sendKeys("chenjing@example.com\nnot-an-address");
        browser.findElement(By.cssSelector("form.customer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("not-an-address");
        screenshot("customer-form-errors");
        open("/customers/new?lang=en");
        screenshot("customer-new-en");
        open("/customers?lang=zh_CN");
        logOut();

        users.create(new NewUser("browser-lead", "主管", null, "lead-password-1", Set.of(Role.SUPERVISOR)));
        logIn("browser-lead", "lead-password-1");
        open("/customers/" + chen.id().value() + "/edit");
        new Select(browser.findElement(By.id("vipTier"))).selectByValue("GOLD");
        new Select(browser.findElement(By.id("accountManager"))).selectByValue("browser-agent");
        screenshot("customer-form-supervisor");
        browser.findElement(By.cssSelector("form.customer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("h1 .badge.vip")).getText()).isEqualTo("VIP · 黄金");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("客户资料已保存。");
        screenshot("customer-profile-vip");
        logOut();
    }

    private void logIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
    }

    private void logOut() {
        browser.findElement(By.cssSelector(".topbar-right form button")).click();
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", "screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
