package org.asbportal.admin;

import org.asbportal.triage.TriageQueue;
import org.jboss.resteasy.reactive.RestForm;

/** The queue form: its code (set once), name, description and the organisation that works it. */
public class QueueForm {

    @RestForm
    public String code;

    @RestForm
    public String name;

    @RestForm
    public String description;

    @RestForm
    public String organisation;

    static QueueForm of(TriageQueue queue) {
        QueueForm form = new QueueForm();
        form.code = queue.code;
        form.name = queue.name;
        form.description = queue.description;
        form.organisation = queue.organisation == null ? null : queue.organisation.code;
        return form;
    }
}
