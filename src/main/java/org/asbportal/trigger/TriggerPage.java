package org.asbportal.trigger;

import java.util.ArrayList;
import java.util.List;

import org.asbportal.trigger.TriggerDraft.OtherComplaint;
import org.asbportal.web.journey.Journey.SummaryRow;
import org.asbportal.web.journey.JourneyView;
import org.asbportal.web.journey.JourneyPage;

/** Everything a page of the Community Trigger application shows: the engine's view of the page and what only applications know. */
public record TriggerPage(
        JourneyView<TriggerDraft> view,
        List<SummaryRow> summary,
        ThresholdRules.Terms terms) implements JourneyPage<TriggerDraft> {

    /** A report reference field of the reports page. */
    public record ReferenceRow(int number, String value, String code, String error) {
        public String id() {
            return "reference-" + number;
        }

        /** The id of the access code input beside it. */
        public String codeId() {
            return "reference-" + number + "-code";
        }
    }

    /** A complaint to another agency, as the complaints page shows it: its inputs are named {@code complaint-N-…}. */
    public record ComplaintRow(int number, OtherComplaint answers, String agencyError, String reportedError,
            String behaviourError) {
        public String agencyId() {
            return "complaint-" + number + "-agency";
        }

        public String reportedId() {
            return "complaint-" + number + "-reported";
        }

        public String reportedMonthId() {
            return reportedId() + "-month";
        }

        public String reportedYearId() {
            return reportedId() + "-year";
        }

        public String behaviourId() {
            return "complaint-" + number + "-behaviour";
        }

        public String behaviourMonthId() {
            return behaviourId() + "-month";
        }

        public String behaviourYearId() {
            return behaviourId() + "-year";
        }
    }

    /** A choice on a question page. */
    public record Option(String value, String label, String hint) {
    }

    private static final List<Option> APPLYING = List.of(
            new Option("VICTIM", "I am the victim", "The behaviour is aimed at me, my business or my community group"),
            new Option("ON_BEHALF", "I am applying for the victim",
                    "For example as a family member, friend, carer, councillor or MP, with the victim's agreement"));
    private static final List<Option> VICTIM_TYPES = List.of(
            new Option("PERSON", "A person", null),
            new Option("BUSINESS", "A business", null),
            new Option("COMMUNITY_GROUP", "A community group", "For example a residents' association or a place of worship"));

    public List<Option> applyingOptions() {
        return APPLYING;
    }

    public List<Option> victimTypeOptions() {
        return VICTIM_TYPES;
    }

    /** The impact question, put to the victim or to someone applying for them. */
    public String impactQuestion() {
        return draft().onBehalf() ? "How is it affecting the victim?" : "How is it affecting you?";
    }

    /** What hate-motivated means, and what it changes. */
    public String hateHint() {
        String hint = "Say yes if you think the victim is targeted because of their disability, race, religion, "
                + "sexuality or gender identity, or because of what someone thinks they are. This is called "
                + "hate-motivated behaviour.";
        if (terms.hateThreshold() < terms.threshold()) {
            hint += " Then " + terms.hateThreshold() + (terms.hateThreshold() == 1 ? " complaint is" : " complaints are")
                    + " enough for a review, instead of " + terms.threshold() + ".";
        }
        return hint;
    }

    /** The caption above each question, with how far through the journey it is. */
    public String caption() {
        return captionWithProgress("Ask for a case review (Community Trigger)");
    }

    /** The report references given so far, or one empty field. */
    public List<ReferenceRow> references() {
        List<ReferenceRow> rows = new ArrayList<>();
        for (int i = 0; i < draft().references.size(); i++) {
            rows.add(new ReferenceRow(i + 1, draft().references.get(i), draft().referenceCode(i), error("reference-" + (i + 1))));
        }
        if (rows.isEmpty()) {
            rows.add(new ReferenceRow(1, null, null, error("reference-1")));
        }
        return rows;
    }

    /** The complaints to other agencies given so far, or one empty complaint. */
    public List<ComplaintRow> complaints() {
        List<OtherComplaint> answers = new ArrayList<>(draft().complaints);
        if (answers.isEmpty()) {
            answers.add(new OtherComplaint());
        }
        List<ComplaintRow> rows = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            String prefix = "complaint-" + (i + 1);
            rows.add(new ComplaintRow(i + 1, answers.get(i), error(prefix + "-agency"), error(prefix + "-reported"),
                    error(prefix + "-behaviour")));
        }
        return rows;
    }

    public boolean canAddReference() {
        return draft().references.size() < TriggerJourney.MAX_ENTRIES;
    }

    public boolean canAddComplaint() {
        return draft().complaints.size() < TriggerJourney.MAX_ENTRIES;
    }

    /** Whether each entry gets a remove button: when there is more than one. */
    public boolean referencesRemovable() {
        return draft().references.size() > 1;
    }

    public boolean complaintsRemovable() {
        return draft().complaints.size() > 1;
    }
}
