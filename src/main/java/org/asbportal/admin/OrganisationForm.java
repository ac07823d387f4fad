package org.asbportal.admin;

import org.asbportal.security.Organisation;
import org.jboss.resteasy.reactive.RestForm;

/** The organisation form: its code (set once), its name and whether its staff must sign in with two-factor. */
public class OrganisationForm {

    @RestForm
    public String code;

    @RestForm
    public String name;

    /** "true" when the box is ticked; absent otherwise. */
    @RestForm
    public String requireTwoFactor;

    public boolean requiresTwoFactor() {
        return "true".equals(requireTwoFactor);
    }

    static OrganisationForm of(Organisation organisation) {
        OrganisationForm form = new OrganisationForm();
        form.code = organisation.code;
        form.name = organisation.name;
        form.requireTwoFactor = organisation.requireTwoFactor ? "true" : null;
        return form;
    }
}
