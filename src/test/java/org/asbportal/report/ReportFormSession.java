package org.asbportal.report;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.asbportal.web.FormSession;

/** A resident's browser in the HTML report journey. */
public final class ReportFormSession extends FormSession {

    /** The steps in the order they are asked, and their answers; a test tweaks them before walking. */
    public static Map<String, Map<String, List<String>>> validAnswers() {
        String token = ReportRequests.unique();
        LocalDate day = ReportRequests.uniqueDate();
        Map<String, Map<String, List<String>>> steps = new LinkedHashMap<>();
        steps.put("danger", answers("danger", "no"));
        steps.put("category", answers("category", "ROWDY"));
        steps.put("where", answers("locationDescription", "Car park behind the shops, " + token, "town", "Bedford"));
        steps.put("when", answers("day", String.valueOf(day.getDayOfMonth()), "month", String.valueOf(day.getMonthValue()),
                "year", String.valueOf(day.getYear()), "time", "21:30", "stillHappening", "no", "frequency", "WEEKLY"));
        steps.put("what", answers("description", "Group shouting and kicking a ball at cars, form " + token,
                "peopleInvolved", "", "youngPeople", "NO"));
        steps.put("evidence", answers());
        steps.put("impact", answers("happenedBefore", "NO", "targeted", "no", "impact", "SOME", "unsafeAtHome", "no",
                "vulnerableAffected", "no"));
        steps.put("about", answers("role", "WITNESS", "contactChoice", "ANONYMOUS"));
        steps.put("equality", answers("ageBand", "AGE_35_TO_44"));
        steps.put("consent", answers("consent", "yes"));
        return steps;
    }

    /** The cookie that finds the resident's draft. */
    public static final String DRAFT_COOKIE = ReportJourney.COOKIE;

    private ReportFormSession() {
        super("/report");
    }

    /** Opens the first question, as following the start link does. */
    public static ReportFormSession start() {
        ReportFormSession session = new ReportFormSession();
        session.open("/report");
        return session;
    }

    /** Opens {@code url} in a browser that has no cookies yet. */
    public static ReportFormSession opening(String url) {
        ReportFormSession session = new ReportFormSession();
        session.open(url);
        return session;
    }
}
