package org.asbportal.report;

import java.util.List;
import java.util.Map;

import org.asbportal.contact.Agency;
import org.asbportal.report.ReportJourney.PageError;
import org.asbportal.report.ReportJourney.Step;
import org.asbportal.report.ReportJourney.SummaryRow;
import org.asbportal.ward.Ward;
import org.asbportal.category.Category;
import org.asbportal.category.CategoryGroup;

/** Everything a question page of the report journey shows. */
public record ReportPage(
        Step step,
        ReportDraft draft,
        String encodedDraft,
        List<PageError> errors,
        Map<CategoryGroup, List<Category>> categories,
        List<Ward> wards,
        List<SummaryRow> summary,
        List<Agency> contacts) {

    /** The message for an input, or null. */
    public String error(String inputId) {
        return errors.stream().filter(e -> e.inputId().equals(inputId)).map(PageError::message).findFirst().orElse(null);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The caption above each question. */
    public String caption() {
        return "Report anti-social behaviour";
    }

    public boolean targetedBecause(String value) {
        return draft.targetedBecause.contains(value);
    }
}
