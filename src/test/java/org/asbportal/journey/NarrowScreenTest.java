package org.asbportal.journey;

import static org.assertj.core.api.Assertions.assertThat;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.stream.Stream;

import org.asbportal.web.PageMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every public page on the narrowest phone the Design System supports, 320 px wide: nothing makes the
 * page scroll sideways (tables, charts and long words are kept within the screen).
 */
@QuarkusTest
class NarrowScreenTest {

    private static final int WIDTH = 320;

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    static Stream<String> publicPages() {
        return Stream.concat(PageMeta.PUBLIC.stream().map(PageMeta.Listed::path),
                Stream.of("/report/danger", "/report/category", "/track", "/track/lost-code", "/community-trigger/apply"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPages")
    void nothingScrollsSidewaysAt320Pixels(String path) {
        BrowserContext context = browser.newContext(true);
        try {
            Page page = context.newPage();
            page.setViewportSize(WIDTH, 640);
            page.navigate(base.toString().replaceAll("/$", "") + path);

            Object wider = page.evaluate("() => [...document.querySelectorAll('body *')]"
                    + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
                    + ".slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '')"
                    + " + ' ' + Math.round(e.getBoundingClientRect().right) + 'px')");
            Number scrollWidth = (Number) page.evaluate("() => document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).as(path + " is wider than the screen; wider elements: " + wider)
                    .isLessThanOrEqualTo(WIDTH);
            Accessibility.assertNoViolationsAtThisSize(page);
        } finally {
            context.close();
        }
    }

    /** On a phone the residents' menu folds behind a Menu button, which opens it; without JavaScript it stays open. */
    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = {true, false})
    void theMenuFoldsBehindAButtonOnAPhone(boolean javaScript) {
        BrowserContext context = browser.newContext(javaScript);
        try {
            Page page = context.newPage();
            page.setViewportSize(WIDTH, 640);
            page.navigate(base.toString());
            Locator menu = page.locator("button.govuk-service-navigation__toggle");
            Locator report = page.locator("#navigation a[href='/report']");
            if (javaScript) {
                assertThat(menu).isVisible();
                assertThat(report).isHidden();
                menu.click();
                assertThat(report).isVisible();
            } else {
                assertThat(menu).isHidden();
                assertThat(report).isVisible();
            }
        } finally {
            context.close();
        }
    }

    /** The pages checked include every page search engines may list. */
    @Test
    void checksEveryListedPage() {
        List<String> checked = publicPages().toList();
        assertThat(checked).containsAll(PageMeta.PUBLIC.stream().map(PageMeta.Listed::path).toList());
    }
}
