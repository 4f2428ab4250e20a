package com.steadydesk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium for browser tests, driven through Debian's chromedriver so that Selenium never downloads one.
 * Without the driver the calling test is skipped, unless STEADYDESK_REQUIRE_BROWSER=true (CI), where it fails.
 */
public final class BrowserSession implements AutoCloseable {

    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path BROWSER = Path.of("/usr/bin/chromium");
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    private final WebDriver driver;
    private final String baseUrl;

    private BrowserSession(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    public static BrowserSession open(int port) {
        boolean present = Files.isExecutable(DRIVER) && Files.isExecutable(BROWSER);
        if (!present && "true".equalsIgnoreCase(System.getenv("STEADYDESK_REQUIRE_BROWSER"))) {
            throw new IllegalStateException("Browser tests are required but /usr/bin/chromedriver or /usr/bin/chromium is missing");
        }
        Assumptions.assumeTrue(present, "chromium and chromedriver are not installed");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        var options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1400,1000", "--lang=zh-CN");
        // headless Chromium sends Accept-Language: en-US whatever --lang says; pages follow that header when no language
        // was chosen (platform.WebConfiguration), so the browser says what a Chinese reader's browser says
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", "zh-CN,zh"));
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new BrowserSession(driver, "http://localhost:" + port);
    }

    public WebDriver driver() {
        return driver;
    }

    public BrowserSession go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    public BrowserSession login(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /**
     * Waits for a state of the page. htmx swaps replace elements while a condition looks at them, so a stale or not yet
     * present element means "not yet", never a failure; the limit is generous because CI shares two cores with builds.
     */
    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        patiently().until(condition::apply);
    }

    public void waitForText(By locator, String text) {
        patiently().until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /** Clicks the element once it is there and clickable, finding it again if a swap replaced it meanwhile. */
    public void click(By locator) {
        patiently().until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    /** Replaces the value of a field, finding it again if a swap replaced it meanwhile. */
    public void type(By locator, String text) {
        patiently().until(d -> {
            WebElement field = d.findElement(locator);
            field.clear();
            field.sendKeys(text);
            return true;
        });
    }

    private WebDriverWait patiently() {
        var wait = new WebDriverWait(driver, PATIENCE);
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class)
                .ignoring(ElementClickInterceptedException.class).ignoring(ElementNotInteractableException.class);
        return wait;
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
