package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A resident searching the web for "report anti-social behaviour" and their town finds the portal's
 * information pages; search engines are kept out of the journeys, tracking and staff pages. A resident
 * who must leave in a hurry has "Exit this page" on every page of the report and case-review journeys
 * and on tracking, and a page of safety advice linked from the start page. Phone numbers are links
 * a phone can call.
 */
@QuarkusTest
class PublicPagesTest {

    /** The test profile's ASB_SITE_BASE_URL. */
    private static String baseUrl() {
        return given().when().get("/robots.txt").then().statusCode(200).extract().asString()
                .lines().filter(line -> line.startsWith("Sitemap: ")).findFirst().orElseThrow()
                .substring("Sitemap: ".length()).replace("/sitemap.xml", "");
    }

    private static Document page(String path) {
        Response response = given().accept("text/html").redirects().follow(false).when().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return Jsoup.parse(response.asString());
    }

    @Test
    void everyPublicInformationPageMayBeListedWithADescriptionAndItsAddress() {
        String base = baseUrl();
        for (PageMeta.Listed listed : PageMeta.PUBLIC) {
            Document page = page(listed.path());
            assertThat(page.select("meta[name=robots]").attr("content")).as(listed.path()).isEqualTo("index, follow");
            assertThat(page.select("meta[name=description]").attr("content")).as(listed.path()).hasSizeGreaterThan(50)
                    .doesNotContain("%s");
            assertThat(page.select("link[rel=canonical]").attr("href")).as(listed.path()).isEqualTo(base + listed.path());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/report/danger", "/track", "/community-trigger/apply", "/login", "/pledge/start"})
    void journeysTrackingAndSignInAreNotListed(String path) {
        Response response = given().accept("text/html").when().get(path);
        Document page = Jsoup.parse(response.asString());
        assertThat(page.select("meta[name=robots]").attr("content")).as(path).isEqualTo("noindex, nofollow");
        assertThat(page.select("meta[name=description]")).as(path).isEmpty();
        assertThat(page.select("link[rel=canonical]")).as(path).isEmpty();
    }

    @Test
    void robotsTxtKeepsSearchEnginesOutOfJourneysTrackingAndStaffPagesAndNamesTheSitemap() {
        String robots = given().when().get("/robots.txt").then().statusCode(200)
                .contentType("text/plain").extract().asString();

        assertThat(robots).startsWith("User-agent: *\n")
                .contains("Disallow: /report/\n", "Disallow: /track\n", "Disallow: /community-trigger/apply\n",
                        "Disallow: /staff\n", "Disallow: /admin\n")
                .doesNotContain("Disallow: /\n")
                .contains("Sitemap: " + baseUrl() + "/sitemap.xml");
    }

    @Test
    void theSitemapListsEveryPublicPageUnderTheBaseUrl() {
        String xml = given().when().get("/sitemap.xml").then().statusCode(200)
                .contentType("application/xml").extract().asString();

        Document sitemap = Jsoup.parse(xml, "", org.jsoup.parser.Parser.xmlParser());
        List<String> listed = sitemap.select("urlset > url > loc").eachText();
        String base = baseUrl();
        assertThat(listed).containsExactlyElementsOf(PageMeta.PUBLIC.stream().map(page -> base + page.path()).toList());
        assertThat(sitemap.selectFirst("urlset").attr("xmlns")).isEqualTo("http://www.sitemaps.org/schemas/sitemap/0.9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/report/danger", "/track", "/community-trigger/apply"})
    void journeysAndTrackingOfferExitThisPageWithALinkThatWorksWithoutJavaScript(String path) {
        // The case review's address starts its journey: followed to its first page.
        Response response = given().accept("text/html").when().get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        Element exit = Jsoup.parse(response.asString()).selectFirst(".govuk-exit-this-page[data-module=govuk-exit-this-page] a");

        assertThat(exit).as(path).isNotNull();
        assertThat(exit.text()).isEqualTo("Emergency Exit this page");
        assertThat(exit.attr("href")).isEqualTo("https://www.bbc.co.uk/weather");
        assertThat(exit.attr("rel")).contains("noreferrer");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/contact", "/figures", "/privacy"})
    void informationPagesHaveNoExitButton(String path) {
        assertThat(page(path).select(".govuk-exit-this-page")).as(path).isEmpty();
    }

    @Test
    void theStartPageLinksToSafetyAdviceAboutLeavingQuicklyAndPrivateBrowsing() {
        assertThat(page("/").select("a[href=/safety]")).isNotEmpty();

        Document safety = page("/safety");
        assertThat(safety.select("h1").text()).isEqualTo("Keeping your visit to this site private");
        assertThat(safety.text()).contains("Exit this page", "private", "history");
    }

    @Test
    void phoneNumbersAreLinksAPhoneCanCall() {
        assertThat(page("/").select("a[href=tel:999]")).isNotEmpty();
        assertThat(page("/").select("a[href=tel:101]")).isNotEmpty();
        assertThat(page("/report/danger").select("a[href=tel:999]")).as("the danger question's page").isNotEmpty();
        Document contact = page("/contact");
        assertThat(contact.select("a[href=tel:101]")).isNotEmpty();
        assertThat(contact.select("a[href^=tel:]").size()).as("the directory's agencies, each with a number a phone can call")
                .isGreaterThan(3);
        for (Element link : contact.select("a[href^=tel:]")) {
            assertThat(link.attr("href")).matches("tel:\\+?[0-9]+");
        }
    }
}
