package org.asbportal.journey;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.regex.Pattern;

import org.asbportal.figures.PoliceData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A resident on a phone (390 px wide) says where it happened without knowing coordinates: by
 * searching for the street, without JavaScript (a page of places to choose from) and with it
 * (suggestions as they type), or by dropping a pin on the map of the wards.
 */
@QuarkusTest
class PlaceJourneyTest {

    private static final int PHONE = 390;
    private static final String CASTLE = "E36001578";

    @RegisterExtension
    static final Browser browser = new Browser();

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void streets() {
        PoliceData.importCsv("admin", PoliceData.HEADER
                + PoliceData.asb("Place Journey Constabulary", "2015-06", PoliceData.CASTLE, "On or near Wexcombe Road"))
                .then().statusCode(200);
    }

    @Test
    void withoutJavaScriptTheResidentSearchesForTheStreetAndChoosesIt() {
        Tab tab = whereItHappened(false);

        tab.page.getByLabel("Search for a street or postcode").fill("wexcombe");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();

        tab.arrive("Places matching wexcombe: Where did it happen?");
        assertThat(tab.page.url()).contains("/report/where/places?q=wexcombe");
        tab.assertFits(PHONE);
        tab.page.getByLabel("Wexcombe Road, Castle ward").check();
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();

        tab.arrive("When did it happen?");
        tab.page.navigate(base + "report/where");
        tab.arrive("Where did it happen?");
        assertThat(tab.page.getByLabel("Street, building or landmark")).hasValue("Wexcombe Road");
        assertThat(tab.page.getByLabel("Ward (optional)")).hasValue(CASTLE);
        assertThat(tab.page.getByLabel("Latitude")).hasValue("52.137122");
        assertThat(tab.page.getByLabel("Longitude")).hasValue("-0.466377");
        tab.assertNoBrowserErrors();
    }

    @Test
    void withoutJavaScriptASearchThatFindsNothingSaysSo() {
        Tab tab = whereItHappened(false);

        tab.page.getByLabel("Search for a street or postcode").fill("Qxqx Lane");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();

        tab.arrive("Places matching Qxqx Lane: Where did it happen?");
        assertThat(tab.page.locator("#place-results")).containsText("We could not find a street or postcode matching");
        tab.page.getByLabel("Street, building or landmark").fill("Behind the Qxqx Lane garages");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        tab.arrive("When did it happen?");
    }

    @Test
    void withJavaScriptTheResidentDropsAPinAndPicksASuggestedStreet() {
        Tab tab = whereItHappened(true);

        tab.page.getByText("Add a map point (optional)").click();
        Locator map = tab.page.locator("[data-map]");
        assertThat(map).hasAttribute("data-ready", "true");
        // The ward boundaries are drawn, with no background tiles set.
        assertThat(tab.page.locator("[data-map] path.leaflet-interactive").first()).isAttached();
        assertThat(tab.page.locator("[data-map] img.leaflet-tile")).hasCount(0);
        tab.assertFits(PHONE);
        map.click();
        assertThat(tab.page.getByLabel("Latitude")).hasValue(Pattern.compile("^-?\\d+\\.\\d{6}$"));
        assertThat(tab.page.getByLabel("Longitude")).hasValue(Pattern.compile("^-?\\d+\\.\\d{6}$"));
        assertThat(tab.page.locator("[data-place-chosen]")).containsText("Pin dropped");

        tab.page.getByLabel("Search for a street or postcode").pressSequentially("wexc");
        Locator suggestion = tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Wexcombe Road, Castle ward"));
        suggestion.click();

        assertThat(tab.page.getByLabel("Street, building or landmark")).hasValue("Wexcombe Road");
        assertThat(tab.page.getByLabel("Ward (optional)")).hasValue(CASTLE);
        assertThat(tab.page.getByLabel("Latitude")).hasValue("52.137122");
        assertThat(tab.page.locator("[data-place-chosen]")).containsText("Chosen: Wexcombe Road, Castle ward");
        tab.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        tab.arrive("When did it happen?");
        tab.assertNoBrowserErrors();
    }

    /** A phone-sized tab on the "where" page of a new report. */
    private Tab whereItHappened(boolean javaScript) {
        Page page = browser.open(javaScript);
        page.setViewportSize(PHONE, 844);
        Tab tab = new Tab(page, javaScript);
        page.navigate(base + "report/danger");
        tab.arrive("Is anyone in danger right now?");
        page.getByLabel("No", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        tab.arrive("What kind of behaviour are you reporting?");
        page.locator("input[name=category][value=NOISE]").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue").setExact(true)).click();
        tab.arrive("Where did it happen?");
        return tab;
    }
}
