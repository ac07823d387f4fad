package org.asbportal.figures;

import java.util.List;

/**
 * What a police data import did: ASB rows imported, rows skipped (other crime types and malformed
 * rows), of which malformed, imported rows outside every ward, the months replaced, and the malformed
 * rows by line number (the first {@link WardConfig#maxImportErrors()} of them).
 */
public record PoliceImportResult(int imported, int skipped, int malformed, int outsideWards, List<String> months,
        List<LineError> errors) {

    /** A row of the file that was not imported, by its line number (the header is line 1). */
    public record LineError(int line, String message) {
    }
}
