package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.List;

import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Organisation;
import org.asbportal.triage.Router;
import org.asbportal.web.ReferenceData;
import org.asbportal.security.StaffAccount;

/** The partner agencies whose staff use the portal. Every change is audited. */
@ApplicationScoped
public class OrganisationAdminService {

    /** An organisation with the number of staff accounts it has. */
    public record OrganisationRow(long id, String code, String name, long accounts) {
    }

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final ReferenceData reference;

    public OrganisationAdminService(AuditLog audit, CurrentStaff staff, ReferenceData reference) {
        this.audit = audit;
        this.staff = staff;
        this.reference = reference;
    }

    @Transactional
    public List<OrganisationRow> list() {
        return Organisation.<Organisation>list("order by name").stream()
                .map(o -> new OrganisationRow(o.id, o.code, o.name, StaffAccount.count("organisation", o)))
                .toList();
    }

    @Transactional
    public Organisation find(String id) {
        return locate(id);
    }

    @Transactional
    public Organisation create(OrganisationForm form) {
        Forms check = new Forms();
        String code = check.code("code", form.code, 40, "Enter a code for the organisation");
        String name = check.required("name", form.name, 160, "Enter the organisation's name", "The name");
        if (check.ok("code") && Organisation.findByCode(code).isPresent()) {
            check.add("code", "An organisation with the code " + code + " already exists");
        }
        check.check();
        Organisation organisation = new Organisation();
        organisation.code = code;
        organisation.name = name;
        organisation.requireTwoFactor = form.requiresTwoFactor();
        organisation.persist();
        Forms.flushUnique(() -> Organisation.flush(), "code", "An organisation with the code " + code + " already exists");
        audit.record(staff.username(), "ADMIN_CREATE_ORGANISATION", null, "Created organisation " + code + " (" + name + ")"
                + (organisation.requireTwoFactor ? ", requiring two-factor sign-in" : ""));
        return organisation;
    }

    @Transactional
    public Organisation rename(String id, OrganisationForm form) {
        Organisation organisation = locate(id);
        Forms check = new Forms();
        String name = check.required("name", form.name, 160, "Enter the organisation's name", "The name");
        check.check();
        if (!name.equals(organisation.name)) {
            audit.record(staff.username(), "ADMIN_RENAME_ORGANISATION", null,
                    "Renamed organisation " + organisation.code + " from " + organisation.name + " to " + name);
            organisation.name = name;
            // Residents are told the agency working their report by this name, held with the routing rules.
            reference.changed(Router.ROUTING);
        }
        if (form.requiresTwoFactor() != organisation.requireTwoFactor) {
            // Asked for at each account's next sign-in.
            organisation.requireTwoFactor = form.requiresTwoFactor();
            audit.record(staff.username(), "ADMIN_REQUIRE_TWO_FACTOR", null, (organisation.requireTwoFactor ? "Required" : "Stopped requiring")
                    + " two-factor sign-in for every account of organisation " + organisation.code);
        }
        return organisation;
    }

    private static Organisation locate(String id) {
        Organisation organisation = Organisation.findById(Forms.id(id, "organisation"));
        if (organisation == null) {
            throw new NotFoundException("No organisation with this address");
        }
        return organisation;
    }
}
