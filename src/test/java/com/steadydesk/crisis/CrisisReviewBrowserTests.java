package com.steadydesk.crisis;

import static com.steadydesk.scripts.ScriptsTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.identity.Role;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketSatisfaction;
import com.steadydesk.platform.MutableClock;
import com.steadydesk.platform.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The review screen in a real browser: the figures side by side, the export buttons, writing an action item, both languages. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
class CrisisReviewBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    CrisisManagement crises;
    @Autowired
    CrisisTaskManagement tasks;
    @Autowired
    StatusPage statusPage;
    @Autowired
    FollowUps followUps;
    @Autowired
    TicketManagement tickets;
    @Autowired
    TicketSatisfaction satisfaction;
    @Autowired
    CustomerManagement customers;

    @Test
    void theLeadReadsTheFiguresSideBySideAndWritesAnActionItem() {
        CrisisId id = as("review-lead", Role.CRISIS_LEAD,
                () -> new ReviewDataSet(clock, crises, tasks, statusPage, followUps, tickets, satisfaction, customers).build());
        clock.reset();
        try (var browser = BrowserSession.open(port)) {
            browser.login("admin", "test-admin-password");
            browser.go("/crisis/" + id.value());
            browser.driver().findElement(By.id("open-review")).click();
            browser.waitForText(By.cssSelector("h1"), "复盘：支付中断");
            assertThat(browser.driver().findElement(By.id("figure-firstResponseMedian")).getText()).contains("0h 25min").contains("1h 00min");
            // business hours of the same tickets (computed in CrisisReviewsTests): 0 during a crisis that began on a Sunday
            assertThat(browser.driver().findElement(By.id("figure-businessResolutionP90")).getText()).contains("解决时长 P90（工作时间）")
                    .contains("0h 48min").contains("7h 12min");
            assertThat(browser.driver().findElement(By.id("figure-csat")).getText()).contains("33.3% (1/3)").contains("66.7% (2/3)");
            assertThat(browser.driver().findElement(By.id("review-pdf")).getAttribute("href")).contains("/review.pdf");

            browser.driver().findElement(By.name("whatWorked")).sendKeys("40 分钟内发出首条公开说明");
            browser.driver().findElements(By.name("action")).get(0).sendKeys("更新备用系统切换手册");
            browser.driver().findElement(By.id("review-save")).click();
            browser.waitForText(By.id("review-errors"), "第 1 条行动项需要负责人");
            browser.driver().findElements(By.name("owner")).get(0).sendKeys("技术部 王工");
            browser.driver().findElement(By.id("review-save")).click();
            browser.waitForText(By.cssSelector(".flash"), "复盘已保存");
            browser.screenshot("crisis-review-zh");
            ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("document.getElementById('review-form').scrollIntoView()");
            browser.screenshot("crisis-review-zh-sections");

            browser.go("/crisis/" + id.value() + "/review?lang=en");
            browser.waitForText(By.cssSelector("h1"), "Review: 支付中断");
            assertThat(browser.driver().findElement(By.id("review-compare")).getText()).contains("First response, median").contains("During (linked tickets)")
                    .contains("Resolution, p90 (business hours)");
            browser.screenshot("crisis-review-en");
        }
    }
}
