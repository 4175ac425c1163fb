package io.verbatim.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's chromium + chromium-driver) signed in to the platform under test.
 * Screenshots go to {@code target/screenshots/} for reviewers; JavaScript errors can be asserted on.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String base;

    public Browser(int port) {
        this(port, new String[0]);
    }

    /**
     * With extra Chromium arguments, for example a phone's {@code --window-size=390,844} (replaces the default size)
     * or a fake microphone ({@code --use-fake-device-for-media-stream --use-fake-ui-for-media-stream}).
     */
    public Browser(int port, String... extraArguments) {
        this.base = "http://127.0.0.1:" + port;
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("verbatim.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage",
                    "--user-data-dir=" + Files.createTempDirectory("verbatim-chromium-"));
            boolean sized = java.util.Arrays.stream(extraArguments).anyMatch(a -> a.startsWith("--window-size="));
            if (!sized) {
                options.addArguments("--window-size=1440,1000");
            }
            options.addArguments(extraArguments);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("verbatim.chromedriver", "/usr/bin/chromedriver")).toFile())
                    .build();
            this.driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the login form as a demo user. */
    public Browser login(String email) {
        open("/login");
        driver.findElement(By.id("email")).sendKeys(email);
        driver.findElement(By.id("password")).sendKeys(ApiClient.DEMO_PASSWORD);
        driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
        waitUntil(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public String base() {
        return base;
    }

    /** The first displayed element matching {@code css} (a selector list matches whichever is shown), waiting for one. */
    public WebElement find(String css) {
        return waitUntil(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst()
                .orElse(null));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Waits up to 20 s; on a timeout saves {@code target/screenshots/timeout-<page>.png} and names the page. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        try {
            // Pages re-render lists when their data arrives: an element read mid-render is retried, not an error.
            return new WebDriverWait(driver, Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            String page = driver.getCurrentUrl();
            screenshot("timeout-" + page.replaceAll("^https?://[^/]+/", "").replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError("Timed out on " + page + ": " + driver.findElement(By.tagName("body")).getText()
                    .lines().limit(12).toList(), e);
        }
    }

    /** Waits until no htmx request is in flight. */
    public void settle() {
        waitUntil(d -> Boolean.TRUE.equals(script(
                "return document.readyState === 'complete' && document.querySelectorAll('.htmx-request').length === 0")));
    }

    /** Saves a full-window PNG as {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Severe console messages (script errors, failed requests) since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public Map<String, Object> status() {
        return Map.of("url", driver.getCurrentUrl(), "title", driver.getTitle());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
