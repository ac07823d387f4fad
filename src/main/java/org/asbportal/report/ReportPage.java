package org.asbportal.report;

import java.util.List;
import java.util.Map;

import org.asbportal.contact.DirectoryEntry;
import org.asbportal.ward.WardRef;
import org.asbportal.web.journey.Journey.SummaryRow;
import org.asbportal.web.journey.JourneyPage;
import org.asbportal.web.journey.JourneyView;
import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryGroup;

/** Everything a page of the report journey shows: the engine's view of the page and what only reports know. */
public record ReportPage(
        JourneyView<ReportDraft> view,
        Map<CategoryGroup, List<CategoryRef>> categories,
        List<WardRef> wards,
        List<SummaryRow> summary,
        List<DirectoryEntry> contacts) implements JourneyPage<ReportDraft> {

    /** The caption above each question, with how far through the journey it is. */
    public String caption() {
        return captionWithProgress("Report anti-social behaviour");
    }
}
