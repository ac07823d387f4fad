package org.asbportal.casetracking;

import io.quarkus.qute.TemplateInstance;
import java.util.Optional;

/**
 * A feature whose cases victims follow on {@code /track} with the reference and access code they
 * were given: residents' reports, Community Trigger applications. Casetracking owns the way in (the
 * form, the limits on wrong codes, the answer when nothing matches); each feature says which
 * references are its own and shows its case.
 */
public interface CaseTracker {

    /** Whether a reference (already normalised: upper case, no spaces) is one of this feature's. */
    boolean recognises(String reference);

    /**
     * The victim's page for the case when the access code matches; empty for an unknown reference or
     * a wrong code alike, in result and in time taken.
     */
    Optional<TemplateInstance> page(String reference, String accessCode);
}
