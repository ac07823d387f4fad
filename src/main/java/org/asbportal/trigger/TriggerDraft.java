package org.asbportal.trigger;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The answers given so far in the Community Trigger application pages, exactly as typed, kept
 * server-side by the journey engine between pages. The whole application is validated again when it
 * is sent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public class TriggerDraft {

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
    /** The access code typed by each reference, at the same positions; null where none was. */
    public List<String> referenceCodes = new ArrayList<>();
    /** Complaints made to other agencies, as typed. */
    public List<OtherComplaint> complaints = new ArrayList<>();
    /** {@code yes} or {@code no}. */
    public String hateMotivated;

    /** The access code typed by the reference at {@code index}, or null. */
    @JsonIgnore
    public String referenceCode(int index) {
        String code = index < referenceCodes.size() ? referenceCodes.get(index) : null;
        return code == null || code.isBlank() ? null : code;
    }
    public String outcomeWanted;

    /**
     * A complaint to another agency: its name and the two dates as typed, day, month and year apart;
     * named as the complaints page names their inputs ({@code complaint-N-reported-month}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static class OtherComplaint {
        public String agency;
        @JsonProperty("reported")
        public String reportedDay;
        @JsonProperty("reported-month")
        public String reportedMonth;
        @JsonProperty("reported-year")
        public String reportedYear;
        @JsonProperty("behaviour")
        public String behaviourDay;
        @JsonProperty("behaviour-month")
        public String behaviourMonth;
        @JsonProperty("behaviour-year")
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
}
