package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.triage.ResponseTemplate;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.Calendar;

/** The ready-written public updates of each queue: added, changed and retired by administrators, each change audited. */
@ApplicationScoped
public class ResponseTemplateAdminService {

    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 4000;

    /** A template as the list shows it. */
    public record TemplateRow(long id, String queue, String title, String body, boolean retired) {
    }

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final Calendar calendar;

    public ResponseTemplateAdminService(AuditLog audit, CurrentStaff staff, Calendar calendar) {
        this.audit = audit;
        this.staff = staff;
        this.calendar = calendar;
    }

    @Transactional
    public List<TemplateRow> list() {
        return ResponseTemplate.all().stream()
                .map(t -> new TemplateRow(t.id, t.queue.name, t.title, t.body, t.retired)).toList();
    }

    @Transactional
    public List<TriageQueue> queues() {
        return TriageQueue.list("order by name");
    }

    @Transactional
    public ResponseTemplateForm form(String id) {
        return ResponseTemplateForm.of(locate(id));
    }

    @Transactional
    public ResponseTemplate create(ResponseTemplateForm form) {
        ResponseTemplate template = new ResponseTemplate();
        apply(template, form);
        template.createdAt = calendar.now();
        template.updatedAt = template.createdAt;
        template.persist();
        ResponseTemplate.flush();
        audit.record(staff.username(), "ADMIN_CREATE_RESPONSE_TEMPLATE", null,
                "Added response template " + template.id + " to " + template.queue.code);
        return template;
    }

    @Transactional
    public ResponseTemplate update(String id, ResponseTemplateForm form) {
        ResponseTemplate template = locate(id);
        String before = describe(template);
        apply(template, form);
        if (!describe(template).equals(before)) {
            template.updatedAt = calendar.now();
            audit.record(staff.username(), "ADMIN_UPDATE_RESPONSE_TEMPLATE", null,
                    "Changed response template " + template.id + " in " + template.queue.code);
        }
        return template;
    }

    /** Stops offering a template; it is kept, and may be seen in the list. */
    @Transactional
    public void retire(String id) {
        ResponseTemplate template = locate(id);
        if (!template.retired) {
            template.retired = true;
            template.updatedAt = calendar.now();
            audit.record(staff.username(), "ADMIN_RETIRE_RESPONSE_TEMPLATE", null,
                    "Retired response template " + template.id + " in " + template.queue.code);
        }
    }

    /** Sets the template's fields, looking the queue up first so no query flushes a refused value. */
    private static void apply(ResponseTemplate template, ResponseTemplateForm form) {
        Forms check = new Forms();
        String code = Forms.trimmed(form.queue);
        TriageQueue queue = code == null ? null : TriageQueue.findByCode(code).orElse(null);
        if (queue == null) {
            check.add("queue", "Choose the queue the template is for");
        }
        String title = check.required("title", form.title, MAX_TITLE, "Enter a title for the template", "The title");
        String body = check.required("body", form.body, MAX_BODY, "Enter the text of the update", "The text");
        check.check();
        template.queue = queue;
        template.title = title;
        template.body = body;
    }

    private static String describe(ResponseTemplate template) {
        return template.queue.code + "\n" + template.title + "\n" + template.body;
    }

    private static ResponseTemplate locate(String id) {
        ResponseTemplate template = ResponseTemplate.findById(Forms.id(id, "response template"));
        if (template == null) {
            throw new NotFoundException("No response template with this address");
        }
        return template;
    }
}
