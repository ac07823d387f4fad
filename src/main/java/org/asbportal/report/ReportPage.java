package org.asbportal.report;

import java.util.List;
import java.util.Map;

import org.asbportal.contact.DirectoryEntry;
import org.asbportal.ward.Places;
import org.asbportal.ward.WardRef;
import org.asbportal.web.MapConfig;
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
        List<DirectoryEntry> contacts,
        PlaceSearch places,
        MapConfig map) implements JourneyPage<ReportDraft> {

    /**
     * A search for the place on the "where" page: what the resident typed and what matched. No search
     * ({@link #NONE}) shows the search box empty.
     */
    public record PlaceSearch(String query, List<Places.Place> matches) {

        static final PlaceSearch NONE = new PlaceSearch(null, List.of());

        /** A search was made: list its matches, or say none matched. */
        public boolean made() {
            return query != null;
        }

        /** Too short to search: fewer than 2 letters. */
        public boolean tooShort() {
            return query != null && query.strip().length() < 2;
        }
    }

    /** The same page listing the places that match a search. */
    ReportPage searched(PlaceSearch search) {
        return new ReportPage(view, categories, wards, summary, contacts, search, map);
    }

    /** The map's background tiles' address, or empty for the ward boundaries alone. */
    public String mapTiles() {
        return map.tileUrl().orElse("");
    }

    /** What the map's background tiles must credit, or empty. */
    public String mapAttribution() {
        return map.attribution().orElse("");
    }

    /** The resident said they are a witness: the impact questions say whom to answer for. */
    public boolean witness() {
        return "WITNESS".equals(view.draft().role);
    }

    /** The caption above each question, with how far through the journey it is. */
    public String caption() {
        return captionWithProgress("Report anti-social behaviour");
    }
}
