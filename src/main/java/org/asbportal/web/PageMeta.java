package org.asbportal.web;

import io.quarkus.arc.Arc;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;

/**
 * What a page says about itself, decided here by its address and asked by the layout as
 * {@code inject:page}: whether search engines may list it (the public information pages, with a
 * description and their canonical address, and listed in {@code /sitemap.xml}; never a journey's
 * pages, {@code /track}, staff or admin pages), and whether it offers "Exit this page" (every page of
 * the report and case-review journeys, and {@code /track}). A page rendered outside a request (an
 * error page of the HTTP layer) is neither listed nor offers the exit.
 */
@Named("page")
@ApplicationScoped
public class PageMeta {

    /** A public information page: its address and what a search result says of it ({@code %s}: the area's name). */
    public record Listed(String path, String description) {
    }

    /** The pages search engines may list, in the order the sitemap gives them. */
    public static final List<Listed> PUBLIC = List.of(
            new Listed("/", "Report anti-social behaviour in %s online, at any time, and check what happened to your report."),
            new Listed("/contact", "Who to contact about anti-social behaviour in %s: the police, the council and housing providers, by how urgent it is."),
            new Listed("/safety", "How to keep your visit to this site private: leaving quickly, private browsing and clearing your history."),
            new Listed("/community-trigger", "Ask for an ASB case review (the Community Trigger) in %s if you have reported anti-social behaviour and it has not stopped."),
            new Listed("/community-trigger/figures", "How many ASB case reviews (Community Trigger) were asked for in %s, and what came of them."),
            new Listed("/figures", "Anti-social behaviour reported in %s, by month, kind of behaviour and ward."),
            new Listed("/pledge", "The ASB Help PLEDGE: a self-assessment for organisations in %s that deal with anti-social behaviour."),
            new Listed("/privacy", "How the partnership uses the information you give when you report anti-social behaviour in %s."),
            new Listed("/privacy/your-rights", "How to get a copy of your information, or ask for it to be corrected or erased."),
            new Listed("/accessibility", "How accessible this service is, and how to tell us about a problem."));

    /** Pages where a resident may need to leave at once: the journeys that ask about what is happening to them, and tracking. */
    private static final List<String> EXIT_PREFIXES = List.of("/report", "/community-trigger/apply", "/community-trigger/escalation",
            "/track");

    private final SiteConfig site;
    private final Instance<HttpServerRequest> request;

    public PageMeta(SiteConfig site, Instance<HttpServerRequest> request) {
        this.site = site;
        this.request = request;
    }

    /** The address of the page being rendered, or null outside a request. */
    private String path() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        String path;
        try {
            path = request.get().path();
        } catch (RuntimeException e) {
            return null; // a request context without an HTTP request (a scheduled job rendering an email)
        }
        return path == null || path.isEmpty() ? "/" : path;
    }

    private Optional<Listed> listed() {
        String path = path();
        return PUBLIC.stream().filter(page -> page.path().equals(path)).findFirst();
    }

    /** Whether search engines may list this page. */
    public boolean indexable() {
        return listed().isPresent();
    }

    /** The robots meta tag's content. */
    public String robots() {
        return indexable() ? "index, follow" : "noindex, nofollow";
    }

    /** What a search result says of this page, or null for a page not listed. */
    public String description() {
        return listed().map(page -> page.description().formatted(site.areaName())).orElse(null);
    }

    /** This page's address under the configured base URL, or null for a page not listed. */
    public String canonical() {
        return listed().map(page -> absolute(site.baseUrl(), page.path())).orElse(null);
    }

    /** Staff and admin pages: their own header, without the residents' navigation and emergency banner, full width. */
    private static final List<String> STAFF_PREFIXES = List.of("/staff", "/admin", "/wards");

    /** Whether this is a page for staff rather than residents. */
    public boolean staffPage() {
        String path = path();
        return path != null && STAFF_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** Whether this page offers "Exit this page". */
    public boolean exitThisPage() {
        String path = path();
        return path != null && EXIT_PREFIXES.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"));
    }

    /** Where "Exit this page" goes. */
    public String exitUrl() {
        return site.exitUrl();
    }

    /** {@code path} under {@code baseUrl}, with one slash between them. */
    public static String absolute(String baseUrl, String path) {
        return baseUrl.replaceAll("/+$", "") + path;
    }
}
