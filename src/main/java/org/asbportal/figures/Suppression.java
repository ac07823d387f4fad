package org.asbportal.figures;

/** Withholds small counts: from 1 up to one less than the threshold. Zero is shown. */
record Suppression(int threshold) {

    Integer shown(long count) {
        return withheld(count) ? null : Math.toIntExact(count);
    }

    boolean withheld(long count) {
        return count > 0 && count < threshold;
    }

    boolean any(long... counts) {
        for (long count : counts) {
            if (withheld(count)) {
                return true;
            }
        }
        return false;
    }
}
