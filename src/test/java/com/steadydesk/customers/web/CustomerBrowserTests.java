package com.steadydesk.customers.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The customer screens in headless Chromium, as a temporary agent and as an agent; screenshots go to target/screenshots. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CustomerBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    UserManagement users;
    @Autowired
    CustomerManagement customers;

    @Test
    void aTemporaryAgentSeesMaskedContactsAndAnAgentSeesThemInClear() {
        try (BrowserSession session = BrowserSession.open(port)) {
            maskedForTheTemporaryAgentClearForTheAgent(session, session.driver());
        }
    }

    private void maskedForTheTemporaryAgentClearForTheAgent(BrowserSession session, WebDriver browser) {
        users.create(new NewUser("browser-temp", "临时坐席", null, "temp-password-1", Set.of(Role.TEMP_AGENT)));
        users.create(new NewUser("browser-agent", "客服", null, "agent-password-1", Set.of(Role.AGENT)));
        CustomerProfile chen = customers.identifyByEmail("chenjing@example.com", "陈静");
        chen = customers.update(chen.id(), new CustomerChanges(null, null, List.of("13812345678"), List.of("shop:U10023"), null, null,
                "偏好邮件沟通，助理电话 13800138000。"));
        customers.identifyByPhone("+86 139 0000 1111", "刘建国");

        session.login("browser-temp", "temp-password-1");
        session.go("/customers");
        assertThat(browser.findElement(By.cssSelector("table.customers")).getText()).contains("陈*", "c***@example.com", "138****5678")
                .doesNotContain("陈静", "13812345678", "chenjing@");
        session.screenshot("customers-list-temp-agent");
        session.go("/customers/" + chen.id().value());
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("c***@example.com", "138****5678", "138****8000", "shop:U10023").doesNotContain("13812345678", "13800138000");
        session.screenshot("customer-profile-temp-agent");
        logOut(session);

        session.login("browser-agent", "agent-password-1");
        session.go("/customers/" + chen.id().value());
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("chenjing@example.com", "13812345678");
        session.screenshot("customer-profile-agent");
        session.go("/customers/" + chen.id().value() + "/edit");
        browser.findElement(By.id("emails")).clear();
        browser.findElement(By.id("emails")).sendKeys("chenjing@example.com\nnot-an-address");
        browser.findElement(By.cssSelector("form.customer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector(".field-error")).getText()).contains("not-an-address");
        session.screenshot("customer-form-errors");
        session.go("/customers/new?lang=en");
        session.screenshot("customer-new-en");
        session.go("/customers?lang=zh_CN");
        logOut(session);

        users.create(new NewUser("browser-lead", "主管", null, "lead-password-1", Set.of(Role.SUPERVISOR)));
        session.login("browser-lead", "lead-password-1");
        session.go("/customers/" + chen.id().value() + "/edit");
        new Select(browser.findElement(By.id("vipTier"))).selectByValue("GOLD");
        new Select(browser.findElement(By.id("accountManager"))).selectByValue("browser-agent");
        session.screenshot("customer-form-supervisor");
        browser.findElement(By.cssSelector("form.customer-form button[type=submit]")).click();
        assertThat(browser.findElement(By.cssSelector("h1 .badge.vip")).getText()).isEqualTo("VIP · 黄金");
        assertThat(browser.findElement(By.cssSelector(".flash")).getText()).isEqualTo("客户资料已保存。");
        session.screenshot("customer-profile-vip");
        logOut(session);
    }

    private static void logOut(BrowserSession session) {
        session.driver().findElement(By.cssSelector(".topbar-right form button")).click();
        session.waitUntil(d -> d.getCurrentUrl().contains("/login"));
    }
}
