package org.asbportal.admin;

import java.util.ArrayList;
import java.util.List;

import org.asbportal.contact.Agency;
import org.jboss.resteasy.reactive.RestForm;

/** The directory entry form: the agency, how to contact it, how urgent, and what it helps with. */
public class AgencyForm {

    @RestForm
    public String code;

    @RestForm
    public String name;

    @RestForm
    public String handles;

    @RestForm
    public String phone;

    @RestForm
    public String email;

    @RestForm
    public String website;

    @RestForm
    public String hours;

    @RestForm
    public String urgency;

    @RestForm
    public String sortOrder;

    @RestForm
    public List<String> categories = new ArrayList<>();

    static AgencyForm of(Agency agency) {
        AgencyForm form = new AgencyForm();
        form.code = agency.code;
        form.name = agency.name;
        form.handles = agency.handles;
        form.phone = agency.phone;
        form.email = agency.email;
        form.website = agency.website;
        form.hours = agency.hours;
        form.urgency = agency.urgency.name();
        form.sortOrder = String.valueOf(agency.sortOrder);
        form.categories = new ArrayList<>(agency.categoryCodes);
        return form;
    }

    public boolean hasCategory(String code) {
        return categories != null && categories.contains(code);
    }
}
