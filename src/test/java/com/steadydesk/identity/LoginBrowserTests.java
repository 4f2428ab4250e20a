package com.steadydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void adminLogsInInChineseAndSwitchesToEnglish() {
        try (var browser = BrowserSession.open(port)) {
            browser.go("/login");
            assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("登录");
            browser.login("admin", "test-admin-password");
            browser.screenshot("after-login");
            browser.go("/login?lang=en");
            assertThat(browser.driver().findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Log in");
        }
    }

    @Test
    void wrongPasswordShowsTheErrorNextToTheForm() {
        try (var browser = BrowserSession.open(port)) {
            browser.go("/login?lang=zh_CN");
            browser.driver().findElement(By.id("username")).sendKeys("admin");
            browser.driver().findElement(By.id("password")).sendKeys("wrong-password");
            browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            browser.waitForText(By.cssSelector(".error"), "用户名或密码错误");
        }
    }
}
