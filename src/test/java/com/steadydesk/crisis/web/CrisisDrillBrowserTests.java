package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.ReportingChain;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The crisis drill of issue 11.11: from an agent's report on a ticket to the first public update on the default path,
 * counting every click and every field typed into (at most 10); then the close with its resolution statement, and the
 * review with its figures filled in (the reported ticket was opened before the crisis and still counts).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrisisDrillBrowserTests {

    private static final String PASSWORD = "password-123";

    @LocalServerPort
    int port;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;
    @Autowired
    TicketManagement tickets;
    @Autowired
    ReportingChain chain;

    /** Clicks and fields typed into, on the way to the first public update. */
    private int interactions;

    @Test
    void fromAnAgentsReportToTheFirstPublicUpdateInAtMostTenInteractionsThenCloseWithAStatementAndReview() {
        String agent = "agent-drill";
        String lead = "lead-drill";
        com.steadydesk.scripts.ScriptsTestSupport.as("admin", Role.ADMIN, () -> {
            users.create(new UserManagement.NewUser(agent, "王芳", null, PASSWORD, Set.of(Role.AGENT)));
            users.create(new UserManagement.NewUser(lead, "陈刚", null, PASSWORD, Set.of(Role.CRISIS_LEAD)));
            chain.saveLevel(CrisisGrade.MINOR, 1, lead, List.of(), List.of(), List.of("IN_APP"), 30);
            CustomerProfile customer = customers.identifyByEmail("li.lei@kunde.example", "李雷");
            TicketId ticket = tickets.open(OpenTicket.of("App 登录不了", "从早上开始 App 一直登录失败。", customer.id(), Channel.WEB),
                    customer.vipTier());
            return tickets.find(ticket).orElseThrow().number();
        });

        try (var browser = BrowserSession.open(port)) {
            try {
                drill(browser, agent, lead);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("crisis-drill-failed");
                throw e;
            }
        }
    }

    private void drill(BrowserSession browser, String agent, String lead) {
        WebDriver driver = browser.driver();

        // the agent reports from the ticket: the ticket goes along, the type may stay "other"
        browser.login(agent, PASSWORD);
        browser.go("/inbox");
        click(browser, By.partialLinkText("App 登录不了"));
        browser.waitForText(By.cssSelector(".ticket-header h1"), "App 登录不了");
        click(browser, By.id("report-crisis"));
        browser.waitForText(By.cssSelector("h1"), "上报");
        type(browser, By.name("title"), "App 登录大面积失败（供应商 X 证书过期）");
        click(browser, By.cssSelector("#crisis-report-dialog button[type=submit]"));
        browser.waitForText(By.id("crisis-title"), "App 登录大面积失败");
        driver.manage().deleteAllCookies();

        // the on-duty lead opens the report from the list, acknowledges, declares with the matrix's defaults, publishes
        browser.login(lead, PASSWORD);
        browser.go("/crisis");
        click(browser, By.cssSelector(".crisis-ack a"));
        browser.waitForText(By.id("crisis-title"), "App 登录大面积失败");
        click(browser, By.id("acknowledge"));
        browser.waitForText(By.cssSelector(".crisis-chain"), "已确认");
        click(browser, By.id("declare"));
        browser.waitForText(By.id("crisis-status"), "处理中");

        // the public-update panel is the first thing in the cockpit, ready: phase, wording of the type, next-update time
        WebElement panel = visible(driver, By.cssSelector(".layout-2col > div > section.public-updates:first-child"));
        assertThat(panel.findElement(By.name("bodyZh")).getAttribute("value")).doesNotContain("{{").doesNotContain("证书")
                .doesNotContain("技术团队");
        assertThat(panel.findElement(By.name("next")).getAttribute("value")).isNotBlank();
        assertThat(new org.openqa.selenium.support.ui.Select(panel.findElement(By.name("phase"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("INVESTIGATING");
        browser.screenshot("crisis-drill-cockpit-zh");
        click(browser, By.id("publish"));
        browser.waitForText(By.cssSelector(".public-updates .timeline"), "部分服务受影响");
        assertThat(text(driver, ".flash, .message")).contains("已在状态页发布");

        assertThat(interactions).as("interactions from the agent's report to the first public update").isLessThanOrEqualTo(10);

        // the same cockpit in English: no raw codes, English captions
        String cockpit = java.net.URI.create(driver.getCurrentUrl()).getPath();
        browser.go(cockpit + "?lang=en");
        browser.waitForText(By.cssSelector(".public-updates h2"), "Public updates");
        assertThat(text(driver, "main")).doesNotContain("IN_APP").doesNotContain("PUBLIC_UPDATE").doesNotContain("DECLARED");
        browser.screenshot("crisis-drill-cockpit-en");
        browser.go(cockpit + "?lang=zh_CN");

        // the close asks for confirmation with the resolution statement, which goes public
        visible(driver, By.id("close-open")).click();
        WebElement statement = visible(driver, By.cssSelector("#close-form textarea[name=statementZh]"));
        assertThat(statement.getAttribute("value")).contains("已解决").doesNotContain("{{");
        browser.screenshot("crisis-drill-close-dialog");
        visible(driver, By.id("close-confirm")).click();
        browser.waitForText(By.id("crisis-status"), "已关闭");
        driver.manage().deleteAllCookies();
        browser.go("/status");
        String page = text(driver, ".status-crisis");
        assertThat(page).contains("已解决").doesNotContain("证书");

        // the review counts the reported ticket, opened before anyone called it a crisis
        browser.login(lead, PASSWORD);
        browser.go(cockpit);
        click(browser, By.id("open-review"));
        browser.waitForText(By.id("review-linked"), "1");
        assertThat(text(driver, "#figure-tickets td.num")).isEqualTo("1");
        assertThat(text(driver, "#review-ratio")).doesNotContain("×0.0");
        browser.screenshot("crisis-drill-review");
    }

    private void click(BrowserSession browser, By locator) {
        // found again each time: an htmx swap or a page load replaces the element
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(locator)).click();
        interactions++;
    }

    private void type(BrowserSession browser, By locator, String text) {
        visible(browser.driver(), locator).sendKeys(text);
        interactions++;
    }

    private static WebElement visible(WebDriver driver, By locator) {
        return new WebDriverWait(driver, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    private static String text(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
