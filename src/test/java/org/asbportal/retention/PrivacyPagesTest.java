package org.asbportal.retention;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.List;

import org.asbportal.journey.Accessibility;
import org.asbportal.journey.Browser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The privacy notice prints the retention schedule the job applies; residents' rights are one link away, from it and the footer. */
@QuarkusTest
class PrivacyPagesTest {

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @jakarta.inject.Inject
    RetentionService retention;

    @Test
    void thePrivacyNoticeShowsEveryRetentionPeriodFromTheJobsSettings() {
        Document privacy = page("/privacy");

        List<String> rows = privacy.select("#how-long ~ table tbody tr").eachText();
        assertThat(rows).hasSize(retention.schedule().size()).containsExactly(
                "Closed reports anonymised after their closure 24 months",
                "Perpetrators' records anonymised when none of their cases has been open for 24 months",
                "Community Trigger (ASB Case Review) applications anonymised after their outcome 36 months",
                "PLEDGE registrations never confirmed deleted after 30 days",
                "PLEDGE contacts removed after they last signed in (assessments are kept) 12 months",
                "Audit entries deleted after 7 years");
        assertThat(privacy.select("main a[href=/privacy/your-rights]")).isNotEmpty();
    }

    @Test
    void theRightsPageIsLinkedFromEveryPagesFooterAndSaysHowToAsk() {
        assertThat(page("/").select(".govuk-footer a[href=/privacy/your-rights]").text()).isEqualTo("Your rights");
        Document rights = page("/privacy/your-rights");
        assertThat(rights.select("h2").eachText()).contains("Get a copy of your information", "Ask us to correct your information",
                "Ask us to erase your information");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/privacy", "/privacy/your-rights"})
    void passesAxe(String path) {
        Page tab = browser.open(true);
        tab.navigate(base.toString().replaceAll("/$", "") + path);
        tab.waitForLoadState(LoadState.LOAD);
        Accessibility.assertNoViolations(tab);
    }

    private static Document page(String path) {
        return Jsoup.parse(given().accept(ContentType.HTML).when().get(path).then().statusCode(200).extract().asString());
    }
}
