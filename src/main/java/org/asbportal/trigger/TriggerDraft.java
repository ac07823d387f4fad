package org.asbportal.trigger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The answers given so far in the Community Trigger application pages, exactly as typed. The draft
 * travels with the form (a hidden field on every page) rather than in server memory, so that any
 * replica can serve the next page. Nothing in it is trusted: the whole application is validated
 * again when it is sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TriggerDraft {

    /** Idempotency key of this application: a refresh or double submit saves it once. */
    public String submissionId = UUID.randomUUID().toString();
    /** Set while changing an answer from the check-your-answers page. */
    public boolean changing;

    /** {@code VICTIM} or {@code ON_BEHALF}. */
    public String applying;
    /** An {@link ApplicantType}: who the victim is. */
    public String victimType;
    public String victimName;
    public String relationship;
    /** {@code yes} when the applicant confirms the victim agrees to them applying. */
    public String consent;
    public String name;
    public String email;
    public String phone;
    public String description;
    public String impact;
    /** References of reports made on this portal, as typed. */
    public List<String> references = new ArrayList<>();
    /** Complaints made to other agencies, as typed. */
    public List<OtherComplaint> complaints = new ArrayList<>();
    /** {@code yes} or {@code no}. */
    public String hateMotivated;
    public String outcomeWanted;

    /** A complaint to another agency: its name and the two dates as typed, day, month and year apart. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class OtherComplaint {
        public String agency;
        public String reportedDay;
        public String reportedMonth;
        public String reportedYear;
        public String behaviourDay;
        public String behaviourMonth;
        public String behaviourYear;

        @JsonIgnore
        public boolean isBlank() {
            return agency == null && reportedDay == null && reportedMonth == null && reportedYear == null
                    && behaviourDay == null && behaviourMonth == null && behaviourYear == null;
        }
    }

    @JsonIgnore
    public boolean onBehalf() {
        return "ON_BEHALF".equals(applying);
    }

    /** Lists read back from a page hold no nulls, and no more entries than a page lists. */
    void tidy(int maxEntries) {
        references = references == null ? new ArrayList<>()
                : new ArrayList<>(references.stream().filter(Objects::nonNull).limit(maxEntries).toList());
        complaints = complaints == null ? new ArrayList<>()
                : new ArrayList<>(complaints.stream().filter(Objects::nonNull).limit(maxEntries).toList());
    }
}
