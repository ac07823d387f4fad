package org.asbportal.triage;

import io.quarkus.security.ForbiddenException;

import org.asbportal.triage.CaseViews.RestrictedCase;

/**
 * The case is restricted to agencies the officer's is not among: they may know it exists and whom to
 * ask ({@link #stub()}), nothing more. Changing it is refused (403).
 */
public class CaseRestrictedException extends ForbiddenException {

    private final transient RestrictedCase stub;

    public CaseRestrictedException(RestrictedCase stub) {
        super("This case is restricted");
        this.stub = stub;
    }

    public RestrictedCase stub() {
        return stub;
    }
}
