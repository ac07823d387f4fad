package org.asbportal.triage;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.asbportal.security.AccessCodes;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.QueueTools.Banner;
import org.asbportal.triage.QueueTools.BulkAction;
import org.asbportal.triage.QueueTools.BulkForm;
import org.asbportal.triage.QueueTools.Skipped;
import org.asbportal.triage.QueueTools.SkipReason;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * One action on many cases of a queue at once: claim, assign, transfer, or close as duplicates of one
 * case. Each case is changed through the same {@link CaseService} and {@link CaseLinkService} methods
 * as one case is, each in its own transaction, so each is checked, audited and written to its history
 * exactly as a single change; a case that cannot be changed is left as it was and reported, and the
 * others are still changed.
 */
@ApplicationScoped
public class BulkService {

    /** The most cases one action takes: four pages of a queue. */
    static final int MAX_CASES = 100;

    /** What was done, for the banner after the redirect; {@code skipped} holds reason codes. */
    public record Outcome(BulkAction action, int changed, List<Skipped> skipped, String primary) {

        /** The same for a script: each case left as it was with its reason's code and words. */
        public Result result() {
            return new Result(action.code(), changed, skipped.stream().map(s -> SkipReason.of(s.reason())
                    .map(r -> new SkippedCase(s.reference(), r.code(), r.message())).orElseThrow()).toList());
        }

        /** The queue page again, with the filter it was left with and what to confirm. */
        public String redirect(String code, String back) {
            StringBuilder to = new StringBuilder("/staff/queues/").append(code).append('?');
            String filter = QueueFilter.parse(back).query();
            if (!filter.isEmpty()) {
                to.append(filter).append('&');
            }
            to.append("bulk=").append(action.code()).append("&changed=").append(changed);
            if (!skipped.isEmpty()) {
                // References and reason codes are letters, digits and hyphens: nothing to escape.
                to.append("&skipped=").append(String.join(",", skipped.stream().map(s -> s.reference() + "~" + s.reason()).toList()));
            }
            if (primary != null) {
                to.append("&primary=").append(primary);
            }
            return to.toString();
        }
    }

    /** What a bulk change did, as the JSON API answers it. */
    public record Result(String action, int changed, List<SkippedCase> skipped) {
    }

    /** A case left as it was: {@code reason} is a code (held, mine, closed, changed, unknown, refused). */
    public record SkippedCase(String reference, String reason, String message) {
    }

    private final CaseService cases;
    private final CaseLinkService links;
    private final SavedFilters filters;

    public BulkService(CaseService cases, CaseLinkService links, SavedFilters filters) {
        this.cases = cases;
        this.links = links;
        this.filters = filters;
    }

    /** The queue page's tools as it is opened, with the banner the address asks for. */
    public QueueTools tools(String code, QueueNotices notices) {
        return tools(code, BulkForm.EMPTY, PageErrors.NONE, null, banner(notices));
    }

    /** The queue page's tools shown again with the problems of a form sent from it. */
    public QueueTools tools(String code, BulkForm form, PageErrors errors, String filterName) {
        return tools(code, form, errors, filterName, null);
    }

    private QueueTools tools(String code, BulkForm form, PageErrors errors, String filterName, Banner banner) {
        List<QueueTools.Officer> officers = cases.officersForQueue(code).stream()
                .map(a -> new QueueTools.Officer(a.username, a.displayName)).toList();
        List<QueueTools.QueueChoice> queues = cases.allQueues().stream().filter(q -> !q.code.equals(code))
                .map(q -> new QueueTools.QueueChoice(q.code, q.name)).toList();
        return new QueueTools(officers, queues, filters.links(code), banner, errors, form, filterName);
    }

    /**
     * Applies the form's action to each selected case. The form as a whole is refused (nothing changed)
     * when nothing is selected or the action lacks what it needs; each case then succeeds or is skipped.
     */
    public Outcome apply(String code, BulkForm form) {
        if (!cases.mayWorkQueue(code)) {
            throw new NotFoundException("No such queue among yours");
        }
        List<String> references = selected(form.references());
        List<FieldError> errors = new ArrayList<>();
        if (references.isEmpty()) {
            errors.add(new FieldError("references", "Select the cases to change"));
        } else if (references.size() > MAX_CASES) {
            errors.add(new FieldError("references", "Select " + MAX_CASES + " cases or fewer"));
        }
        Optional<BulkAction> chosen = BulkAction.of(form.action());
        if (chosen.isEmpty()) {
            errors.add(new FieldError("action", "Choose what to do with the selected cases"));
        }
        String primary = null;
        if (chosen.isPresent()) {
            switch (chosen.get()) {
                case ASSIGN -> {
                    String assignee = trimmed(form.assignee());
                    if (assignee == null || cases.officersForQueue(code).stream().noneMatch(a -> a.username.equals(assignee))) {
                        errors.add(new FieldError("assignee", "Choose the officer to assign the cases to"));
                    }
                }
                case TRANSFER -> {
                    String queue = trimmed(form.queue());
                    if (queue == null || queue.equals(code) || cases.allQueues().stream().noneMatch(q -> q.code.equals(queue))) {
                        errors.add(new FieldError("queue", "Choose the queue to transfer the cases to"));
                    }
                    if (trimmed(form.reason()) == null) {
                        errors.add(new FieldError("reason", "Give the reason for the transfer"));
                    } else if (form.reason().length() > CaseService.MAX_TEXT) {
                        errors.add(new FieldError("reason", "The reason must be 4,000 characters or fewer"));
                    }
                }
                case DUPLICATE -> primary = primary(form.primary(), references, errors);
                case CLAIM -> { }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        BulkAction action = chosen.orElseThrow();
        int changed = 0;
        List<Skipped> skipped = new ArrayList<>();
        for (String reference : references) {
            Optional<SkipReason> skip = change(action, reference, form, primary);
            if (skip.isEmpty()) {
                changed++;
            } else {
                skipped.add(new Skipped(reference, skip.get().code()));
            }
        }
        return new Outcome(action, changed, skipped, primary);
    }

    /** Changes one case in its own transaction; why it was left as it was, if it was. */
    private Optional<SkipReason> change(BulkAction action, String reference, BulkForm form, String primary) {
        try {
            int version = cases.currentVersion(reference);
            CaseView after = switch (action) {
                case CLAIM -> cases.claim(reference, version);
                case ASSIGN -> cases.assignTo(reference, version, form.assignee().strip());
                case TRANSFER -> cases.transfer(reference, version, form.queue().strip(), form.reason());
                case DUPLICATE -> links.merge(reference, version, primary);
            };
            return action == BulkAction.CLAIM && after.version() == version ? Optional.of(SkipReason.MINE) : Optional.empty();
        } catch (CaseNotFoundException e) {
            return Optional.of(SkipReason.UNKNOWN);
        } catch (CaseConflictException e) {
            String why = e.getMessage();
            return Optional.of(why.contains("already held") ? SkipReason.HELD
                    : why.contains("already closed") ? SkipReason.CLOSED : SkipReason.CHANGED);
        } catch (InvalidSubmissionException | ForbiddenException e) {
            return Optional.of(SkipReason.REFUSED);
        }
    }

    /** The case the duplicates are closed into: one the officer may work, open, and not among the selected. */
    private String primary(String typed, List<String> references, List<FieldError> errors) {
        String primary = trimmed(typed);
        if (primary == null) {
            errors.add(new FieldError("primary", "Enter the reference of the case to keep"));
            return null;
        }
        Optional<String> reference = AccessCodes.validReference(primary);
        if (reference.isEmpty()) {
            errors.add(new FieldError("primary", "Enter a reference like ASB-7K3M-Q9TX for the case to keep"));
            return null;
        }
        if (references.contains(reference.get())) {
            errors.add(new FieldError("primary", "The case to keep must not be one of the selected cases"));
            return null;
        }
        try {
            if (!cases.isOpen(reference.get())) {
                errors.add(new FieldError("primary", reference.get() + " is closed: keep an open case"));
                return null;
            }
        } catch (CaseNotFoundException e) {
            errors.add(new FieldError("primary", "There is no case " + reference.get() + " among your queues"));
            return null;
        }
        return reference.get();
    }

    /** The selected references, each once; anything that is not a reference was never a box on the page. */
    private static List<String> selected(List<String> references) {
        Set<String> unique = new LinkedHashSet<>();
        if (references != null) {
            references.stream().map(AccessCodes::validReference).flatMap(Optional::stream).forEach(unique::add);
        }
        return List.copyOf(unique);
    }

    /** The banner for the notices in the address, or null when there is nothing (the portal wrote) to confirm. */
    static Banner banner(QueueNotices notices) {
        if (notices == null) {
            return null;
        }
        if ("saved".equals(notices.filter)) {
            return new Banner("Filter saved", List.of());
        }
        if ("deleted".equals(notices.filter)) {
            return new Banner("Filter deleted", List.of());
        }
        Optional<BulkAction> action = BulkAction.of(notices.bulk);
        if (action.isEmpty()) {
            return null;
        }
        int changed;
        try {
            changed = Math.max(0, Math.min(MAX_CASES, Integer.parseInt(notices.changed == null ? "" : notices.changed)));
        } catch (NumberFormatException e) {
            return null;
        }
        List<Skipped> skipped = new ArrayList<>();
        if (notices.skipped != null) {
            for (String entry : notices.skipped.split(",")) {
                String[] parts = entry.split("~", 2);
                Optional<String> reference = AccessCodes.validReference(parts[0]);
                Optional<SkipReason> reason = parts.length == 2 ? SkipReason.of(parts[1]) : Optional.empty();
                if (reference.isPresent() && reason.isPresent() && skipped.size() < MAX_CASES) {
                    skipped.add(new Skipped(reference.get(), reason.get().message()));
                }
            }
        }
        String primary = action.get() == BulkAction.DUPLICATE ? AccessCodes.validReference(notices.primary).orElse(null) : null;
        return new Banner(action.get().heading(changed, primary), skipped);
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
