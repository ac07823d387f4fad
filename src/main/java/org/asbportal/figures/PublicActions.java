package org.asbportal.figures;

import java.util.List;

/**
 * Actions the partnership took, for the public: by ward (totals over the months) and by month (the
 * whole area), each kind in a column, and every ward, month and kind as a cell for the CSV. Counts
 * from 1 up to one less than the threshold are withheld (null), as in the other figures.
 */
public record PublicActions(List<String> kinds, List<Row> byWard, List<Row> byMonth, List<Cell> cells) {

    /** A ward or a month, with a count per kind (in the order of {@link #kinds}) and the total. */
    public record Row(String code, String name, List<Integer> counts, Integer total) {
    }

    /** One ward, month and kind. */
    public record Cell(String wardCode, String ward, String month, String kind, Integer count) {
    }
}
