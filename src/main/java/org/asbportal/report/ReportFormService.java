package org.asbportal.report;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.asbportal.contact.DirectoryEntry;
import org.asbportal.contact.ContactService;
import org.asbportal.ward.Places;
import org.asbportal.ward.WardRef;
import org.asbportal.web.MapConfig;
import org.asbportal.web.journey.JourneyOutcome;
import org.asbportal.ward.WardService;
import org.asbportal.web.journey.DraftFiles;
import org.asbportal.web.journey.Journey.SummaryRow;
import org.asbportal.web.journey.JourneyPages;
import org.asbportal.web.journey.JourneyView;
import org.asbportal.web.journey.Journeys;
import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryGroup;
import org.asbportal.category.CategoryService;

/**
 * The report journey on the journey engine: each page with what it lists (kinds of behaviour,
 * wards, the answers to check), sending from check your answers, and the confirmation read back
 * from the report saved with the draft's key.
 */
@ApplicationScoped
public class ReportFormService {

    private final ReportJourney journey;
    private final CategoryService categories;
    private final WardService wards;
    private final ContactService contacts;
    private final ReportService reports;
    private final JourneyPages<ReportDraft, ReportPage, Confirmation> pages;
    private final Places places;
    private final MapConfig map;

    /** The most places a search lists. */
    static final int PLACES = 20;

    public ReportFormService(Journeys journeys, ReportJourney journey, ReportService reports, CategoryService categories,
            WardService wards, ContactService contacts, Places places, MapConfig map) {
        this.places = places;
        this.map = map;
        this.journey = journey;
        this.reports = reports;
        this.categories = categories;
        this.wards = wards;
        this.contacts = contacts;
        this.pages = journeys.pages(journey, this::page,
                (draft, key, captchaToken, remoteIp) -> reports.submit(journey.toSubmission(draft, captchaToken), key,
                        Channel.WEB, remoteIp),
                this::confirmation);
    }

    public JourneyPages<ReportDraft, ReportPage, Confirmation> pages() {
        return pages;
    }

    /** The confirmation of a sent draft: the report saved with its key. */
    private Optional<Confirmation> confirmation(Journeys.Sent<ReportDraft> sent) {
        return reports.submitted(sent.submissionKey()).map(saved -> {
            String categoryName = categories.find(saved.categoryCode()).map(c -> c.name()).orElse("");
            return new Confirmation(saved, categoryName, sent.draft().anonymous(), contacts.forCategory(saved.categoryCode()));
        });
    }

    /** The files being sent, listed after what happened. */
    private List<SummaryRow> withFiles(List<SummaryRow> rows, List<DraftFiles.Listed> files) {
        List<SummaryRow> all = new ArrayList<>(rows);
        String names = files.isEmpty() ? "None" : String.join("\n", files.stream().map(DraftFiles.Listed::name).toList());
        SummaryRow row = journey.row("Photos, videos, audio or documents", names, ReportJourney.EVIDENCE, "the files you are sending");
        String whatPage = journey.pageUrl(ReportJourney.WHAT);
        int after = 0;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).changeHref().startsWith(whatPage + "?")) {
                after = i + 1;
            }
        }
        all.add(after, row);
        return all;
    }

    private ReportPage page(JourneyView<ReportDraft> view) {
        String slug = view.step().slug();
        ReportDraft draft = view.draft();
        Map<CategoryGroup, List<CategoryRef>> groups = slug.equals(ReportJourney.CATEGORY) ? categories.byGroup() : Map.of();
        List<WardRef> wardList = slug.equals(ReportJourney.WHERE) ? wards.all() : List.of();
        List<SummaryRow> summary = List.of();
        List<DirectoryEntry> agencies = List.of();
        if (view.step().checkAnswers()) {
            String categoryName = categories.find(draft.category).map(c -> c.name()).orElse(null);
            String wardName = wards.find(draft.wardCode).map(w -> w.name()).orElse(null);
            summary = withFiles(journey.summary(draft, categoryName, wardName), view.files());
            agencies = draft.category == null ? List.of() : contacts.forCategory(draft.category);
        }
        return new ReportPage(view, groups, wardList, summary, agencies, ReportPage.PlaceSearch.NONE, map);
    }

    /**
     * The "where" page listing the streets and postcodes that match {@code query}, to choose from
     * without JavaScript; the page as {@link JourneyPages#show} gives it otherwise (for instance the
     * first page, when the draft has expired).
     */
    public JourneyOutcome<ReportPage> searchPlaces(String token, String query, boolean changing) {
        String typed = query == null ? "" : query.strip();
        return pages.show(token, ReportJourney.WHERE, changing, false).map(page -> !page.step().slug().equals(ReportJourney.WHERE)
                ? page : page.searched(new ReportPage.PlaceSearch(typed, places.search(typed, PLACES))));
    }
}
