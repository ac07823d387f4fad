package org.asbportal.triage;

/**
 * The other case named to link or merge with is unknown or not among the officer's queues: both
 * look the same, so a reference outside one's queues reveals nothing.
 */
public class OtherCaseNotFoundException extends CaseNotFoundException {

    public OtherCaseNotFoundException(String reference) {
        super("No case " + reference + " among yours: check the reference");
    }
}
