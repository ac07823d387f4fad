package org.asbportal.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.restassured.response.Response;

/**
 * Reads a page as a browser's tokenizer does (tags, attributes, raw text of script and style) and
 * asserts what an injection would have left in it: an event handler attribute, a
 * {@code javascript:} address, inline script, an element only a payload brings, or the payload's
 * markup itself.
 */
final class Html {

    /** A start tag: its name and attributes (names lower-cased, values as written). */
    record Tag(String name, Map<String, String> attributes, String rawText) {
    }

    private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "formaction", "data", "xlink:href",
            "poster", "background");
    private static final Set<String> RAW_TEXT = Set.of("script", "style", "textarea", "title");
    /** Elements the portal's pages never use and every markup payload here brings. */
    private static final Set<String> PAYLOAD_ELEMENTS = Set.of("iframe", "math", "mglyph", "mtext", "b", "scr");

    private Html() {
    }

    /** The start tags of the page in order. */
    static List<Tag> tags(String html) {
        List<Tag> tags = new ArrayList<>();
        int i = 0;
        int n = html.length();
        while (i < n) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (html.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? n : end + 3;
                continue;
            }
            char first = html.charAt(lt + 1);
            if (!Character.isLetter(first)) {
                i = lt + 1;
                continue;
            }
            int j = lt + 1;
            while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>' && html.charAt(j) != '/') {
                j++;
            }
            String name = html.substring(lt + 1, j).toLowerCase(Locale.ROOT);
            Map<String, String> attributes = new LinkedHashMap<>();
            while (j < n && html.charAt(j) != '>') {
                char c = html.charAt(j);
                if (Character.isWhitespace(c) || c == '/') {
                    j++;
                    continue;
                }
                int start = j;
                while (j < n && !Character.isWhitespace(html.charAt(j)) && "=>/".indexOf(html.charAt(j)) < 0) {
                    j++;
                }
                String attribute = html.substring(start, j).toLowerCase(Locale.ROOT);
                String value = "";
                if (j < n && html.charAt(j) == '=') {
                    j++;
                    if (j < n && (html.charAt(j) == '"' || html.charAt(j) == '\'')) {
                        char quote = html.charAt(j);
                        int close = html.indexOf(quote, j + 1);
                        close = close < 0 ? n : close;
                        value = html.substring(j + 1, close);
                        j = Math.min(n, close + 1);
                    } else {
                        int vs = j;
                        while (j < n && !Character.isWhitespace(html.charAt(j)) && html.charAt(j) != '>') {
                            j++;
                        }
                        value = html.substring(vs, j);
                    }
                }
                if (!attribute.isEmpty()) {
                    attributes.putIfAbsent(attribute, value);
                }
            }
            i = j + 1;
            String rawText = "";
            if (RAW_TEXT.contains(name)) {
                int close = html.toLowerCase(Locale.ROOT).indexOf("</" + name, i);
                close = close < 0 ? n : close;
                rawText = html.substring(Math.min(i, n), close);
                i = close;
            }
            tags.add(new Tag(name, attributes, rawText));
        }
        return tags;
    }

    /**
     * The page shows nothing an injection could have put there: no event handler, no
     * {@code javascript:} address, no inline script or style, no element only a payload brings, and
     * not the payload's markup as it was sent.
     */
    static void assertNoInjection(String what, Response page, String payload) {
        String html = page.asString();
        for (Tag tag : tags(html)) {
            for (Map.Entry<String, String> attribute : tag.attributes().entrySet()) {
                if (attribute.getKey().startsWith("on")) {
                    fail(what + ": event handler " + attribute + " on <" + tag.name() + "> for payload " + payload);
                }
                if (URL_ATTRIBUTES.contains(attribute.getKey())
                        && attribute.getValue().strip().toLowerCase(Locale.ROOT).startsWith("javascript:")) {
                    fail(what + ": javascript: address in <" + tag.name() + " " + attribute + "> for payload " + payload);
                }
            }
            if (tag.name().equals("script") && !tag.rawText().isBlank()) {
                fail(what + ": inline script " + tag.rawText() + " for payload " + payload);
            }
            if (tag.name().equals("style") && tag.rawText().contains("alert")) {
                fail(what + ": injected style " + tag.rawText() + " for payload " + payload);
            }
            if ((tag.name().equals("textarea") || tag.name().equals("title")) && tag.rawText().contains("<")) {
                fail(what + ": markup inside <" + tag.name() + ">: " + tag.rawText() + " for payload " + payload);
            }
            if (PAYLOAD_ELEMENTS.contains(tag.name())) {
                fail(what + ": element <" + tag.name() + "> only a payload brings, for payload " + payload);
            }
            if (tag.name().equals("img") && "x".equals(tag.attributes().get("src"))) {
                fail(what + ": injected <img src=x> for payload " + payload);
            }
        }
        for (String one : payload == null ? List.<String>of() : Payloads.of(payload)) {
            if (!one.equals(Payloads.escaped(one))) {
                assertFalse(html.contains(one), what + " shows the payload unescaped: " + one);
            }
        }
        assertEquals(count(html, "{#if true}qute-evaluated{/if}"), count(html, "qute-evaluated"),
                what + " evaluated template syntax from input");
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    /** The page shows {@code text} as text: escaped, once. */
    static void assertShowsEscaped(String what, Response page, String text) {
        String html = page.asString();
        String escaped = Payloads.escaped(text);
        assertTrue(html.contains(escaped), what + " shows " + escaped + " (escaped " + text + ")");
    }
}
