package org.asbportal.attack;

import java.util.List;
import java.util.stream.Stream;

/**
 * What an attacker types into free-text fields and parameters: markup and script that would run if
 * a page showed it unescaped (XSS), template syntax the page engine might evaluate, and SQL that
 * would change a query built by string concatenation.
 */
final class Payloads {

    /** Script, markup, attribute breaking, template syntax and unicode tricks. */
    static final List<String> XSS = List.of(
            "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(2)>",
            "'><svg onload=alert(3)>",
            "javascript:alert(4)",
            "</textarea><script>alert(5)</script>",
            "{{7*7}} ${7*7} #{7*7}",
            "{#if true}qute-evaluated{/if} {site.partnershipName}",
            "<iframe src=\"javascript:alert(7)\"></iframe>",
            "\" autofocus onfocus=\"alert(8)",
            "' onmouseover='alert(9)",
            "<a href=\"javascript:alert(10)\">click me</a>",
            "<scr<script>ipt>alert(12)</script>",
            "&lt;script&gt;alert(13)&lt;/script&gt;",
            "<math><mtext></form><form><mglyph><style></math><img src=x onerror=alert(14)>",
            "\uFF1Cscript\uFF1Ealert(15)\uFF1C/script\uFF1E fullwidth",
            "\u202E<b>reversed</b> \u200B<script>alert(16)</script>");

    /** Classic injections, comment tricks, stacked queries and a time-based probe. */
    static final List<String> SQL = List.of(
            "' OR '1'='1",
            "'; DROP TABLE report; --",
            "\" OR 1=1 --",
            "1 UNION SELECT username, password_hash FROM staff_account --",
            "%' AND SLEEP(30) AND '%'='",
            "1' AND (SELECT 1 FROM (SELECT SLEEP(30))x)-- -",
            "') OR ('x'='x",
            "\\'; DELETE FROM queue_item; --",
            "1; UPDATE staff_account SET roles='ADMIN'; --",
            "%_%",
            "O'Brien's \"quoted\" 100% \\ back\\slash",
            "\u0000' OR '1'='1");

    private Payloads() {
    }

    static Stream<String> all() {
        return Stream.concat(XSS.stream(), SQL.stream());
    }

    static Stream<String> xss() {
        return XSS.stream();
    }

    /**
     * One payload per way of breaking out of where a form shows an answer back (element text, a
     * double- or single-quoted attribute, a textarea, template syntax, entities, unicode), for the
     * multi-page journeys, whose every page is walked for each.
     */
    static Stream<String> forms() {
        return Stream.of(XSS.get(0), XSS.get(1), XSS.get(2), XSS.get(4), XSS.get(6), XSS.get(8), XSS.get(12), XSS.get(15));
    }

    static Stream<String> sql() {
        return SQL.stream();
    }

    /** The whole corpus in {@code count} groups, each joined by spaces, for parameters that only echo. */
    static Stream<String> groups(int count) {
        List<String> all = all().toList();
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(g -> String.join(" ", java.util.stream.IntStream.range(0, all.size()).filter(i -> i % count == g)
                        .mapToObj(all::get).toList()));
    }

    /** The payloads a group was made of. */
    static List<String> of(String group) {
        return all().filter(group::contains).toList();
    }

    /** How a page shows {@code text} escaped: as Qute escapes HTML. */
    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("'", "&#39;").replace("<", "&lt;")
                .replace(">", "&gt;");
    }
}
