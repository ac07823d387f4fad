package org.asbportal.open311;

import java.util.List;

/** A request GeoReport answers with its errors shape: 400, 403, 404 or 429, each problem in words. */
class Open311Problem extends RuntimeException {

    private final int status;
    private final List<String> descriptions;
    /** Seconds to wait before trying again (a 429), or 0. */
    private final long retryAfter;

    Open311Problem(int status, String description) {
        this(status, List.of(description));
    }

    Open311Problem(int status, List<String> descriptions) {
        this(status, descriptions, 0);
    }

    Open311Problem(int status, List<String> descriptions, long retryAfter) {
        super(String.join("; ", descriptions), null, false, false);
        this.status = status;
        this.descriptions = List.copyOf(descriptions);
        this.retryAfter = retryAfter;
    }

    long retryAfter() {
        return retryAfter;
    }

    int status() {
        return status;
    }

    List<String> descriptions() {
        return descriptions;
    }

    static Open311Problem badRequest(String description) {
        return new Open311Problem(400, description);
    }

    static Open311Problem forbidden(String description) {
        return new Open311Problem(403, description);
    }

    static Open311Problem notFound(String description) {
        return new Open311Problem(404, description);
    }
}
