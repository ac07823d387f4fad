package org.asbportal.triage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;

import org.asbportal.triage.TaskViews.CaseWork;
import org.asbportal.triage.TaskViews.DueItem;
import org.asbportal.triage.TaskViews.LetterLine;

/**
 * The staff pages' view of reviews, letters and work due, for templates as {@code inject:caseWork}:
 * the case page's review and letters section, and the start page's list of what is due.
 */
@Named("caseWork")
@RequestScoped
public class CaseWorkPanel {

    private final CaseService cases;
    private final CaseReviewService reviews;
    private final LetterTemplates templates;
    private final TaskService tasks;

    public CaseWorkPanel(CaseService cases, CaseReviewService reviews, LetterTemplates templates, TaskService tasks) {
        this.cases = cases;
        this.reviews = reviews;
        this.templates = templates;
        this.tasks = tasks;
    }

    /** The review and letters section of a case the officer may work. */
    @Transactional
    public CaseWork of(String reference) {
        QueueItem item = cases.workableItem(reference);
        boolean open = item.status != QueueItemStatus.CLOSED;
        List<LetterLine> letters = CaseLetter.findFor(item.report).stream()
                .map(l -> new LetterLine(l.id, LetterTemplateVersion.find(l.template, l.templateVersion).map(v -> v.name)
                        .orElse(l.template.code), l.templateVersion, l.sentBy, l.sentAt))
                .toList();
        return new CaseWork(item.report.reference, reviews.statusOf(item), letters, open ? templates.options() : List.of(),
                open, open);
    }

    /** What is due today or overdue on the signed-in officer's cases. */
    public List<DueItem> due() {
        return tasks.mine();
    }
}
