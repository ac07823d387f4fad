package org.asbportal.journey;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.LoadState;

/**
 * Checks pages with axe-core against WCAG 2.0, 2.1 and 2.2, levels A and AA. Any violation fails.
 * <p>
 * A document that has passed is not checked again: journeys arrive at the same pages many times, and
 * axe gives the same answer for the same document. The document is compared whole, at the same
 * address and with JavaScript on or off, except for the CSRF token, which differs on every visit.
 */
public final class Accessibility {

    public static final List<String> WCAG_22_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static final Pattern CSRF_TOKEN = Pattern.compile("(?<=name=\"csrf-token\" value=\")[^\"]*");
    private static final Set<String> PASSED = ConcurrentHashMap.newKeySet();
    /** One inspection context per browser, for copies of pages loaded with JavaScript off. */
    private static final Map<com.microsoft.playwright.Browser, Inspection> INSPECTIONS =
            Collections.synchronizedMap(new WeakHashMap<>());

    private Accessibility() {
    }

    /**
     * Fails, listing every violation, unless axe finds none on the page as it is now.
     * <p>
     * axe needs timers, and a page loaded with JavaScript off never runs them. Such a page is checked
     * as a copy: its document, at its address, in a context where JavaScript runs but the page's own
     * scripts are blocked, so that the copy looks exactly as the page does without JavaScript.
     */
    public static void assertNoViolations(Page page) {
        boolean javaScript = Browser.javaScriptEnabled(page);
        String html = page.content();
        String address = withoutFragment(page.url());
        String document = (javaScript ? "with JavaScript " : "without JavaScript ") + address + "\n"
                + CSRF_TOKEN.matcher(html).replaceAll("");
        if (PASSED.contains(document)) {
            return;
        }
        if (javaScript) {
            assertNoViolations(page, describe(page));
        } else {
            Inspection inspection = INSPECTIONS.computeIfAbsent(page.context().browser(), Inspection::new);
            assertNoViolations(inspection.copy(address, html), describe(page) + ", without JavaScript");
        }
        PASSED.add(document);
    }

    /**
     * Fails unless axe finds no violation on the page as it is now, at its current size, even if the same
     * document passed before at another size (a page with JavaScript on only).
     */
    public static void assertNoViolationsAtThisSize(Page page) {
        assertNoViolations(page, describe(page) + " at " + page.viewportSize().width + " px");
    }

    /** A context where JavaScript runs, serving one copied document at a time. */
    private static final class Inspection {

        private final BrowserContext context;
        private final Page page;
        private volatile String address;
        private volatile String html;

        Inspection(com.microsoft.playwright.Browser browser) {
            context = browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setJavaScriptEnabled(true));
            context.route("**/*", route -> serveCopy(route, address, html));
            page = context.newPage();
        }

        Page copy(String address, String html) {
            this.address = address;
            this.html = html;
            page.navigate(address);
            page.waitForLoadState(LoadState.LOAD);
            return page;
        }
    }

    /**
     * Serves the copied document at its address with the headers the portal sends there (so its
     * Content-Security-Policy applies to the copy too), blocks scripts, and loads the rest (styles,
     * images) from the portal.
     */
    private static void serveCopy(Route route, String address, String html) {
        Request request = route.request();
        if (request.isNavigationRequest() && withoutFragment(request.url()).equals(address)) {
            APIResponse served = route.fetch(new Route.FetchOptions().setMethod("HEAD"));
            Map<String, String> headers = new HashMap<>(served.headers());
            headers.keySet().removeIf(name -> List.of("content-length", "transfer-encoding", "set-cookie")
                    .contains(name.toLowerCase(Locale.ROOT)));
            headers.put("content-type", "text/html; charset=utf-8");
            route.fulfill(new Route.FulfillOptions().setStatus(200).setHeaders(headers).setBody(html));
        } else if ("script".equals(request.resourceType())) {
            route.abort();
        } else {
            route.resume();
        }
    }

    private static void assertNoViolations(Page page, String description) {
        // axe runs in the page itself: the portal's pages have no frames, so the cross-frame mode, which
        // opens a blank page for every check, is not needed.
        AxeResults results = new AxeBuilder(page).withTags(WCAG_22_AA).setLegacyMode(true).analyze();
        if (results.isErrored()) {
            fail("axe could not check " + description + ": " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail(violations.size() + " accessibility violation(s) on " + description + ":\n" + report(violations));
        }
    }

    static String report(List<Rule> violations) {
        StringBuilder report = new StringBuilder();
        for (Rule rule : violations) {
            report.append("- ").append(rule.getId());
            if (rule.getImpact() != null) {
                report.append(" (").append(rule.getImpact()).append(')');
            }
            report.append(": ").append(rule.getHelp()).append(" <").append(rule.getHelpUrl()).append(">\n");
            for (CheckedNode node : rule.getNodes()) {
                report.append("    at ").append(node.getTarget());
                if (node.getFailureSummary() != null) {
                    report.append("\n       ").append(node.getFailureSummary().replace("\n", "\n       "));
                }
                report.append('\n');
            }
        }
        return report.toString();
    }

    private static String describe(Page page) {
        return "\"" + page.title() + "\" (" + page.url() + ")";
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
