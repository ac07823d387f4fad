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
import java.util.List;

import org.asbportal.security.Role;
import org.asbportal.triage.ActionService.ActionForm;
import org.asbportal.triage.ActionService.ResultForm;
import org.asbportal.triage.CaseViews.ActionView;
import org.asbportal.triage.CaseViews.CaseView;
import org.asbportal.triage.CaseViews.PerpetratorMatch;
import org.asbportal.triage.PerpetratorService.PerpetratorForm;
import org.asbportal.web.ApiDocument;
import org.asbportal.web.InvalidSubmissionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Cases for integrations and scripts (HTTP Basic). Changes carry the {@code version} the caller
 * last saw; a stale version is a 409 and nothing is overwritten.
 */
@Path("/api/v1/cases/{reference}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
@Tag(name = "Cases")
@SecurityRequirement(name = ApiDocument.BASIC)
@SecurityRequirement(name = ApiDocument.TOKEN)
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

    @Operation(summary = "A case: the report, its queue item, timeline, actions, links and perpetrators; for a case "
            + "restricted to other agencies, only {reference, restricted: true, askName, askOrganisation}")
    @APIResponse(responseCode = "200", description = "The case, or the stub of a case restricted to other agencies")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @GET
    public Response get(@PathParam("reference") String reference) {
        try {
            return Response.ok(cases.view(reference)).build();
        } catch (CaseRestrictedException e) {
            return Response.ok(e.stub()).build();
        }
    }

    @Operation(summary = "Assign the case to yourself")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/claim")
    public CaseView claim(@PathParam("reference") String reference, VersionRequest request) {
        return cases.claim(reference, version(request == null ? null : request.version(), reference));
    }

    @Operation(summary = "Assign the case to a member of staff, or to no one")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/assign")
    public CaseView assign(@PathParam("reference") String reference, AssignRequest request) {
        require(request);
        return cases.assignTo(reference, version(request.version(), reference), request.assignee());
    }

    @Operation(summary = "Move the case to another queue")
    @APIResponse(responseCode = "404", description = "No such case or queue")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/transfer")
    public CaseView transfer(@PathParam("reference") String reference, TransferRequest request) {
        require(request);
        return cases.transfer(reference, version(request.version(), reference), request.queue(), request.reason());
    }

    @Operation(summary = "Add an update: internal, or public (the victim sees it and may be emailed)")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/updates")
    public CaseView update(@PathParam("reference") String reference, UpdatePayload request) {
        require(request);
        return cases.addUpdate(reference, request.text(), Boolean.TRUE.equals(request.isPublic()));
    }

    @Operation(summary = "Close the case with an outcome")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/close")
    public CaseView close(@PathParam("reference") String reference, CloseRequest request) {
        require(request);
        return cases.close(reference, version(request.version(), reference), request.outcome());
    }

    @Operation(summary = "Record an action taken or planned")
    @APIResponse(responseCode = "201", description = "The action")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/actions")
    public Response addAction(@PathParam("reference") String reference, ActionForm request) {
        require(request);
        return Response.status(Response.Status.CREATED).entity(actions.add(reference, request)).build();
    }

    @Operation(summary = "Record an action's result")
    @APIResponse(responseCode = "404", description = "No such case or action")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/actions/{id}/result")
    public ActionView recordResult(@PathParam("reference") String reference, @PathParam("id") long id, ResultForm request) {
        require(request);
        return actions.recordResult(reference, id, request);
    }

    @Operation(summary = "Link another case to this one")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/links")
    public CaseView link(@PathParam("reference") String reference, LinkRequest request) {
        require(request);
        return links.link(reference, request.reference());
    }

    @Operation(summary = "Merge this case into the case it duplicates")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/merge")
    public CaseView merge(@PathParam("reference") String reference, MergeRequest request) {
        require(request);
        return links.merge(reference, version(request.version(), reference), request.reference());
    }

    /** Links a known perpetrator (200), or records a new one and links them (201); either way, the case. */
    @Operation(summary = "Link a known perpetrator, or record a new one and link them")
    @APIResponse(responseCode = "201", description = "A new perpetrator was recorded and linked: the case")
    @APIResponse(responseCode = "404", description = "No such case or perpetrator")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/perpetrators")
    public Response addPerpetrator(@PathParam("reference") String reference, PerpetratorRequest request) {
        require(request);
        if (request.perpetratorId() != null) {
            return Response.ok(perpetrators.link(reference, request.perpetratorId())).build();
        }
        return Response.status(Response.Status.CREATED).entity(perpetrators.add(reference, request.form())).build();
    }

    @Operation(summary = "Known perpetrators whose name or alias matches")
    @APIResponse(responseCode = "404", description = "No such case in your queues")
    @GET
    @Path("/perpetrators")
    public List<PerpetratorMatch> findPerpetrators(@PathParam("reference") String reference, @QueryParam("name") String name) {
        return perpetrators.search(reference, name);
    }

    @Operation(summary = "Unlink a perpetrator from the case")
    @APIResponse(responseCode = "404", description = "No such case or perpetrator")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
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
