package org.asbportal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/**
 * {@code /robots.txt} and {@code /sitemap.xml}, built from the public pages {@link PageMeta} lists and
 * the configured base URL: so a resident who searches for "report anti-social behaviour" and their
 * town finds the portal, and search engines keep out of the journeys, tracking and staff pages.
 */
@Path("/")
public class SearchEngineResource {

    /** Address prefixes search engines are asked to leave alone. */
    static final String[] DISALLOWED = {"/report/", "/track", "/community-trigger/apply", "/community-trigger/escalation",
            "/staff", "/admin", "/login", "/pledge/", "/api/", "/q/"};

    private final SiteConfig site;

    public SearchEngineResource(SiteConfig site) {
        this.site = site;
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=utf-8")
    public String robots() {
        StringBuilder text = new StringBuilder("User-agent: *\n");
        for (String prefix : DISALLOWED) {
            text.append("Disallow: ").append(prefix).append('\n');
        }
        return text.append("\nSitemap: ").append(PageMeta.absolute(site.baseUrl(), "/sitemap.xml")).append('\n').toString();
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml; charset=utf-8")
    public String sitemap() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (PageMeta.Listed page : PageMeta.PUBLIC) {
            xml.append("  <url><loc>").append(escape(PageMeta.absolute(site.baseUrl(), page.path()))).append("</loc></url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
