package org.asbportal.pledge;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

import org.asbportal.pledge.AssessmentService.SignForm;
import org.asbportal.pledge.AssessmentViews.AnswerInput;
import org.asbportal.pledge.AssessmentViews.Assessment;
import org.asbportal.pledge.PledgeAccessService.Signed;
import org.asbportal.pledge.QuestionnaireService.QuestionnaireJson;
import org.asbportal.web.InvalidSubmissionException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The PLEDGE self-assessment as JSON. The questionnaire is public; an organisation's assessments
 * need the session cookie its contact gets by following an emailed sign-in link (the same cookie
 * the pages use), and only that organisation's assessments are found.
 */
@Path("/api/v1/pledge")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "ASB Help PLEDGE")
public class PledgeApiResource {

    public record AnswersJson(Long assessmentId, int questionnaireVersion, String status, List<AnswerInput> answers) {
    }

    public record AnswersUpdate(List<AnswerInput> answers) {
    }

    public record SubmitJson(String signedName, String signedRole, Boolean confirm, Boolean listPublicly) {
    }

    private final QuestionnaireService questionnaires;
    private final AssessmentService assessments;
    private final PledgeAccessService access;

    public PledgeApiResource(QuestionnaireService questionnaires, AssessmentService assessments, PledgeAccessService access) {
        this.questionnaires = questionnaires;
        this.assessments = assessments;
        this.access = access;
    }

    @Operation(summary = "The PLEDGE self-assessment questionnaire: sections and questions")
    @GET
    @Path("/questionnaire")
    public QuestionnaireJson questionnaire() {
        return questionnaires.current();
    }

    @Operation(summary = "An assessment's answers (with the PLEDGE session cookie)")
    @APIResponse(responseCode = "404", description = "No such assessment for this session")
    @GET
    @Path("/assessments/{id}/answers")
    public AnswersJson answers(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        return answersOf(assessments.view(signed(session).organisationId(), id));
    }

    /** Saves the answers given (the others are left as they were) and returns them all. */
    @Operation(summary = "Save answers; the others are left as they were")
    @APIResponse(responseCode = "404", description = "No such assessment for this session")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @PUT
    @Path("/assessments/{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    public AnswersJson save(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id, AnswersUpdate body) {
        Long organisationId = signed(session).organisationId();
        if (body == null || body.answers() == null) {
            throw new InvalidSubmissionException("answers", "Send the answers as a list");
        }
        assessments.save(organisationId, id, body.answers());
        return answersOf(assessments.view(organisationId, id));
    }

    @Operation(summary = "Sign and submit the assessment")
    @APIResponse(responseCode = "404", description = "No such assessment for this session")
    @APIResponse(responseCode = "409", description = "Someone changed it since the version sent, or the step is not open now: look again")
    @POST
    @Path("/assessments/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Assessment submit(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id, SubmitJson body) {
        Long organisationId = signed(session).organisationId();
        SubmitJson sign = body == null ? new SubmitJson(null, null, false, false) : body;
        assessments.submit(organisationId, id, new SignForm(sign.signedName(), sign.signedRole(),
                Boolean.TRUE.equals(sign.confirm()), Boolean.TRUE.equals(sign.listPublicly())));
        return assessments.view(organisationId, id);
    }

    /** The report: sections with answers and evidence, scores with their RAG rating, the action plan. */
    @Operation(summary = "The assessment report: answers, scores with RAG ratings, the action plan")
    @APIResponse(responseCode = "404", description = "No such assessment for this session")
    @GET
    @Path("/assessments/{id}/report")
    public Assessment report(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        return assessments.view(signed(session).organisationId(), id);
    }

    private Signed signed(String session) {
        return access.current(session).orElseThrow(() -> new WebApplicationException(401));
    }

    private static AnswersJson answersOf(Assessment assessment) {
        return new AnswersJson(assessment.id(), assessment.questionnaireVersion(), assessment.status().name(),
                assessment.sections().stream().flatMap(s -> s.questions().stream()).map(q -> q.input()).toList());
    }
}
