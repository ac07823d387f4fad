package org.asbportal.trigger;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.report.ReportRequests;
import org.asbportal.web.FormSession;

/** An applicant's browser in the HTML Community Trigger application. */
final class TriggerFormSession extends FormSession {

    static final String PATH = "/community-trigger/apply";
    /** The cookie that finds the applicant's draft. */
    static final String DRAFT_COOKIE = TriggerJourney.COOKIE;

    /**
     * The pages in the order they are asked and their answers: the victim applying for themselves,
     * citing one complaint to the police about behaviour three days ago. A test tweaks them first.
     */
    static Map<String, Map<String, List<String>>> validAnswers() {
        LocalDate behaviour = TriggerRequests.today().minusDays(3);
        LocalDate complained = behaviour.plusDays(1);
        Map<String, Map<String, List<String>>> steps = new LinkedHashMap<>();
        steps.put("who", answers("applying", "VICTIM", "victimType", "PERSON"));
        steps.put("victim", answers("victimName", "Pat Victim", "relationship", "Daughter", "consent", "yes"));
        steps.put("contact", answers("name", "Alex Applicant", "email", "alex.applicant@example.org", "phone", ""));
        steps.put("behaviour", answers("description", "Shouting and banging doors every night, form " + ReportRequests.unique(),
                "impact", "I cannot sleep and I am anxious about going out."));
        steps.put("reports", answers("reference", ""));
        steps.put("complaints", answers("complaint-1-agency", "Bedfordshire Police",
                "complaint-1-reported", String.valueOf(complained.getDayOfMonth()),
                "complaint-1-reported-month", String.valueOf(complained.getMonthValue()),
                "complaint-1-reported-year", String.valueOf(complained.getYear()),
                "complaint-1-behaviour", String.valueOf(behaviour.getDayOfMonth()),
                "complaint-1-behaviour-month", String.valueOf(behaviour.getMonthValue()),
                "complaint-1-behaviour-year", String.valueOf(behaviour.getYear())));
        steps.put("hate", answers("hateMotivated", "no"));
        steps.put("outcome", answers("outcomeWanted", "For the noise to stop."));
        return steps;
    }

    private TriggerFormSession() {
        super(PATH);
    }

    /** Opens the first question, as the Start now button does. */
    static TriggerFormSession start() {
        return start(PATH);
    }

    /** Opens the first question at {@code url}, such as the link on a victim's case page. */
    static TriggerFormSession start(String url) {
        TriggerFormSession session = new TriggerFormSession();
        session.open(url);
        return session;
    }
}
