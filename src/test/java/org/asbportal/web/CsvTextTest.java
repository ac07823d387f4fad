package org.asbportal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** CSV rows as RFC 4180 writes them, with text a spreadsheet would run as a formula made inert. */
class CsvTextTest {

    @Test
    void cellsStartingLikeAFormulaAreMadeText() {
        String csv = new CsvText().row("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tTab", "safe").toString();

        assertEquals("\"'=HYPERLINK(\"\"http://x\"\")\",'+1,'-2+3,'@SUM(A1),'\tTab,safe\r\n", csv);
    }

    @Test
    void numbersEmptyCellsAndPunctuationAreWrittenAsTheyAre() {
        String csv = new CsvText().row(Arrays.asList(-5, 3L, null, "a,b", "say \"hi\"", "two\nlines")).toString();

        assertEquals("-5,3,,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n", csv);
    }
}
