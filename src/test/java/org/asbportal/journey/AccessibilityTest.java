package org.asbportal.journey;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.microsoft.playwright.Page;

/** The axe check the journeys rely on fails where it should, including on WCAG 2.2 AA, and remembers only passes. */
class AccessibilityTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    private static final String HEAD = "<!DOCTYPE html><html lang=\"en\"><head><title>Test page</title></head><body><main>";
    private static final String TAIL = "</main></body></html>";

    private static Page pageWith(String body) {
        Page page = browser.open(true);
        page.setContent(HEAD + body + TAIL);
        return page;
    }

    @Test
    void anImageWithoutTextFails() {
        Page page = pageWith("<h1>Report</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">");

        assertThatThrownBy(() -> Accessibility.assertNoViolations(page))
                .hasMessageContaining("image-alt");
    }

    @Test
    void targetsSmallerThan24PixelsTooCloseTogetherFailUnderWcag22() {
        String tiny = "style=\"display:inline-block;width:10px;height:10px;padding:0;margin:0;border:0\"";
        Page page = pageWith("<h1>Report</h1><p><button " + tiny + " aria-label=\"Yes\"></button>"
                + "<button " + tiny + " aria-label=\"No\"></button></p>");

        assertThatThrownBy(() -> Accessibility.assertNoViolations(page))
                .hasMessageContaining("target-size");
    }

    @Test
    void aPassingDocumentChangedAfterwardsIsCheckedAgain() {
        Page page = pageWith("<h1>Where it happened</h1><p>Street and town</p>");
        assertThatCode(() -> Accessibility.assertNoViolations(page)).doesNotThrowAnyException();

        page.setContent(HEAD + "<h1>Where it happened</h1><p>Street and town</p><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\">" + TAIL);

        assertThatThrownBy(() -> Accessibility.assertNoViolations(page))
                .hasMessageContaining("image-alt");
    }
}
