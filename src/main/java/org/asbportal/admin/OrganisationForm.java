package org.asbportal.admin;

import org.asbportal.security.Organisation;
import org.jboss.resteasy.reactive.RestForm;

/** The organisation form: its code (set once) and its name. */
public class OrganisationForm {

    @RestForm
    public String code;

    @RestForm
    public String name;

    static OrganisationForm of(Organisation organisation) {
        OrganisationForm form = new OrganisationForm();
        form.code = organisation.code;
        form.name = organisation.name;
        return form;
    }
}
