package com.steadydesk.crisis.web;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.BrowserSession;
import com.steadydesk.channels.Channel;
import com.steadydesk.crisis.CrisisId;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.search.SearchHit;
import com.steadydesk.search.SearchIndex;
import com.steadydesk.search.SearchQuery;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The cockpit in a real browser: the timeline links linked tickets by number; the link search finds words in the first message. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CrisisCockpitBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    CrisisManagement crises;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;
    @Autowired
    SearchIndex searchIndex;

    @Test
    void theTimelineLinksTicketNumbersAndTheLinkSearchReadsTheFirstMessage() {
        String word = "扫码失败" + System.nanoTime() % 100_000;
        TicketId example = open("付款页面报错", "付款时页面报错");
        TicketId inBody = open("门店收银问题", "顾客说" + word + "，收银台一直转圈");
        long exampleNumber = tickets.find(example).orElseThrow().number();
        long bodyNumber = tickets.find(inBody).orElseThrow().number();
        CrisisId id = as("cockpit-lead", Role.CRISIS_LEAD, () -> crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE,
                "门店扫码支付故障", null, null, List.of(example.value())), new GradingFactors(null, 0, 0, 0, null, null, null)).id());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            searchIndex.refreshNow();
            List<SearchHit> hits = searchIndex.rank(new SearchQuery(word, Set.of("ticket"), Map.of(), false, 10));
            return hits.stream().anyMatch(h -> h.id().equals(String.valueOf(inBody.value())));
        });

        try (var browser = BrowserSession.open(port)) {
            browser.login("admin", "test-admin-password");
            browser.go("/crisis/" + id.value());
            var link = browser.driver().findElement(By.cssSelector(".kind-TICKETS_LINKED .timeline-tickets a"));
            assertThat(link.getText()).isEqualTo("#" + exampleNumber);
            assertThat(link.getAttribute("href")).endsWith("/inbox/tickets/" + example.value());

            browser.driver().findElement(By.cssSelector("#link-search input[name=words]")).sendKeys(word);
            browser.driver().findElement(By.id("link-search-button")).click();
            browser.waitForText(By.id("link-search-results"), "#" + bodyNumber);
            assertThat(browser.driver().findElement(By.id("link-search-count")).getText()).contains("1");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('link-search').scrollIntoView()");
            browser.screenshot("crisis-cockpit-link-search");

            browser.driver().findElement(By.id("link-all")).click();
            browser.waitUntil(d -> !d.findElements(By.cssSelector(".kind-TICKETS_LINKED .timeline-tickets a")).stream()
                    .filter(a -> a.getText().equals("#" + bodyNumber)).toList().isEmpty());
            scrollTo(browser, ".kind-TICKETS_LINKED");
            browser.screenshot("crisis-cockpit-linked");

            // admin holds CRISIS_LEAD, so is on level 1 of the major chain: grading it is acknowledging it
            new Select(browser.driver().findElement(By.cssSelector("form[action$='/override'] select[name=grade]"))).selectByValue("MAJOR");
            browser.driver().findElement(By.cssSelector("form[action$='/override'] input[name=reason]")).sendKeys("多地门店同时出现");
            browser.driver().findElement(By.id("override")).click();
            // grades are shown by their names in the reader's language, never as codes
            browser.waitForText(By.cssSelector(".crisis-chain"), "L1 重大");
            assertThat(browser.driver().findElement(By.cssSelector(".crisis-chain")).getText()).doesNotContain("MAJOR");
            assertThat(browser.driver().findElements(By.cssSelector(".kind-ACKNOWLEDGED")).get(0).getText())
                    .contains("admin").contains("重大").contains("第 1 级");
            browser.screenshot("crisis-cockpit-graded");
            scrollTo(browser, ".kind-ACKNOWLEDGED");
            browser.screenshot("crisis-cockpit-graded-timeline");
        }
    }

    private static void scrollTo(BrowserSession browser, String selector) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "document.querySelector(arguments[0]).scrollIntoView({block: 'center'})", selector);
    }

    private TicketId open(String subject, String body) {
        CustomerProfile customer = customers.identifyByEmail("cockpit-" + System.nanoTime() + "@example.com", "客户");
        return tickets.open(OpenTicket.of(subject, body, customer.id(), Channel.WEB), customer.vipTier());
    }
}
