package com.steadydesk.inbox.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.VipTier;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketStatus;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The inbox screens in both languages, in headless Chromium: no raw codes (NEW, PENDING, CHAT, SOLVED) where people
 * read. Screenshots go to target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InboxBrowserTests {

    static final List<String> CODES = List.of("NEW", "OPEN", "PENDING", "SOLVED", "CLOSED", "ON_HOLD", "CHAT", "EMAIL", "PHONE",
            "NORMAL", "URGENT", "BREACHED", "AT_RISK");

    @LocalServerPort
    int port;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void theTicketPageHistoryListAndSlaAdminSpeakTheUsersLanguage() {
        SecurityContextHolder.getContext().setAuthentication(new UsernamePasswordAuthenticationToken("admin", null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN")));
        TicketId id;
        try {
            var customer = customers.identifyByEmail("browser-history@example.com", "李明");
            id = tickets.open(OpenTicket.of("退款还没到账", "我的退款还没到账", customer.id(), Channel.CHAT), VipTier.NONE);
            tickets.changeStatus(id, TicketStatus.PENDING);
            tickets.changeStatus(id, TicketStatus.SOLVED);
        } finally {
            SecurityContextHolder.clearContext();
        }
        try (var session = BrowserSession.open(port)) {
            session.login("admin", "test-admin-password");
            lookAround(session, id);
        }
    }

    private static void lookAround(BrowserSession session, TicketId id) {
        WebDriver browser = session.driver();
        for (String lang : List.of("zh_CN", "en")) {
            session.go("/inbox/tickets/" + id.value() + "?lang=" + lang);
            browser.findElement(By.cssSelector("details.history summary")).click();
            String history = browser.findElement(By.cssSelector("details.history")).getText();
            assertThat(history).contains(lang.equals("en") ? "Pending" : "等待客户").doesNotContain("PENDING", "SOLVED", "NEW →");
            String header = browser.findElement(By.id("ticket-header")).getText();
            CODES.forEach(code -> assertThat(header).as("ticket header (%s)", lang).doesNotContainPattern("\\b" + code + "\\b"));
            session.screenshot("inbox-ticket-" + lang);
            ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()",
                    browser.findElement(By.cssSelector("details.history")));
            session.screenshot("inbox-history-" + lang);

            session.go("/inbox?lang=" + lang);
            String list = browser.findElement(By.tagName("main")).getText();
            CODES.forEach(code -> assertThat(list).as("inbox list (%s)", lang).doesNotContainPattern("\\b" + code + "\\b"));
            session.screenshot("inbox-list-" + lang);

            session.go("/inbox/calls/new?lang=" + lang);
            session.screenshot("inbox-call-" + lang);

            session.go("/admin/sla?lang=" + lang);
            session.screenshot("inbox-sla-" + lang);
            session.go("/admin/sla/calendars?lang=" + lang);
            session.screenshot("inbox-sla-calendars-" + lang);
            session.go("/admin/users/1/handover?lang=" + lang);
            session.screenshot("inbox-handover-" + lang);
        }
        session.go("/inbox?lang=zh_CN");
    }
}
