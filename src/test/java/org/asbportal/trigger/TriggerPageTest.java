package org.asbportal.trigger;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.asbportal.journey.Accessibility;
import org.asbportal.journey.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public explanation of the Community Trigger states the partnership's rules and timescales. */
@QuarkusTest
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TriggerPageTest {

    static final String TITLE = "Ask for a review of anti-social behaviour: the Community Trigger";
    static final String PARTNERSHIP = "Bedford Borough Community Safety Partnership";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/community-trigger")
    URL page;

    @Test
    void explainsWhoCanApplyWhatCountsWhatHappensByWhenAndHowToAppeal() {
        given().accept(ContentType.HTML).when().get("/community-trigger")
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("<h1 class=\"govuk-heading-xl\">" + TITLE + "</h1>"))
                .body(containsString("a person, a business or a community group"))
                .body(containsString("Applications cannot be anonymous"))
                .body(containsString("when you have made 3 complaints about the behaviour that count"))
                .body(containsString("you made it within 1 month of the behaviour"))
                .body(containsString("you apply within 6 months of making it"))
                .body(containsString("it counts as one complaint"))
                .body(containsString("2 working days after we receive it"))
                .body(containsString("10 working days after we receive it"))
                .body(containsString("20 working days after that decision"))
                .body(containsString("5 working days after the meeting"))
                .body(containsString("Police and Crime Commissioner"))
                .body(containsString("Local Government and Social Care Ombudsman"))
                // the hate threshold is the threshold unless the partnership lowers it
                .body(not(containsString("because of who you are, such as your disability")));
    }

    @Test
    void everyPublicPageLinksToTheExplanationFromItsFooter() {
        for (String path : new String[] {"/", "/report", "/contact", "/track"}) {
            given().accept(ContentType.HTML).when().get(path)
                    .then().statusCode(200)
                    .body(containsString("<a class=\"govuk-footer__link\" href=\"/community-trigger\">"
                            + "Ask for a case review (Community Trigger)</a>"));
        }
    }

    @ParameterizedTest(name = "JavaScript on: {0}")
    @ValueSource(booleans = { true, false })
    void passesAxe(boolean javaScript) {
        Page tab = browser.open(javaScript);
        tab.navigate(page.toString());

        assertThat(tab).hasTitle(Pattern.compile("^" + Browser.literal(TITLE) + " – " + Browser.literal(PARTNERSHIP) + "$"));
        tab.waitForLoadState(LoadState.LOAD);
        Accessibility.assertNoViolations(tab);
    }
}
