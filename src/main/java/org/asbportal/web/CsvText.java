package org.asbportal.web;

import java.util.List;

/** Writes CSV rows (RFC 4180), with text that a spreadsheet would run as a formula made inert. */
public final class CsvText {

    private final StringBuilder text = new StringBuilder();

    public CsvText row(Object... values) {
        return row(java.util.Arrays.asList(values));
    }

    public CsvText row(List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(values.get(i)));
        }
        text.append("\r\n");
        return this;
    }

    private static String field(Object value) {
        String s = value == null ? "" : value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 && !(value instanceof Number)) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
