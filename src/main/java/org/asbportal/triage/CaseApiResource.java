package org.asbportal.triage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.asbportal.security.Role;
import org.asbportal.triage.ActionService.ActionForm;
import org.asbportal.triage.ActionService.ResultForm;
import org.asbportal.triage.CaseViews.ActionView;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.CaseViews.PerpetratorMatch;
import org.asbportal.triage.PerpetratorService.PerpetratorForm;
import java.util.List;
import org.asbportal.web.InvalidSubmissionException;

/**
 * Cases for integrations and scripts (HTTP Basic). Changes carry the {@code version} the caller
 * last saw; a stale version is a 409 and nothing is overwritten.
 */
@Path("/api/v1/cases/{reference}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class CaseApiResource {

    public record VersionRequest(Integer version) {
    }

    public record AssignRequest(Integer version, String assignee) {
    }

    public record TransferRequest(Integer version, String queue, String reason) {
    }

    public record CloseRequest(Integer version, Outcome outcome) {
    }

    /** {@code {"reference"}}: the other case to link with. */
    public record LinkRequest(String reference) {
    }

    /** {@code {"version","reference"}}: the version of this case seen, and the case it duplicates. */
    public record MergeRequest(Integer version, String reference) {
    }

    /** {@code {"perpetratorId"}} links a known perpetrator; without it, the other fields describe a new one. */
    public record PerpetratorRequest(Long perpetratorId, String name, String aliases, String dateOfBirth, String address,
            String description, String notes, String ageBand, String sex, String ethnicity, String disability) {

        PerpetratorForm form() {
            return new PerpetratorForm(name, aliases, dateOfBirth, address, description, notes, ageBand, sex, ethnicity, disability);
        }
    }

    private final CaseService cases;
    private final ActionService actions;
    private final CaseLinkService links;
    private final PerpetratorService perpetrators;

    public CaseApiResource(CaseService cases, ActionService actions, CaseLinkService links, PerpetratorService perpetrators) {
        this.cases = cases;
        this.actions = actions;
        this.links = links;
        this.perpetrators = perpetrators;
    }

    @GET
    public CaseView get(@PathParam("reference") String reference) {
        return cases.view(reference);
    }

    @POST
    @Path("/claim")
    public CaseView claim(@PathParam("reference") String reference, VersionRequest request) {
        return cases.claim(reference, version(request == null ? null : request.version(), reference));
    }

    @POST
    @Path("/assign")
    public CaseView assign(@PathParam("reference") String reference, AssignRequest request) {
        require(request);
        return cases.assignTo(reference, version(request.version(), reference), request.assignee());
    }

    @POST
    @Path("/transfer")
    public CaseView transfer(@PathParam("reference") String reference, TransferRequest request) {
        require(request);
        return cases.transfer(reference, version(request.version(), reference), request.queue(), request.reason());
    }

    @POST
    @Path("/updates")
    public CaseView update(@PathParam("reference") String reference, UpdatePayload request) {
        require(request);
        return cases.addUpdate(reference, request.text(), Boolean.TRUE.equals(request.isPublic()));
    }

    @POST
    @Path("/close")
    public CaseView close(@PathParam("reference") String reference, CloseRequest request) {
        require(request);
        return cases.close(reference, version(request.version(), reference), request.outcome());
    }

    @POST
    @Path("/actions")
    public Response addAction(@PathParam("reference") String reference, ActionForm request) {
        require(request);
        return Response.status(Response.Status.CREATED).entity(actions.add(reference, request)).build();
    }

    @POST
    @Path("/actions/{id}/result")
    public ActionView recordResult(@PathParam("reference") String reference, @PathParam("id") long id, ResultForm request) {
        require(request);
        return actions.recordResult(reference, id, request);
    }

    @POST
    @Path("/links")
    public CaseView link(@PathParam("reference") String reference, LinkRequest request) {
        require(request);
        return links.link(reference, request.reference());
    }

    @POST
    @Path("/merge")
    public CaseView merge(@PathParam("reference") String reference, MergeRequest request) {
        require(request);
        return links.merge(reference, version(request.version(), reference), request.reference());
    }

    /** Links a known perpetrator (200), or records a new one and links them (201); either way, the case. */
    @POST
    @Path("/perpetrators")
    public Response addPerpetrator(@PathParam("reference") String reference, PerpetratorRequest request) {
        require(request);
        if (request.perpetratorId() != null) {
            return Response.ok(perpetrators.link(reference, request.perpetratorId())).build();
        }
        return Response.status(Response.Status.CREATED).entity(perpetrators.add(reference, request.form())).build();
    }

    @GET
    @Path("/perpetrators")
    public List<PerpetratorMatch> findPerpetrators(@PathParam("reference") String reference, @QueryParam("name") String name) {
        return perpetrators.search(reference, name);
    }

    @DELETE
    @Path("/perpetrators/{id}")
    public CaseView unlinkPerpetrator(@PathParam("reference") String reference, @PathParam("id") long id) {
        return perpetrators.unlink(reference, id);
    }

    /** {@code {"text","public"}}: the JSON name {@code public} is a Java keyword. */
    public record UpdatePayload(String text, @com.fasterxml.jackson.annotation.JsonProperty("public") Boolean isPublic) {
    }

    /** Without a version, the change applies to the case as it is now (scripts that do not track versions). */
    private int version(Integer version, String reference) {
        return version != null ? version : cases.currentVersion(reference);
    }

    private static void require(Object body) {
        if (body == null) {
            throw new InvalidSubmissionException("body", "Send a JSON object");
        }
    }
}
