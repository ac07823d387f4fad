package org.asbportal.triage;

import java.util.Arrays;

/**
 * What the case page confirms after a change, in a GOV.UK success banner: the change redirects back
 * to the case with {@code ?done=<code>} (post/redirect/get), and only these codes are ever shown.
 */
public enum CaseNotice {
    CLAIMED("claimed", "You have claimed this case"),
    ASSIGNED("assigned", "The case has been assigned"),
    RELEASED("released", "The case is back in the queue: nobody holds it now"),
    REASSIGNED("reassigned", "The case has been reassigned"),
    TRANSFERRED("transferred", "The case has been moved to another queue"),
    PUBLIC_UPDATE("update", "Update added: the resident can see it when they check their report"),
    INTERNAL_NOTE("note", "Note added: only staff can see it"),
    CLOSED("closed", "The case has been closed"),
    ACTION("action", "Action added"),
    RESULT("result", "Action updated"),
    LINKED("linked", "The cases have been linked"),
    MERGED("merged", "The case has been merged"),
    PERPETRATOR("perpetrator", "Perpetrator added to this case"),
    PERPETRATOR_LINKED("perpetrator-linked", "Perpetrator linked to this case"),
    PERPETRATOR_UNLINKED("perpetrator-unlinked", "Perpetrator removed from this case"),
    REVIEWED("reviewed", "Review recorded: the next review is counted from today"),
    RESTRICTED("restricted", "The case is restricted: only the agencies allowed can see its details"),
    RESTRICTION_LIFTED("restriction-lifted", "The restriction has been lifted: everyone who works the queue can see the case"),
    EXPLOITATION_FLAGGED("exploitation-flagged", "Exploitation concern flagged: the case is on the VAMAP list if young people are involved"),
    EXPLOITATION_CLEARED("exploitation-cleared", "Exploitation concern cleared");

    private final String code;
    private final String message;

    CaseNotice(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The message for a code from the address, or null for none or one the portal never writes. */
    public static String messageFor(String code) {
        return code == null ? null
                : Arrays.stream(values()).filter(notice -> notice.code.equals(code)).map(CaseNotice::message).findFirst().orElse(null);
    }
}
