package org.asbportal.admin;

import org.asbportal.triage.ResponseTemplate;
import org.jboss.resteasy.reactive.RestForm;

/** The response template form: the queue it is offered in, its title and its text. */
public class ResponseTemplateForm {

    @RestForm
    public String queue;

    @RestForm
    public String title;

    @RestForm
    public String body;

    static ResponseTemplateForm of(ResponseTemplate template) {
        ResponseTemplateForm form = new ResponseTemplateForm();
        form.queue = template.queue.code;
        form.title = template.title;
        form.body = template.body;
        return form;
    }
}
