package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.BrowserSession;
import com.steadydesk.channels.Channel;
import com.steadydesk.channels.MailboxManagement;
import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.OutboundMail;
import com.steadydesk.crisis.CrisisGrade;
import com.steadydesk.crisis.ReportingChain;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The crisis journey of issue 4/8 in a real browser, over real SMTP (GreenMail): a customer subscribes to the status
 * page and confirms by the mailed link; an agent reports a suspected crisis from a ticket; the on-duty crisis lead
 * sees the report, acknowledges it, grades it major with the matrix, and writes, previews and publishes an update from
 * a template; the public page shows it without a login, and the subscriber receives it by email.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrisisJourneyBrowserTests {

    private static final String PASSWORD = "password-123";
    private static final Pattern CONFIRM_LINK = Pattern.compile("(/status/subscriptions/confirm\\?token=[A-Za-z0-9_\\-.=%]+)");

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

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
    @Autowired
    MailboxManagement mailboxes;
    @Autowired
    OutboundMail outboundMail;

    @Test
    void anAgentsReportFromATicketBecomesAMajorCrisisWhosePublishedUpdateReachesThePublicPageAndTheSubscribersInbox() throws Exception {
        String subscriber = "reader@kunde.example";
        String agent = "agent-journey";
        String lead = "lead-on-duty";
        long ticketNumber = asAdmin(() -> {
            outgoingMailboxOnGreenMail();
            users.create(new UserManagement.NewUser(agent, "李娜", null, PASSWORD, Set.of(Role.AGENT)));
            users.create(new UserManagement.NewUser(lead, "赵磊", null, PASSWORD, Set.of(Role.CRISIS_LEAD)));
            // the on-duty lead is the first to be told of any report (a report starts as a minor suspicion)
            chain.saveLevel(CrisisGrade.MINOR, 1, lead, List.of(), List.of(), List.of("IN_APP"), 30);
            CustomerProfile customer = customers.identifyByEmail("zhou.min@kunde.example", "周敏");
            TicketId ticket = tickets.open(OpenTicket.of("付款一直失败", "今天下午开始，付款一直提示支付失败。", customer.id(), Channel.WEB),
                    customer.vipTier());
            return tickets.find(ticket).orElseThrow().number();
        });

        try (var browser = BrowserSession.open(port)) {
            try {
                journey(browser, subscriber, agent, lead, ticketNumber);
            } catch (AssertionError | RuntimeException e) {
                browser.screenshot("crisis-journey-failed"); // what the person saw when it broke
                throw e;
            }
        }
    }

    private void journey(BrowserSession browser, String subscriber, String agent, String lead, long ticketNumber) throws Exception {
        WebDriver driver = browser.driver();

        // a customer follows the status page by email before anything happens, and confirms by the mailed link
        browser.go("/status");
        assertThat(text(driver, ".status-ok")).contains("所有服务运行正常");
        driver.findElement(By.id("subscribe-email")).sendKeys(subscriber);
        driver.findElement(By.cssSelector(".status-subscribe button[type=submit]")).click();
        browser.waitForText(By.id("subscription-outcome"), "请查收邮件");
        MimeMessage confirmation = mailTo(subscriber, "请确认订阅");
        String confirmationText = decoded(confirmation);
        Matcher link = CONFIRM_LINK.matcher(confirmationText);
        assertThat(link.find()).as("confirmation link in: %s", confirmationText).isTrue();
        browser.go(link.group(1));
        assertThat(text(driver, "#subscription-outcome")).contains("订阅成功");
        driver.manage().deleteAllCookies();

        // an agent reports a suspected crisis from the ticket page; the ticket goes along as an example
        browser.login(agent, PASSWORD);
        browser.go("/inbox");
        driver.findElement(By.partialLinkText("付款一直失败")).click();
        browser.waitForText(By.cssSelector(".ticket-header h1"), "付款一直失败");
        driver.findElement(By.id("report-crisis")).click();
        browser.waitForText(By.cssSelector("h1"), "上报");
        assertThat(driver.findElement(By.name("exampleNumbers")).getAttribute("value")).isEqualTo(String.valueOf(ticketNumber));
        new Select(driver.findElement(By.name("type"))).selectByValue("TECHNICAL_FAILURE");
        driver.findElement(By.name("title")).sendKeys("支付接口大面积失败");
        driver.findElement(By.name("description")).sendKeys("多位客户反映付款失败，提示“支付失败”。");
        driver.findElement(By.cssSelector("#crisis-report-dialog button[type=submit]")).click();
        browser.waitForText(By.id("crisis-title"), "支付接口大面积失败");
        assertThat(text(driver, "#crisis-status")).contains("已上报");
        assertThat(driver.findElements(By.id("acknowledge"))).as("the reporter was not told, so cannot acknowledge").isEmpty();
        browser.screenshot("crisis-journey-1-reported");
        driver.manage().deleteAllCookies();

        // the on-duty lead sees the report waiting for acknowledgement and acknowledges it
        browser.login(lead, PASSWORD);
        browser.go("/crisis");
        assertThat(text(driver, ".crisis-ack")).contains("等待你确认");
        driver.findElement(By.cssSelector(".crisis-ack a")).click();
        browser.waitForText(By.id("crisis-title"), "支付接口大面积失败");
        assertThat(text(driver, ".crisis-linked")).contains("#" + ticketNumber).contains("付款一直失败");
        driver.findElement(By.id("acknowledge")).click();
        browser.waitForText(By.cssSelector(".crisis-chain"), "已确认");
        assertThat(driver.findElements(By.id("acknowledge"))).isEmpty();

        // ... declares it and grades it with the matrix: money, safety and many customers make it major
        WebElement grading = driver.findElement(By.cssSelector("form.grading-form"));
        for (String nature : List.of("SAFETY", "QUALITY", "REPUTATION")) {
            grading.findElement(By.cssSelector("input[name=natures][value=" + nature + "]")).click();
        }
        replace(grading.findElement(By.name("customers")), "20000");
        replace(grading.findElement(By.name("regions")), "10");
        replace(grading.findElement(By.name("loss")), "2000000");
        new Select(grading.findElement(By.name("trend"))).selectByValue("SURGING");
        new Select(grading.findElement(By.name("urgency"))).selectByValue("CRITICAL");
        new Select(grading.findElement(By.name("attention"))).selectByValue("NATIONAL_MEDIA");
        grading.findElement(By.id("declare")).click();
        browser.waitForText(By.id("crisis-grade"), "重大");
        assertThat(text(driver, "#crisis-status")).contains("处理中");
        assertThat(text(driver, ".crisis-grade-history")).contains("重大").contains(lead);

        // ... tells the public what is affected
        WebElement scope = driver.findElement(By.cssSelector("form.crisis-scope"));
        scope.findElement(By.name("products")).sendKeys("在线支付");
        scope.findElement(By.name("productsEn")).sendKeys("Online payment");
        scope.findElement(By.name("publicTitle")).sendKeys("支付接口大面积失败"); // the public title; the internal one stays inside
        scope.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitForText(By.cssSelector(".crisis-facts"), "在线支付");

        // ... writes the first public statement from its template, previews it and publishes it
        String next = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusHours(2).withSecond(0).withNano(0)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        WebElement fill = driver.findElement(By.cssSelector("form.update-template"));
        new Select(fill.findElement(By.name("template"))).selectByValue("first-statement");
        pickDateTime(driver, fill.findElement(By.name("next")), next);
        fill.findElement(By.cssSelector("button[type=submit]")).click();
        browser.waitUntil(d -> d.findElement(By.name("bodyZh")).getAttribute("value").contains("支付接口大面积失败"));
        assertThat(driver.findElement(By.cssSelector("form.update-template input[name=next]")).getAttribute("value")).isEqualTo(next);
        String bodyZh = driver.findElement(By.name("bodyZh")).getAttribute("value");
        assertThat(bodyZh).contains("在线支付").doesNotContain("{{");
        assertThat(driver.findElement(By.name("bodyEn")).getAttribute("value")).contains("We are aware of an issue");
        driver.findElement(By.id("preview")).click();
        browser.waitForText(By.id("update-preview"), "技术团队正在全力排查");
        browser.screenshot("crisis-journey-2-preview");
        driver.findElement(By.id("publish")).click();
        browser.waitForText(By.cssSelector(".public-updates .timeline"), "技术团队正在全力排查");
        driver.manage().deleteAllCookies();

        // the public page, without a login, shows the update in Chinese and in English
        browser.go("/status");
        assertThat(driver.getCurrentUrl()).endsWith("/status");
        String page = text(driver, ".status-crisis");
        assertThat(page).contains("支付接口大面积失败").contains("在线支付").contains("技术团队正在全力排查").contains("下一次更新");
        assertThat(driver.findElements(By.cssSelector(".status-ok"))).isEmpty();
        browser.screenshot("crisis-journey-3-status-zh");
        browser.go("/status?lang=en");
        assertThat(text(driver, ".status-crisis")).contains("We are aware of an issue").contains("Next update").contains("Online payment")
                .doesNotContain("在线支付");

        // the subscriber's mailbox receives the update
        MimeMessage update = mailTo(subscriber, "【服务状态更新】");
        assertThat(update.getSubject()).contains("支付接口大面积失败");
        assertThat(decoded(update)).contains("技术团队正在全力排查").contains("/status/subscriptions/unsubscribe?token=");

        // the lead's crisis list, in both languages: the "all" table has a header over each of its columns
        browser.login(lead, PASSWORD);
        for (String language : List.of("zh_CN", "en")) {
            browser.go("/crisis?lang=" + language);
            WebElement all = driver.findElement(By.cssSelector("table.crisis-all"));
            List<WebElement> headers = all.findElements(By.cssSelector("thead th"));
            assertThat(headers).hasSize(7);
            assertThat(all.findElements(By.cssSelector("tbody tr:first-child td"))).hasSize(headers.size());
            assertThat(all.getText()).contains("支付接口大面积失败");
            browser.screenshot("crisis-list-" + language);
        }
        driver.manage().deleteAllCookies();

        // the public page on a phone
        driver.manage().window().setSize(new Dimension(390, 844));
        for (String language : List.of("zh_CN", "en")) {
            browser.go("/status?lang=" + language);
            // no English title was given: English readers get the type's neutral wording, not the Chinese title
            assertThat(text(driver, ".status-crisis h2")).contains("en".equals(language) ? "Service disruption" : "支付接口大面积失败");
            browser.screenshot("crisis-status-phone-" + language);
        }
    }

    /** Sends what is queued (as the scheduler would) until a mail to the address with the subject arrives. */
    private MimeMessage mailTo(String address, String subjectPart) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            outboundMail.deliverDue();
            return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> recipientIs(m, address))
                    .filter(m -> subjectOf(m).contains(subjectPart)).findFirst().orElse(null);
        }, m -> m != null);
    }

    private static boolean recipientIs(MimeMessage m, String address) {
        try {
            return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().contains(address));
        } catch (Exception e) {
            return false;
        }
    }

    private static String subjectOf(MimeMessage m) {
        try {
            return m.getSubject() == null ? "" : m.getSubject();
        } catch (Exception e) {
            return "";
        }
    }

    /** The mail's text as the reader sees it (transfer encoding undone; the plain part of a multipart mail). */
    private static String decoded(jakarta.mail.Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(decoded(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return content instanceof String s ? s : "";
    }

    private void outgoingMailboxOnGreenMail() {
        String address = "service@steadydesk.test";
        greenMail.setUser(address, "service", "secret");
        long id = mailboxes.create(new MailboxSettings("客服", address, "稳客服", greenMail.getImap().getBindTo(), greenMail.getImap().getPort(),
                false, "service", "secret", greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort(), false, false, null, null, 86400,
                true));
        mailboxes.activate(id);
    }

    private static String text(WebDriver driver, String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private static void replace(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    /**
     * Sets a datetime-local field as its date picker does. Typed keys would depend on the browser's locale (segment
     * order, 上午/下午), so the value is set the way the picker sets it, and the change event is fired.
     */
    private static void pickDateTime(WebDriver driver, WebElement input, String isoLocal) {
        ((JavascriptExecutor) driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, isoLocal);
    }

    private static <T> T asAdmin(Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
                List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
