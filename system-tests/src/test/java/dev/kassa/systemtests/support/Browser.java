package dev.kassa.systemtests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run} installs)
 * driving the operator console, with a screenshot of each page it is asked to keep under
 * {@code target/console-screenshots}. Where the browser is not installed the browser tests are skipped with a message
 * saying so, except when {@code KASSA_REQUIRE_BROWSER} is set, as CI sets it: there they fail.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "console-screenshots").toAbsolutePath();
    private static final Path CHROMIUM = Path.of(System.getProperty("kassa.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("kassa.chromedriver", "/usr/bin/chromedriver"));

    private static final Duration FIND_WAIT = Duration.ofSeconds(10);

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** A new browser (its own profile: no cookies) on the console at {@code baseUrl}. */
    public static Browser open(String baseUrl) {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && System.getenv("KASSA_REQUIRE_BROWSER") == null) {
            Assumptions.abort("No browser: install Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + ") to run the operator console's browser tests");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1366,1000", "--lang=en-US");
        // The driver named outright: Selenium Manager would otherwise try to download one.
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // A click that submits a form may return before the next page is there: finding an element waits for it.
        driver.manage().timeouts().implicitlyWait(FIND_WAIT);
        return new Browser(driver, baseUrl);
    }

    public Browser go(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in afresh: no cookie of an earlier session is kept. */
    public Browser signIn(String key) {
        driver.manage().deleteAllCookies();
        go("/sign-in");
        find("#key").sendKeys(key);
        return click("#sign-in");
    }

    public Browser signOut() {
        return click("header.top .who button");
    }

    /** The element, or a failure that says which page was shown instead (its path, text and a screenshot). */
    public WebElement find(String css) {
        try {
            return driver.findElement(By.cssSelector(css));
        } catch (NoSuchElementException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("No " + css + " on " + path() + " (screenshot " + shot + "):\n" + driver
                    .findElement(By.tagName("body")).getText(), e);
        }
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Whether the page shown has the element now (no waiting: for asserting that something is absent). */
    public boolean has(String css) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return !all(css).isEmpty();
        } finally {
            driver.manage().timeouts().implicitlyWait(FIND_WAIT);
        }
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Clicks a link or a form's button and waits for the page it leads to (every click of these tests navigates). */
    public Browser click(String css) {
        WebElement page = driver.findElement(By.tagName("html"));
        find(css).click();
        // Asked while the old document is torn down, chromedriver may answer "Node with given id does not belong to
        // the document" (an unknown error) instead of "stale": that only means "ask again", not a failure.
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(ExpectedConditions.stalenessOf(page));
        return this;
    }

    public Browser type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    public Browser refresh() {
        driver.navigate().refresh();
        return this;
    }

    /** Saves what the browser shows as {@code target/console-screenshots/<name>.png}. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A request made outside the page, with this browser's session cookie: a forged action (the CSRF token taken from
     * a page, as a script in the operator's own browser could) or a download.
     */
    public HttpResponse<String> request(String method, String path, String formBody) {
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookies);
        if (formBody == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(formBody));
        }
        try (HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The CSRF token of the page shown (every console page has one, in its sign-out form). */
    public String csrfToken() {
        return find("input[name=_csrf]").getAttribute("value");
    }

    public Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
