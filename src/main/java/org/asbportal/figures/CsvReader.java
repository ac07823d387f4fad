package org.asbportal.figures;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads comma-separated values record by record (RFC 4180: quoted fields may hold commas, doubled
 * quotes and line breaks), never holding more than one record. A record that cannot be read is
 * returned with an error and the line it starts on, and reading carries on with the next line, so
 * one bad record never swallows the rest of the file.
 */
final class CsvReader implements Closeable {

    /** A record: its fields, or why it could not be read; {@code line} is where it starts (from 1). */
    record Row(int line, List<String> fields, String error) {
    }

    /** The longest record read; a longer one is reported and skipped. */
    static final int MAX_RECORD = 65_536;

    private final BufferedReader in;
    private int line = 1;

    CsvReader(Reader reader) {
        this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader, 1 << 16);
    }

    /** The next record, or null at the end. Blank lines are passed over. */
    Row next() throws IOException {
        while (true) {
            int start = line;
            in.mark(2 * MAX_RECORD + 2);
            Row row = record(start);
            if (row == null || row.error() != null || !isBlank(row.fields())) {
                return row;
            }
        }
    }

    private Row record(int start) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        boolean fieldStarted = false;
        int length = 0;
        int c = in.read();
        if (c == -1) {
            return null;
        }
        while (true) {
            if (++length > MAX_RECORD) {
                return skipLine(start, "The row is longer than " + MAX_RECORD + " characters");
            }
            if (quoted) {
                if (c == -1) {
                    return skipLine(start, "A quoted field is not closed");
                }
                if (c == '"') {
                    c = in.read();
                    if (c == '"') {
                        field.append('"');
                        c = in.read();
                        continue;
                    }
                    quoted = false;
                    afterQuote = true;
                    continue;
                }
                if (c == '\n') {
                    line++;
                }
                field.append((char) c);
                c = in.read();
                continue;
            }
            if (c == -1 || c == '\n') {
                if (c == '\n') {
                    line++;
                }
                fields.add(field.toString());
                return new Row(start, fields, null);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
                fieldStarted = false;
            } else if (c == '\r') {
                // line ends may be CRLF; a carriage return outside quotes is not data
            } else if (afterQuote) {
                return skipLine(start, "A quoted field is followed by text before the next comma");
            } else if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else {
                field.append((char) c);
                fieldStarted = true;
            }
            c = in.read();
        }
    }

    /** Goes back to where the record started and passes over its first line only. */
    private Row skipLine(int start, String error) throws IOException {
        in.reset();
        line = start;
        int c;
        do {
            c = in.read();
        } while (c != -1 && c != '\n');
        if (c == '\n') {
            line++;
        }
        return new Row(start, null, error);
    }

    private static boolean isBlank(List<String> fields) {
        return fields.size() == 1 && fields.get(0).isBlank();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
