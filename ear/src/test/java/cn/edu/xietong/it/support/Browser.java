package cn.edu.xietong.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A headless Debian Chromium driven through Debian's ChromeDriver, both named explicitly so Selenium never tries to
 * download a browser or driver. Starting Chromium took 2–5 s on the CI machine, 130 times per run; so a closed browser
 * is reset and kept for the next {@link #open} in the same test run (at most {@link #KEPT} are kept; all quit when the
 * run ends): the reset leaves one fresh tab and clears every cookie, the cache and every origin's storage, so tests
 * still share no session, cookie or stored data. A browser whose reset fails is quit, never reused.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int KEPT = 3;
    private static final java.util.Deque<Chromium> IDLE = new java.util.ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                IDLE.forEach(Chromium::quit);
                IDLE.clear();
            }
        }, "quit kept browsers"));
    }

    /** One running Chromium and its temporary profile. */
    private record Chromium(ChromeDriver driver, Path profile) {

        void quit() {
            try {
                driver.quit();
            } catch (RuntimeException alreadyGone) {
                // a browser that died on its own has nothing left to quit
            }
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a leftover temporary profile harms nothing
            }
        }

        /** Leaves one fresh blank tab, no cookie, no cache, no stored data of the origin the tests used. */
        void reset(String origin) {
            String fresh = driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB).getWindowHandle();
            for (String handle : driver.getWindowHandles()) {
                if (!handle.equals(fresh)) {
                    driver.switchTo().window(handle);
                    driver.close();
                }
            }
            driver.switchTo().window(fresh);
            driver.executeCdpCommand("Network.enable", java.util.Map.of());
            driver.executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
            driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
            driver.executeCdpCommand("Storage.clearDataForOrigin", java.util.Map.of("origin", origin,
                    "storageTypes", "all"));
        }
    }

    private final ChromeDriver driver;
    private final String base;
    private final Chromium chromium;

    private Browser(Chromium chromium, String base) {
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.base = base;
    }

    /** Opens a browser on the deployment's base URL, with a desktop window (1280×900). */
    public static Browser open(URL deployment) {
        return open(deployment, 1280, 900);
    }

    /**
     * Opens a browser with the viewport of a phone (390×844 CSS pixels). The viewport is fixed by Chrome's device
     * emulation as a desktop viewport of that width: a mobile one would zoom out to fit a too-wide page, and a page
     * that scrolls sideways would then seem to fit.
     */
    public static Browser openPhone(URL deployment) {
        Browser browser = open(deployment, 390, 844);
        browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of(
                "width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", false));
        return browser;
    }

    private static Browser open(URL deployment, int width, int height) {
        String base = deployment.toExternalForm().replaceAll("/+$", "");
        Chromium kept;
        synchronized (IDLE) {
            kept = IDLE.pollFirst();
        }
        if (kept != null) {
            try {
                kept.driver().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
                return new Browser(kept, base);
            } catch (RuntimeException died) {
                kept.quit();
            }
        }
        try {
            Path profile = Files.createTempDirectory("xietong-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("it.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--disable-quic", "--window-size=" + width + "," + height, "--lang=en-US",
                    "--user-data-dir=" + profile);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("it.chromedriver", "/usr/bin/chromedriver")))
                    .build();
            return new Browser(new Chromium(new ChromeDriver(service, options), profile), base);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(base + path);
    }

    /** The path of the page the browser is on; empty on a blank tab ({@code about:blank} has no path). */
    public String path() {
        return java.util.Objects.toString(URI.create(driver.getCurrentUrl()).getPath(), "");
    }

    /**
     * Switches the page to English with the top bar's link (a full page load) and waits until the new page is there:
     * a navigation started before it would otherwise race with the switch's own answer.
     */
    public void switchToEnglish() {
        click("#topbar\\:lang-en");
        new WebDriverWait(driver, WAIT).until(d -> {
            try {
                return String.valueOf(d.findElement(By.tagName("html")).getAttribute("lang")).startsWith("en");
            } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    /** Waits until the browser has arrived at a page whose path ends with {@code suffix} (after redirects). */
    public boolean awaitPath(String suffix) {
        try {
            new WebDriverWait(driver, WAIT).until(d -> path().endsWith(suffix));
            return true;
        } catch (org.openqa.selenium.TimeoutException notThere) {
            return false;
        }
    }

    public WebElement find(String cssSelector) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(cssSelector)));
    }

    /**
     * Text of an element, once it is visible; read again when an Ajax update or a new page replaces it meanwhile
     * (Chrome then says the element is stale, or that its node "does not belong to the document").
     */
    public String text(String cssSelector) {
        for (int attempt = 0; ; attempt++) {
            try {
                return find(cssSelector).getText();
            } catch (org.openqa.selenium.TimeoutException notThere) {
                throw notThere;
            } catch (org.openqa.selenium.WebDriverException replaced) {
                if (attempt == 10) {
                    throw replaced;
                }
            }
        }
    }

    /**
     * Waits until the element's text contains the expected text; returns the full text. An element that an Ajax update
     * replaces while it is read is read again.
     */
    public String awaitText(String cssSelector, String expected) {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(cssSelector), expected));
        return text(cssSelector);
    }

    /** Clicks an element once it is clickable; found again when an Ajax update replaces it meanwhile. */
    public void click(String cssSelector) {
        onElement(() -> new WebDriverWait(driver, WAIT)
                .until(ExpectedConditions.elementToBeClickable(By.cssSelector(cssSelector))).click());
    }

    /**
     * Acts on the page as a person would: after the page has answered the Ajax requests under way (an answer that
     * redraws an element would otherwise undo what is done to it), and again when an answer replaced the element
     * meanwhile.
     */
    private void onElement(Runnable action) {
        for (int attempt = 0; ; attempt++) {
            awaitAjax();
            try {
                action.run();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException replaced) {
                if (attempt == 10) {
                    throw replaced;
                }
            }
        }
    }

    /** Waits until no PrimeFaces Ajax request is queued or under way. */
    public void awaitAjax() {
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> Boolean.TRUE
                .equals(((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    public void type(String cssSelector, String text) {
        onElement(() -> {
            WebElement field = find(cssSelector);
            field.clear();
            field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE); // widgets such as spinners refill on clear()
            field.sendKeys(text);
        });
    }

    /** Sets a field's value directly, as date pickers' own key handling would otherwise interfere with typing. */
    public void setValue(String cssSelector, String value) {
        onElement(() -> ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("arguments[0].value = arguments[1];", find(cssSelector), value));
    }

    /** Chooses an option of a select element by its value. */
    public void select(String cssSelector, String value) {
        onElement(() -> new org.openqa.selenium.support.ui.Select(find(cssSelector)).selectByValue(value));
    }

    /**
     * Chooses an item of a PrimeFaces select menu by its label. The list opens with an animation and closes when the
     * page scrolls, so a click can miss: it chooses until the menu's label shows the item.
     */
    public void choose(String menuCss, String label) throws InterruptedException {
        for (int attempt = 0; attempt < 5 && !text(menuCss + "_label").equals(label); attempt++) {
            click(menuCss);
            find(menuCss + "_items li[data-label='" + label + "']");
            Thread.sleep(400);
            click(menuCss + "_items li[data-label='" + label + "']");
            Thread.sleep(400);
        }
    }

    /**
     * Chooses a person in a person picker (A5) as a person does: types into the picker inside {@code pickerCss}, waits
     * for the suggestions and clicks the one whose text contains {@code candidateText}.
     */
    public void pick(String pickerCss, String typed, String candidateText) {
        type(pickerInput(pickerCss), typed);
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class).until(d -> {
            for (WebElement item : d.findElements(By.cssSelector(".ui-autocomplete-panel li.ui-autocomplete-item"))) {
                if (item.isDisplayed() && item.getText().contains(candidateText)) {
                    item.click();
                    return true;
                }
            }
            return false;
        });
    }

    /** The text input of a person picker: the single one, or the token input of one that takes several people. */
    public static String pickerInput(String pickerCss) {
        return pickerCss + " input.ui-autocomplete-input, " + pickerCss + " .ui-autocomplete-input-token input";
    }

    /** Logs in through the login page (the browser must be on it or be sent there). */
    public void logIn(String login, String password) {
        if (!path().endsWith("/login.xhtml")) {
            go("/login.xhtml");
        }
        type("#login\\:username", login);
        type("#login\\:password", password);
        click("#login\\:submit");
        // wait until the login has landed (another page, or the login page's answer), so that whatever comes next —
        // a fetch with the session's cookie included — sees the logged-in session, not the one before it
        new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.WebDriverException.class).until(d ->
                !d.getCurrentUrl().contains("/login.xhtml")
                        || !d.findElements(By.cssSelector("#login\\:messages .ui-messages-error, "
                        + "#login\\:messages .ui-messages-warn, #login\\:messages .ui-messages-info")).isEmpty());
    }

    /** Runs a script in the page and returns what it returns. */
    public Object script(String script, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /**
     * How wide the page is and how wide the window is, in CSS pixels ("scrollWidth/innerWidth/clientWidth"), and the
     * elements that reach past the window's right edge.
     */
    public String widths() {
        return String.valueOf(script("""
                var d = document.documentElement;
                var past = Array.from(document.body.querySelectorAll('*'))
                    .filter(e => e.getBoundingClientRect().right > d.clientWidth + 0.5)
                    .slice(0, 8).map(e => e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' '
                        + Math.round(e.getBoundingClientRect().right));
                return d.scrollWidth + '/' + window.innerWidth + '/' + d.clientWidth + ' ' + past.join(', ');"""));
    }

    /**
     * Whether the page fits the window's width, so that nothing scrolls sideways: its scroll width is at most the
     * window's inner width, and at most the width left beside a vertical scroll bar (phones overlay theirs).
     */
    public boolean fitsWidth() {
        return Boolean.TRUE.equals(script("var d = document.documentElement; "
                + "return d.scrollWidth <= window.innerWidth && d.scrollWidth <= d.clientWidth;"));
    }

    /**
     * The visible inputs, selects and text areas of the page that have no label a screen reader could read (a
     * label element, aria-label or aria-labelledby), each as its id or name.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<String> unlabelledInputs() {
        return (java.util.List<String>) script("""
                return Array.from(document.querySelectorAll('input, select, textarea'))
                    .filter(e => e.type !== 'hidden' && e.offsetParent !== null && e.getAttribute('aria-hidden') !== 'true')
                    .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
                        && !e.getAttribute('aria-labelledby'))
                    .map(e => e.id || e.name || e.outerHTML.substring(0, 80));""");
    }

    /** Keeps a screenshot under target/screenshots, for a person to look at after the run. */
    public void screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("it.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Resets the browser and keeps it for the next {@link #open} (or quits it, when enough are kept or it fails). */
    @Override
    public void close() {
        try {
            chromium.reset(URI.create(base).resolve("/").toString().replaceAll("/$", ""));
        } catch (RuntimeException unusable) {
            chromium.quit();
            return;
        }
        synchronized (IDLE) {
            if (IDLE.size() < KEPT) {
                IDLE.addLast(chromium);
                return;
            }
        }
        chromium.quit();
    }
}
