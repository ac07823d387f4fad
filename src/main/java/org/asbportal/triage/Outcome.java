package org.asbportal.triage;

/** How a case was closed, in words the victim reads. */
public enum Outcome {
    RESOLVED("The behaviour has stopped or the problem was dealt with"),
    ACTION_TAKEN("Action was taken against the people responsible"),
    ADVICE_GIVEN("We gave advice and support"),
    REFERRED("We passed it to another organisation that can help"),
    DUPLICATE("It was already reported and is dealt with in another report"),
    NOT_ENOUGH_INFORMATION("We did not have enough information to act"),
    NO_FURTHER_ACTION("No further action could be taken");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
