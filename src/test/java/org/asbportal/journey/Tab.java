package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

/**
 * One browser tab of a journey: it collects what should never happen in the browser (script
 * errors, console errors, sub-resources that fail to load) and checks every page it arrives at:
 * its title, the GOV.UK Frontend set-up for JavaScript on or off, and axe.
 */
public class Tab {

    /** The partnership every page's title ends with in the tests. */
    public static final String PARTNERSHIP = "Bedford Borough Community Safety Partnership";

    public final Page page;
    public final boolean javaScript;
    private final List<String> browserErrors = new ArrayList<>();

    public Tab(Page page, boolean javaScript) {
        this.page = page;
        this.javaScript = javaScript;
        page.onPageError(error -> browserErrors.add("script error: " + error));
        page.onConsoleMessage(message -> {
            // Failed loads are reported by status below; a page showing errors is a 400 on purpose.
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                browserErrors.add("console: " + message.text());
            }
        });
        page.onResponse(response -> {
            // GOV.UK Frontend's styles name the GOV.UK Transport font files, which the portal does not
            // serve (the typeface is for GOV.UK only; its own styles set Arial). Under load Chromium
            // sometimes asks for them before those styles apply: a 404 there is expected.
            if (response.status() >= 400 && !response.request().isNavigationRequest()
                    && !(response.status() == 404 && response.url().contains("/assets/fonts/"))) {
                browserErrors.add(response.status() + " for " + response.url() + " on " + page.url());
            }
        });
        page.onRequestFailed(request -> {
            // Leaving a page cancels what it was still loading (a late favicon): not an error.
            if (!String.valueOf(request.failure()).contains("ERR_ABORTED")) {
                browserErrors.add("failed: " + request.url() + " " + request.failure());
            }
        });
    }

    /** Waits for the page titled {@code title}, checks the GOV.UK Frontend set-up, and runs axe on it. */
    public void arrive(String title) {
        assertThat(page).hasTitle(Pattern.compile("^" + Browser.literal(title) + " – " + Browser.literal(PARTNERSHIP) + "$"));
        page.waitForLoadState(LoadState.LOAD);
        if (javaScript) {
            assertThat(page.locator("body")).hasClass(Pattern.compile("\\bgovuk-frontend-supported\\b"));
        } else {
            assertThat(page.locator("body")).not().hasClass(Pattern.compile("\\bgovuk-frontend-supported\\b"));
        }
        Accessibility.assertNoViolations(page);
    }

    /** Nothing on the page makes it wider than {@code width} pixels: it never scrolls sideways on a phone that wide. */
    public void assertFits(int width) {
        Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= width, page.url() + " is " + scrollWidth + " px wide on a " + width + " px screen");
    }

    public void assertNoBrowserErrors() {
        assertEquals(List.of(), browserErrors, "errors in the browser");
    }
}
