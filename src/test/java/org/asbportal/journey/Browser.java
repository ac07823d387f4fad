package org.asbportal.journey;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;

/**
 * Headless Chromium for browser tests: one browser per test class, a fresh context (cookies, cache,
 * JavaScript setting) for every page a test opens, all closed after each test.
 * <p>
 * Register it on a static field: {@code @RegisterExtension static final Browser browser = new Browser();}
 * <p>
 * The browser is the system's Chromium ({@code /usr/bin/chromium}, or {@code -Dbrowser.chromium=...}):
 * Playwright is told never to download browsers, and Chromium never to reach out to the internet.
 */
public final class Browser implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private static final Path CHROMIUM = Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    private static final List<String> CHROMIUM_ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** Generous for a 2-core CI machine, short enough that a wrong locator fails fast. */
    private static final double TIMEOUT_MILLIS = 15_000;
    /** Contexts opened with JavaScript off: scripts run by tests (axe) cannot use timers there. */
    private static final Set<BrowserContext> WITHOUT_JAVASCRIPT = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private Playwright playwright;
    private com.microsoft.playwright.Browser chromium;
    private final List<BrowserContext> contexts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        closeContexts();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        closeContexts();
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    /** A new page in a new context, with JavaScript on or off. */
    public Page open(boolean javaScript) {
        return newContext(javaScript).newPage();
    }

    /** A new context (its own cookies and cache), closed after the test. */
    public BrowserContext newContext(boolean javaScript) {
        start();
        BrowserContext context = chromium.newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setJavaScriptEnabled(javaScript)
                .setLocale("en-GB")
                .setTimezoneId("Europe/London"));
        if (!javaScript) {
            WITHOUT_JAVASCRIPT.add(context);
        }
        context.setDefaultTimeout(TIMEOUT_MILLIS);
        context.setDefaultNavigationTimeout(TIMEOUT_MILLIS);
        contexts.add(context);
        return context;
    }

    /** Whether pages of this page's context run JavaScript (true for contexts not opened here). */
    public static boolean javaScriptEnabled(Page page) {
        return !WITHOUT_JAVASCRIPT.contains(page.context());
    }

    private synchronized void start() {
        if (chromium != null) {
            return;
        }
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MILLIS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(CHROMIUM_ARGS));
    }

    private void closeContexts() {
        for (BrowserContext context : contexts) {
            WITHOUT_JAVASCRIPT.remove(context);
            context.close();
        }
        contexts.clear();
    }

    /**
     * A regular expression matching {@code text} literally. Not {@link java.util.regex.Pattern#quote}:
     * Playwright runs patterns in the browser, as JavaScript regular expressions, which have no
     * {@code \Q...\E}.
     */
    public static String literal(String text) {
        return text.replaceAll("[\\\\^$.|?*+()\\[\\]{}/]", "\\\\$0");
    }
}
