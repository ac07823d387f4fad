package org.asbportal.triage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.CaseViews.ActionView;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.web.Site;

/**
 * The response templates offered on a case's page, and a chosen one's text with its placeholders
 * filled from the case and the signed-in officer, for the officer to edit before sending it as a
 * public update. What cannot be known is left as a visible gap in square brackets.
 */
@ApplicationScoped
public class ResponseTemplates {

    /** The placeholders a template may hold, as administrators are told. */
    public static final List<String> PLACEHOLDERS = List.of("{reference}", "{officer}", "{next_date}", "{ward}");

    /** A template to choose from. */
    public record Option(long id, String title) {
    }

    /**
     * The "Use a template" choice on a case page: the queue's templates, the one chosen (null for none)
     * and the update it starts (null when none was chosen).
     */
    public record Picker(List<Option> options, Long chosen, String draft) {

        public static final Picker NONE = new Picker(List.of(), null, null);

        /** Whether the queue has templates to offer. */
        public boolean any() {
            return !options.isEmpty();
        }

        /** Whether this template is the one chosen. */
        public boolean chose(long id) {
            return chosen != null && chosen == id;
        }

        /** Whether a template filled the update, which is then meant for the victim. */
        public boolean drafted() {
            return draft != null;
        }
    }

    private final CurrentStaff staff;
    private final Site site;

    public ResponseTemplates(CurrentStaff staff, Site site) {
        this.staff = staff;
        this.site = site;
    }

    /** The templates of the case's queue, and the update the chosen one starts (none for an unknown or retired one). */
    @Transactional
    public Picker picker(CaseView view, String chosen) {
        Optional<TriageQueue> queue = TriageQueue.findByCode(view.queueCode());
        if (queue.isEmpty()) {
            return Picker.NONE;
        }
        List<ResponseTemplate> offered = ResponseTemplate.offeredIn(queue.get().id);
        List<Option> options = offered.stream().map(t -> new Option(t.id, t.title)).toList();
        Long id = id(chosen);
        return offered.stream().filter(t -> t.id.equals(id)).findFirst()
                .map(t -> new Picker(options, t.id, fill(t.body, view)))
                .orElse(new Picker(options, null, null));
    }

    /** The template's text with each placeholder replaced; one with no value is left as a gap to fill in. */
    String fill(String body, CaseView view) {
        Optional<LocalDate> next = view.actions().stream().filter(ActionView::open).map(ActionView::dueOn)
                .min(Comparator.naturalOrder());
        return body.replace("{reference}", view.reference())
                .replace("{officer}", staff.account().displayName)
                .replace("{next_date}", next.map(site::longDate).orElse("[next date]"))
                .replace("{ward}", view.wardName() == null ? "[ward]" : view.wardName());
    }

    private static Long id(String value) {
        try {
            return value == null ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
