package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;
import java.util.Objects;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Organisation;
import org.asbportal.triage.Router;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.ReferenceData;

/** The triage queues reports land in, and which organisation works each. Every change is audited. */
@ApplicationScoped
public class QueueAdminService {

    /** A queue as the list shows it. */
    public record QueueRow(long id, String code, String name, String description, String organisation) {
    }

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final ReferenceData reference;

    public QueueAdminService(AuditLog audit, CurrentStaff staff, ReferenceData reference) {
        this.audit = audit;
        this.staff = staff;
        this.reference = reference;
    }

    @Transactional
    public List<QueueRow> list() {
        return TriageQueue.<TriageQueue>find("select q from TriageQueue q left join fetch q.organisation order by q.name")
                .stream().map(q -> new QueueRow(q.id, q.code, q.name, q.description,
                        q.organisation == null ? null : q.organisation.name)).toList();
    }

    @Transactional
    public List<Organisation> organisations() {
        return Organisation.list("order by name");
    }

    @Transactional
    public QueueForm form(String id) {
        return QueueForm.of(locate(id));
    }

    @Transactional
    public TriageQueue create(QueueForm form) {
        Forms check = new Forms();
        String code = check.code("code", form.code, 40, "Enter a code for the queue");
        if (check.ok("code") && TriageQueue.findByCode(code).isPresent()) {
            check.add("code", "A queue with the code " + code + " already exists");
        }
        TriageQueue queue = new TriageQueue();
        queue.code = code;
        apply(queue, form, check);
        check.check();
        queue.persist();
        Forms.flushUnique(() -> TriageQueue.flush(), "code", "A queue with the code " + code + " already exists");
        audit.record(staff.username(), "ADMIN_CREATE_QUEUE", null, "Created queue " + code + ": " + describe(queue));
        return queue;
    }

    @Transactional
    public TriageQueue update(String id, QueueForm form) {
        TriageQueue queue = locate(id);
        String before = describe(queue);
        Forms check = new Forms();
        apply(queue, form, check);
        check.check();
        String after = describe(queue);
        if (!after.equals(before)) {
            // Routing holds queue names with its rules.
            reference.changed(Router.ROUTING);
            audit.record(staff.username(), "ADMIN_UPDATE_QUEUE", null, "Changed queue " + queue.code + ": " + before + " -> " + after);
        }
        return queue;
    }

    /** Sets the queue's fields, looking the organisation up first so no query flushes a refused value. */
    private static void apply(TriageQueue queue, QueueForm form, Forms check) {
        Organisation organisation = Organisation.findByCode(Objects.requireNonNullElse(Forms.trimmed(form.organisation), ""))
                .orElse(null);
        queue.name = check.required("name", form.name, 120, "Enter the queue's name", "The name");
        queue.description = check.required("description", form.description, 500,
                "Describe what the queue is for", "The description");
        if (organisation == null) {
            check.add("organisation", "Choose the organisation whose staff work the queue");
        }
        queue.organisation = organisation;
    }

    private static String describe(TriageQueue queue) {
        return "name " + queue.name + "; organisation " + (queue.organisation == null ? "none" : queue.organisation.code);
    }

    private static TriageQueue locate(String id) {
        TriageQueue queue = TriageQueue.findById(Forms.id(id, "queue"));
        if (queue == null) {
            throw new NotFoundException("No queue with this address");
        }
        return queue;
    }
}
