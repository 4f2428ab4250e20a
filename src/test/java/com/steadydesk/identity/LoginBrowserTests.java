package com.steadydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.BrowserSession;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    UserManagement users;
    @Autowired
    com.steadydesk.identity.internal.LoginThrottle throttle;

    @Test
    void repeatedWrongPasswordsMakeTheLoginWaitAndTheAdminSeesAndLiftsIt() {
        UserSummary guessed = users.create(new UserManagement.NewUser("browser-guessed", "被猜的人", null, "the-right-password",
                Set.of(Role.AGENT)));
        try (var browser = BrowserSession.open(port)) {
            for (int i = 0; i < 4; i++) {
                browser.go("/login?lang=zh_CN");
                browser.driver().findElement(By.id("username")).sendKeys("browser-guessed");
                browser.driver().findElement(By.id("password")).sendKeys(i < 3 ? "wrong-password" : "the-right-password");
                browser.driver().findElement(By.cssSelector("button[type=submit]")).click();
            }
            browser.waitForText(By.cssSelector(".error"), "登录失败次数过多");
            browser.screenshot("login-throttled");

            // a guesser elsewhere kept at it: the delay is long enough for the admin to see it, whatever this machine's speed
            for (int i = 0; i < 12; i++) {
                throttle.failed("browser-guessed", "203.0.113.9");
            }
            browser.login("admin", "test-admin-password");
            browser.go("/admin/users/" + guessed.id().value());
            browser.waitForText(By.cssSelector(".locked-note"), "登录失败次数过多");
            browser.screenshot("user-throttled");
            browser.driver().findElement(By.cssSelector(".locked-note button")).click();
            browser.waitForText(By.cssSelector(".flash"), "已解除 browser-guessed 的登录限制");
        }
    }
}
