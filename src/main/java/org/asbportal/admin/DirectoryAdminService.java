package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.asbportal.contact.Agency;
import org.asbportal.contact.Agency.Urgency;
import org.asbportal.contact.ContactService;
import org.asbportal.category.Category;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.web.ReferenceData;

/**
 * The partnership's directory of who to contact: agencies, their contact details, how urgent the
 * things they handle are, and the kinds of behaviour residents are told to contact them about.
 * Every change is audited, and shows on the public pages of every replica ({@link ReferenceData}).
 */
@ApplicationScoped
public class DirectoryAdminService {

    /** An agency as the list shows it. */
    public record AgencyRow(long id, String code, String name, String phone, Urgency urgency, int sortOrder, int categories) {
    }

    /** The choices the agency form offers. */
    public record AgencyChoices(List<Urgency> urgencies, List<Category> categories) {
    }

    private final AuditLog audit;
    private final CurrentStaff staff;
    private final ReferenceData reference;

    public DirectoryAdminService(AuditLog audit, CurrentStaff staff, ReferenceData reference) {
        this.audit = audit;
        this.staff = staff;
        this.reference = reference;
    }

    @Transactional
    public List<AgencyRow> list() {
        return Agency.listInOrder().stream().map(a -> new AgencyRow(a.id, a.code, a.name, a.phone, a.urgency, a.sortOrder,
                a.categoryCodes.size())).toList();
    }

    @Transactional
    public AgencyChoices choices() {
        return new AgencyChoices(List.of(Urgency.values()), Category.listInOrder());
    }

    @Transactional
    public AgencyForm form(String id) {
        return AgencyForm.of(locate(id));
    }

    @Transactional
    public Agency create(AgencyForm form) {
        Forms check = new Forms();
        String code = check.code("code", form.code, 40, "Enter a code for the agency");
        if (check.ok("code") && Agency.count("code", code) > 0) {
            check.add("code", "An agency with the code " + code + " already exists");
        }
        Agency agency = new Agency();
        agency.code = code;
        apply(agency, form, check);
        agency.persist();
        Forms.flushUnique(() -> Agency.flush(), "code", "An agency with the code " + code + " already exists");
        audit.record(staff.username(), "ADMIN_CREATE_AGENCY", null, "Created directory entry " + code + ": " + describe(agency));
        reference.changed(ContactService.DIRECTORY);
        return agency;
    }

    @Transactional
    public Agency update(String id, AgencyForm form) {
        Agency agency = locate(id);
        String before = describe(agency);
        apply(agency, form, new Forms());
        String after = describe(agency);
        if (!after.equals(before)) {
            audit.record(staff.username(), "ADMIN_UPDATE_AGENCY", null, "Changed directory entry " + agency.code + ": "
                    + before + " -> " + after);
            reference.changed(ContactService.DIRECTORY);
        }
        return agency;
    }

    /** Checks every value, then sets them all: nothing is set on the agency while a value may still be refused. */
    private static void apply(Agency agency, AgencyForm form, Forms check) {
        Set<String> known = Category.<Category>listAll().stream().map(c -> c.code).collect(Collectors.toSet());
        String name = check.required("name", form.name, 160, "Enter the agency's name", "The name");
        String handles = check.required("handles", form.handles, 500, "Say what residents should contact them about",
                "What they help with");
        String phone = check.optional("phone", form.phone, 40, "The telephone number");
        if (phone != null && !phone.matches("[0-9 +()-]+")) {
            check.add("phone", "Enter a telephone number using digits, spaces and + ( ) - only, like 01632 960001");
        }
        String email = check.email("email", form.email, 160);
        String website = check.optional("website", form.website, 255, "The website address");
        if (website != null && !website.matches("https?://[^\\s<>\"]+\\.[^\\s<>\"]+")) {
            check.add("website", "Enter a website address starting with https://, like https://www.example.org/");
        }
        String hours = check.optional("hours", form.hours, 160, "Opening hours");
        Urgency urgency = Arrays.stream(Urgency.values()).filter(u -> u.name().equals(Forms.trimmed(form.urgency)))
                .findFirst().orElse(null);
        if (urgency == null) {
            check.add("urgency", "Choose how urgent the things they handle are");
        }
        Integer sortOrder = check.whole("sortOrder", form.sortOrder, 0, 10_000, "Position in the directory");
        List<String> categories = form.categories == null ? List.of()
                : form.categories.stream().filter(c -> c != null && !c.isBlank()).toList();
        if (!known.containsAll(categories)) {
            check.add("categories", "Choose kinds of behaviour from the list");
        }
        check.check();
        agency.name = name;
        agency.handles = handles;
        agency.phone = phone;
        agency.email = email;
        agency.website = website;
        agency.hours = hours;
        agency.urgency = urgency;
        agency.sortOrder = sortOrder;
        agency.categoryCodes.retainAll(categories);
        agency.categoryCodes.addAll(categories);
    }

    /** What the audit log says about an entry: the agency's published details, which are not personal data. */
    private static String describe(Agency agency) {
        return "name " + agency.name + "; phone " + Objects.toString(agency.phone, "none") + "; email "
                + Objects.toString(agency.email, "none") + "; website " + Objects.toString(agency.website, "none")
                + "; urgency " + agency.urgency + "; position " + agency.sortOrder + "; categories "
                + new TreeSet<>(agency.categoryCodes);
    }

    private static Agency locate(String id) {
        Agency agency = Agency.findById(Forms.id(id, "directory entry"));
        if (agency == null) {
            throw new NotFoundException("No directory entry with this address");
        }
        return agency;
    }
}
