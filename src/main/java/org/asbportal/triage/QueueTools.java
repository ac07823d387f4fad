package org.asbportal.triage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.asbportal.web.PageErrors;

/**
 * What the queue page offers beyond its list: the form to change many cases at once, the officer's
 * saved filters, and the banner confirming what was last done (post/redirect/get).
 */
public record QueueTools(List<Officer> officers, List<QueueChoice> queues, List<SavedFilterLink> savedFilters,
        Banner banner, PageErrors errors, BulkForm form, String filterName) {

    /** An officer the selected cases may be assigned to. */
    public record Officer(String username, String displayName) {
    }

    /** A queue the selected cases may be transferred to. */
    public record QueueChoice(String code, String name) {
    }

    /** A saved filter as a link to the queue with it, and the address that deletes it. */
    public record SavedFilterLink(long id, String name, String href) {
    }

    /** A case of the selection that was left as it was, and why in words. */
    public record Skipped(String reference, String reason) {
    }

    /** The success banner: what was done to how many, and each case left as it was. */
    public record Banner(String heading, List<Skipped> skipped) {

        /** Whether some of the selected cases were left as they were. */
        public boolean anySkipped() {
            return !skipped.isEmpty();
        }
    }

    /** What can be done to the selected cases at once: {@code code} is the form's value, {@code done} the banner's verb. */
    public enum BulkAction {
        CLAIM("claim", "claimed"),
        ASSIGN("assign", "assigned"),
        TRANSFER("transfer", "transferred"),
        DUPLICATE("duplicate", "closed as duplicates");

        private final String code;
        private final String done;

        BulkAction(String code, String done) {
            this.code = code;
            this.done = done;
        }

        public String code() {
            return code;
        }

        /** The banner's heading after {@code changed} cases were changed. */
        String heading(int changed, String primary) {
            String count = changed == 0 ? "No cases" : changed == 1 ? "1 case" : changed + " cases";
            String what = this == DUPLICATE && changed == 1 ? "closed as a duplicate" : done;
            return count + " " + what + (this == DUPLICATE && primary != null ? " of " + primary : "");
        }

        static Optional<BulkAction> of(String code) {
            return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
        }
    }

    /** Why a selected case was left as it was: {@code code} travels in the address after the redirect. */
    public enum SkipReason {
        HELD("held", "already held by another officer"),
        MINE("mine", "already yours"),
        CLOSED("closed", "already closed"),
        CHANGED("changed", "changed by someone else at the same moment: try it again"),
        UNKNOWN("unknown", "not found among your queues"),
        REFUSED("refused", "could not be changed this way: open the case to see why");

        private final String code;
        private final String message;

        SkipReason(String code, String message) {
            this.code = code;
            this.message = message;
        }

        public String code() {
            return code;
        }

        public String message() {
            return message;
        }

        static Optional<SkipReason> of(String code) {
            return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
        }
    }

    /**
     * The bulk form as sent: the action, the selected references and what the action needs (an officer,
     * a queue and reason, or the case to keep); {@code back} is the queue's filter to return to.
     */
    public record BulkForm(String action, List<String> references, String assignee, String queue, String reason,
            String primary, String back) {

        public static final BulkForm EMPTY = new BulkForm(null, List.of(), null, null, null, null, null);

        /** Whether the case was selected (kept ticked when the form is shown again with its problems). */
        public boolean selected(String reference) {
            return references != null && references.contains(reference);
        }

        /** Whether this action was chosen. */
        public boolean chose(String code) {
            return code.equals(action);
        }
    }
}
