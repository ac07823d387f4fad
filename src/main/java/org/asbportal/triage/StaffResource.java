package org.asbportal.triage;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.report.EvidenceViews;
import org.asbportal.report.EvidenceViews.EvidenceFile;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.CaseViews.PerpetratorMatch;
import org.asbportal.triage.CaseViews.QueuePage;
import org.asbportal.triage.CaseViews.QueueSummary;
import org.asbportal.triage.CaseViews.SearchPage;
import org.asbportal.ward.WardRef;
import org.asbportal.ward.WardService;
import org.asbportal.web.InvalidSubmissionException;

/** The staff triage workspace in HTML: my queues, a queue, a case and its operations. */
@Path("/staff")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class StaffResource {

    @CheckedTemplate(basePath = "staff")
    static class Templates {
        static native TemplateInstance queues(String staffName, List<QueueSummary> queues);

        static native TemplateInstance queue(String staffName, QueuePage page, List<CategoryRef> categories, List<WardRef> wards,
                QueueTools tools);

        static native TemplateInstance search(String staffName, SearchPage page, String error);

        static native TemplateInstance caseDetail(String staffName, CaseView item, List<StaffAccount> officers,
                List<StaffAccount> reassignees, List<TriageQueue> queues, List<Outcome> outcomes, List<ActionType> actionTypes,
                String find, List<PerpetratorMatch> matches, String error, String notice, List<EvidenceFile> evidence,
                ResponseTemplates.Picker picker);

        static native TemplateInstance restrictedCase(String staffName, CaseViews.RestrictedCase stub);
    }

    private final CaseService cases;
    private final QueueSearch search;
    private final ActionService actions;
    private final CaseLinkService links;
    private final PerpetratorService perpetrators;
    private final CurrentStaff staff;
    private final CategoryService categories;
    private final WardService wards;
    private final CaseEvidence evidence;
    private final BulkService bulk;
    private final ResponseTemplates responses;

    public StaffResource(CaseService cases, QueueSearch search, ActionService actions, CaseLinkService links,
            PerpetratorService perpetrators, CurrentStaff staff, CategoryService categories, WardService wards,
            CaseEvidence evidence, BulkService bulk, ResponseTemplates responses) {
        this.bulk = bulk;
        this.responses = responses;
        this.evidence = evidence;
        this.cases = cases;
        this.search = search;
        this.actions = actions;
        this.links = links;
        this.perpetrators = perpetrators;
        this.staff = staff;
        this.categories = categories;
        this.wards = wards;
    }

    @GET
    public TemplateInstance queues() {
        return Templates.queues(staff.account().displayName, cases.myQueues());
    }

    @GET
    @Path("/queues/{code}")
    public TemplateInstance queue(@PathParam("code") String code, @QueryParam("status") String status,
            @QueryParam("category") String category, @QueryParam("risk") String risk, @QueryParam("ward") String ward,
            @QueryParam("assigned") String assigned, @QueryParam("overdue") boolean overdue,
            @QueryParam("sort") String sort, @QueryParam("cursor") String cursor, @BeanParam QueueNotices notices) {
        QueuePage page = cases.look(code, QueueFilter.of(status, category, risk, ward, assigned, overdue, sort), cursor);
        return Templates.queue(staff.account().displayName, page, categories.all(), wards.all(), bulk.tools(code, notices));
    }

    @GET
    @Path("/search")
    public Response search(@QueryParam("q") String q, @QueryParam("page") String page) {
        try {
            return Response.ok(Templates.search(staff.account().displayName, search.search(q, pageNumber(page)), null)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(Templates.search(staff.account().displayName,
                    new SearchPage(q == null ? "" : q.strip(), List.of(), 1, false, false), e.errors().get(0).message())).build();
        }
    }

    /** A page number from the address: 1 for none or anything that is not a whole number. */
    private static int pageNumber(String page) {
        try {
            return page == null ? 1 : Integer.parseInt(page.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    @GET
    @Path("/cases/{reference}")
    public Response caseDetail(@PathParam("reference") String reference, @QueryParam("find") String find,
            @QueryParam("done") String done, @QueryParam("template") String template) {
        CaseView view;
        try {
            view = cases.view(reference);
        } catch (CaseRestrictedException e) {
            return Response.ok(Templates.restrictedCase(staff.account().displayName, e.stub())).build();
        }
        String notice = CaseNotice.messageFor(done);
        if (find == null) {
            return Response.ok(page(view, null, null, null, notice, template)).build();
        }
        try {
            return Response.ok(page(view, null, find, perpetrators.search(reference, find), notice)).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(page(view, e.errors().get(0).message(), find, List.of(), null)).build();
        }
    }

    /**
     * A file the resident sent, as a download (never shown in the page, whatever its kind); audited.
     * Only staff who may work the case's queue get it.
     */
    @GET
    @Path("/cases/{reference}/evidence/{id}")
    @Produces(MediaType.WILDCARD)
    public Response evidence(@PathParam("reference") String reference, @PathParam("id") long id) {
        EvidenceViews.Download file = evidence.download(reference, id);
        return Response.ok(file.content(), file.mediaType())
                .header("Content-Disposition", CaseEvidence.attachment(file.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Cache-Control", "no-store")
                .build();
    }

    @POST
    @Path("/cases/{reference}/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@PathParam("reference") String reference, @FormParam("version") int version) {
        return change(reference, CaseNotice.CLAIMED, () -> cases.claim(reference, version));
    }

    @POST
    @Path("/cases/{reference}/assign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("assignee") String assignee) {
        return change(reference, CaseNotice.ASSIGNED, () -> cases.assignTo(reference, version, assignee));
    }

    @POST
    @Path("/cases/{reference}/release")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response release(@PathParam("reference") String reference, @FormParam("version") int version) {
        return change(reference, CaseNotice.RELEASED, () -> cases.release(reference, version));
    }

    @POST
    @Path("/cases/{reference}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("reassignee") String reassignee, @FormParam("note") String note) {
        return change(reference, CaseNotice.REASSIGNED, () -> cases.reassign(reference, version, reassignee, note));
    }

    @POST
    @Path("/cases/{reference}/transfer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response transfer(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("queue") String queue, @FormParam("reason") String reason) {
        return change(reference, CaseNotice.TRANSFERRED, () -> cases.transfer(reference, version, queue, reason));
    }

    @POST
    @Path("/cases/{reference}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("reference") String reference, @FormParam("text") String text,
            @FormParam("visibility") String visibility) {
        boolean visible = "public".equals(visibility);
        return change(reference, visible ? CaseNotice.PUBLIC_UPDATE : CaseNotice.INTERNAL_NOTE,
                () -> cases.addUpdate(reference, text, visible));
    }

    @POST
    @Path("/cases/{reference}/close")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("outcome") String outcome) {
        return change(reference, CaseNotice.CLOSED, () -> cases.close(reference, version, outcomeOf(outcome)));
    }

    @POST
    @Path("/cases/{reference}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAction(@PathParam("reference") String reference, @FormParam("type") String type,
            @FormParam("description") String description, @FormParam("owner") String owner,
            @FormParam("dueOn-day") String day, @FormParam("dueOn-month") String month, @FormParam("dueOn-year") String year,
            @FormParam("appliesWhere") String where, @FormParam("fromDate-day") String fromDay,
            @FormParam("fromDate-month") String fromMonth, @FormParam("fromDate-year") String fromYear,
            @FormParam("fromTime") String fromTime, @FormParam("untilDate-day") String untilDay,
            @FormParam("untilDate-month") String untilMonth, @FormParam("untilDate-year") String untilYear,
            @FormParam("untilTime") String untilTime) {
        return change(reference, CaseNotice.ACTION, () -> actions.add(reference,
                new ActionService.ActionForm(type, description, owner, date(day, month, year), where,
                        date(fromDay, fromMonth, fromYear), fromTime, date(untilDay, untilMonth, untilYear), untilTime)));
    }

    @POST
    @Path("/cases/{reference}/actions/{id}/result")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordResult(@PathParam("reference") String reference, @PathParam("id") long id,
            @FormParam("actionVersion") Integer version, @FormParam("status") String status,
            @FormParam("result") String result) {
        return change(reference, CaseNotice.RESULT, () -> actions.recordResult(reference, id, new ActionService.ResultForm(status, result, version)));
    }

    @POST
    @Path("/cases/{reference}/links")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response link(@PathParam("reference") String reference, @FormParam("otherReference") String other) {
        return change(reference, CaseNotice.LINKED, () -> links.link(reference, other));
    }

    @POST
    @Path("/cases/{reference}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response merge(@PathParam("reference") String reference, @FormParam("version") int version,
            @FormParam("otherReference") String other) {
        return change(reference, CaseNotice.MERGED, () -> links.merge(reference, version, other));
    }

    @POST
    @Path("/cases/{reference}/perpetrators")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addPerpetrator(@PathParam("reference") String reference, @FormParam("name") String name,
            @FormParam("aliases") String aliases, @FormParam("dateOfBirth-day") String day,
            @FormParam("dateOfBirth-month") String month, @FormParam("dateOfBirth-year") String year,
            @FormParam("address") String address, @FormParam("description") String description,
            @FormParam("notes") String notes, @FormParam("ageBand") String ageBand, @FormParam("sex") String sex,
            @FormParam("ethnicity") String ethnicity, @FormParam("disability") String disability) {
        return change(reference, CaseNotice.PERPETRATOR, () -> perpetrators.add(reference, new PerpetratorService.PerpetratorForm(name, aliases,
                date(day, month, year), address, description, notes, ageBand, sex, ethnicity, disability)));
    }

    @POST
    @Path("/cases/{reference}/perpetrators/link")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response linkPerpetrator(@PathParam("reference") String reference, @FormParam("perpetratorId") Long id) {
        return change(reference, CaseNotice.PERPETRATOR_LINKED, () -> perpetrators.link(reference, id));
    }

    @POST
    @Path("/cases/{reference}/perpetrators/{id}/unlink")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlinkPerpetrator(@PathParam("reference") String reference, @PathParam("id") long id) {
        return change(reference, CaseNotice.PERPETRATOR_UNLINKED, () -> perpetrators.unlink(reference, id));
    }

    /**
     * Post/redirect/get on success, back to the case with {@code notice} confirmed (or to my queues when
     * it left them); the case page with the problem otherwise, nothing overwritten.
     */
    private Response change(String reference, CaseNotice notice, Supplier<?> operation) {
        try {
            boolean stillMine = !(operation.get() instanceof CaseView changed) || cases.mayWorkQueue(changed.queueCode());
            String back = "/staff/cases/" + AccessCodes.normaliseReference(reference) + "?done=" + notice.code();
            return Response.seeOther(URI.create(stillMine ? back : "/staff")).build();
        } catch (InvalidSubmissionException e) {
            return Response.status(400).entity(page(cases.view(reference), e.errors().get(0).message())).build();
        } catch (CaseConflictException e) {
            return Response.status(409).entity(page(cases.view(reference), e.getMessage())).build();
        } catch (OtherCaseNotFoundException e) {
            return Response.status(404).entity(page(cases.view(reference), e.getMessage())).build();
        }
    }

    /** The three boxes of a GOV.UK date input as one ISO-like date; the service checks it is real. */
    private static String date(String day, String month, String year) {
        return (year == null ? "" : year.strip()) + "-" + (month == null ? "" : month.strip()) + "-"
                + (day == null ? "" : day.strip());
    }

    private TemplateInstance page(CaseView view, String error) {
        return page(view, error, null, null, null);
    }

    private TemplateInstance page(CaseView view, String error, String find, List<PerpetratorMatch> matches, String notice) {
        return page(view, error, find, matches, notice, null);
    }

    private TemplateInstance page(CaseView view, String error, String find, List<PerpetratorMatch> matches, String notice,
            String template) {
        return Templates.caseDetail(staff.account().displayName, view, cases.officersFor(view.reference()),
                view.mayHandOn() ? cases.reassigneesFor(view.reference()) : List.of(), cases.allQueues(),
                List.of(Outcome.values()), List.of(ActionType.values()), find, matches, error, notice,
                evidence.files(view.reference()), responses.picker(view, template));
    }

    private static Outcome outcomeOf(String value) {
        try {
            return value == null ? null : Outcome.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
