package org.asbportal.pledge;

import jakarta.ws.rs.core.Context;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.asbportal.web.Calendar;
import org.asbportal.web.PageErrors;
import org.asbportal.pledge.AssessmentService.ActionForm;
import org.asbportal.pledge.AssessmentService.SignForm;
import org.asbportal.pledge.AssessmentViews.AnswerInput;
import org.asbportal.pledge.AssessmentViews.Assessment;
import org.asbportal.pledge.AssessmentViews.QuestionView;
import org.asbportal.pledge.AssessmentViews.SectionView;
import org.asbportal.pledge.AssessmentViews.SignedOrganisation;
import org.asbportal.pledge.AssessmentViews.Summary;
import org.asbportal.pledge.PledgeAccessService.Invitation;
import org.asbportal.pledge.PledgeAccessService.Registration;
import org.asbportal.pledge.PledgeAccessService.Signed;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.security.ClientAddress;
import org.asbportal.security.TooManyAttemptsException;

/**
 * The ASB Help PLEDGE pages for organisations: what the PLEDGE is, registering and signing in with
 * emailed links, and the self-assessment itself. A post that arrives after the session has ended
 * is answered with what was typed, ready to send again once signed in: nothing is lost.
 */
@Path("/pledge")
@Produces(MediaType.TEXT_HTML)
public class PledgeResource {

    /** A posted field that is shown again when it could not be saved. */
    public record Kept(String name, String value) {
    }

    @CheckedTemplate(basePath = "pledge")
    static class Templates {
        static native TemplateInstance start(Signed signed);

        static native TemplateInstance register(Registration form, List<OrganisationType> types, PageErrors errors);

        static native TemplateInstance checkEmail();

        static native TemplateInstance signIn(String email, PageErrors errors);

        static native TemplateInstance verify(String token, boolean usable);

        static native TemplateInstance assessments(Signed signed, List<Summary> assessments);

        static native TemplateInstance colleagues(Signed signed, List<PledgeContact> colleagues, Invitation form,
                PageErrors errors, boolean invited);

        static native TemplateInstance overview(Signed signed, Assessment assessment);

        static native TemplateInstance section(Signed signed, Long assessmentId, SectionView section, int number, int total,
                PageErrors errors, boolean signedOut);

        static native TemplateInstance results(Signed signed, Assessment assessment, PledgeScoring scoring, ActionForm form,
                PageErrors errors);

        static native TemplateInstance submit(Signed signed, Assessment assessment, SignForm form, PageErrors errors,
                LocalDate today);

        static native TemplateInstance report(Assessment assessment, PledgeScoring scoring);

        static native TemplateInstance signedOut(String action, List<Kept> fields);

        static native TemplateInstance signed(List<SignedOrganisation> organisations);
    }

    private final PledgeAccessService access;
    private final AssessmentService assessments;
    private final ReviewService reviews;
    private final PledgeCookie cookie;

    private final Calendar calendar;

    public PledgeResource(PledgeAccessService access, AssessmentService assessments, ReviewService reviews, PledgeCookie cookie, Calendar calendar) {
        this.calendar = calendar;
        this.access = access;
        this.assessments = assessments;
        this.reviews = reviews;
        this.cookie = cookie;
    }

    @GET
    public TemplateInstance start(@CookieParam(PledgeCookie.NAME) String session) {
        return Templates.start(access.current(session).orElse(null));
    }

    @GET
    @Path("/signed")
    public TemplateInstance signed() {
        return Templates.signed(reviews.signed());
    }

    @GET
    @Path("/register")
    public TemplateInstance registerForm() {
        return Templates.register(new Registration("", null, "", ""), List.of(OrganisationType.values()), PageErrors.NONE);
    }

    @POST
    @Path("/register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@FormParam("organisationName") String organisationName, @FormParam("type") String type,
            @FormParam("contactName") String contactName, @FormParam("email") String email, @Context HttpServerRequest http) {
        Registration form = new Registration(organisationName, type, contactName, email);
        try {
            access.register(form, ClientAddress.of(http));
            return seeOther("/pledge/check-email");
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.register(form, List.of(OrganisationType.values()), PageErrors.of(e)));
        } catch (TooManyAttemptsException e) {
            return waitThen(Templates.register(form, List.of(OrganisationType.values()), PageErrors.of("email", e.getMessage())), e);
        }
    }

    @GET
    @Path("/check-email")
    public TemplateInstance checkEmail() {
        return Templates.checkEmail();
    }

    @GET
    @Path("/sign-in")
    public TemplateInstance signInForm() {
        return Templates.signIn("", PageErrors.NONE);
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestLink(@FormParam("email") String email, @Context HttpServerRequest http) {
        try {
            access.requestLink(email, ClientAddress.of(http));
            return seeOther("/pledge/check-email");
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.signIn(email, PageErrors.of(e)));
        } catch (TooManyAttemptsException e) {
            return waitThen(Templates.signIn(email, PageErrors.of("email", e.getMessage())), e);
        }
    }

    /** The emailed link: a page with a button, so that a mail scanner fetching the link does not spend it. */
    @GET
    @Path("/verify")
    public Response verifyPage(@QueryParam("token") String token) {
        boolean usable = access.linkUsable(token);
        return page(usable ? 200 : 404, Templates.verify(token, usable));
    }

    @POST
    @Path("/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("token") String token) {
        Optional<String> session = access.signIn(token);
        if (session.isEmpty()) {
            return page(404, Templates.verify(token, false));
        }
        return Response.seeOther(URI.create("/pledge/assessments")).cookie(cookie.session(session.get()))
                .header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut(@CookieParam(PledgeCookie.NAME) String session) {
        access.signOut(session);
        return Response.seeOther(URI.create("/pledge")).cookie(cookie.cleared()).build();
    }

    @GET
    @Path("/assessments")
    public Response list(@CookieParam(PledgeCookie.NAME) String session) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.assessments(signed.get(), assessments.list(signed.get().organisationId())));
    }

    @POST
    @Path("/assessments")
    public Response startAssessment(@CookieParam(PledgeCookie.NAME) String session) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return page(401, Templates.signedOut("/pledge/assessments", List.of()));
        }
        return seeOther("/pledge/assessments/" + assessments.start(signed.get().organisationId()));
    }

    @GET
    @Path("/colleagues")
    public Response colleagues(@CookieParam(PledgeCookie.NAME) String session, @QueryParam("invited") boolean invited) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.colleagues(signed.get(), access.colleagues(signed.get()), new Invitation("", ""),
                PageErrors.NONE, invited));
    }

    @POST
    @Path("/colleagues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response invite(@CookieParam(PledgeCookie.NAME) String session, @FormParam("name") String name,
            @FormParam("email") String email) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return page(401, Templates.signedOut("/pledge/colleagues", List.of(new Kept("name", name), new Kept("email", email))));
        }
        Invitation form = new Invitation(name, email);
        try {
            access.invite(signed.get(), form);
            return seeOther("/pledge/colleagues?invited=true");
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.colleagues(signed.get(), access.colleagues(signed.get()), form, PageErrors.of(e), false));
        }
    }

    @GET
    @Path("/assessments/{id}")
    public Response overview(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.overview(signed.get(), assessments.view(signed.get().organisationId(), id)));
    }

    @GET
    @Path("/assessments/{id}/sections/{code}")
    public Response section(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id,
            @PathParam("code") String code) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        Assessment assessment = assessments.view(signed.get().organisationId(), id);
        SectionView section = sectionOrNotFound(assessment, code);
        if (!assessment.editable()) {
            return seeOther("/pledge/assessments/" + id);
        }
        return page(200, Templates.section(signed.get(), id, section, number(assessment, code), assessment.sections().size(),
                PageErrors.NONE, false));
    }

    /** Saves the section's answers and goes to the next section, or to the task list after the last. */
    @POST
    @Path("/assessments/{id}/sections/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveSection(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id,
            @PathParam("code") String code, MultivaluedMap<String, String> form) {
        List<AnswerInput> inputs = inputs(form);
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            SectionView typed = assessments.typedSection(code, inputs);
            return page(401, Templates.section(null, id, typed, 0, 0, PageErrors.NONE, true));
        }
        Long organisationId = signed.get().organisationId();
        Assessment assessment = assessments.view(organisationId, id);
        SectionView section = sectionOrNotFound(assessment, code);
        try {
            assessments.save(organisationId, id, inputs);
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.section(signed.get(), id, withInputs(section, inputs), number(assessment, code),
                    assessment.sections().size(), PageErrors.of(e), false));
        }
        String next = assessments.nextSection(organisationId, id, code);
        return seeOther("/pledge/assessments/" + id + (next == null ? "" : "/sections/" + next));
    }

    @GET
    @Path("/assessments/{id}/results")
    public Response results(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.results(signed.get(), assessments.view(signed.get().organisationId(), id),
                assessments.scoring(), new ActionForm(null, "", "", "", "", ""), PageErrors.NONE));
    }

    @POST
    @Path("/assessments/{id}/actions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addAction(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id,
            @FormParam("questionId") String questionId, @FormParam("description") String description,
            @FormParam("owner") String owner, @FormParam("targetDate-day") String day,
            @FormParam("targetDate-month") String month, @FormParam("targetDate-year") String year) {
        ActionForm form = new ActionForm(questionId, description, owner, day, month, year);
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return page(401, Templates.signedOut("/pledge/assessments/" + id + "/actions", List.of(
                    new Kept("questionId", questionId), new Kept("description", description), new Kept("owner", owner),
                    new Kept("targetDate-day", day), new Kept("targetDate-month", month), new Kept("targetDate-year", year))));
        }
        try {
            assessments.addAction(signed.get().organisationId(), id, form);
            return seeOther("/pledge/assessments/" + id + "/results#action-plan");
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.results(signed.get(), assessments.view(signed.get().organisationId(), id),
                    assessments.scoring(), form, PageErrors.of(e)));
        }
    }

    @GET
    @Path("/assessments/{id}/submit")
    public Response submitForm(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.submit(signed.get(), assessments.view(signed.get().organisationId(), id),
                new SignForm("", "", false, false), PageErrors.NONE, today()));
    }

    @POST
    @Path("/assessments/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id,
            @FormParam("signedName") String name, @FormParam("signedRole") String role,
            @FormParam("confirm") String confirm, @FormParam("listPublicly") String listPublicly) {
        SignForm form = new SignForm(name, role, "yes".equals(confirm), "yes".equals(listPublicly));
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            List<Kept> kept = new ArrayList<>(List.of(new Kept("signedName", name), new Kept("signedRole", role)));
            if (form.confirm()) {
                kept.add(new Kept("confirm", "yes"));
            }
            if (form.listPublicly()) {
                kept.add(new Kept("listPublicly", "yes"));
            }
            return page(401, Templates.signedOut("/pledge/assessments/" + id + "/submit", kept));
        }
        try {
            assessments.submit(signed.get().organisationId(), id, form);
            return seeOther("/pledge/assessments/" + id + "/report");
        } catch (InvalidSubmissionException e) {
            return page(400, Templates.submit(signed.get(), assessments.view(signed.get().organisationId(), id), form,
                    PageErrors.of(e), today()));
        }
    }

    @GET
    @Path("/assessments/{id}/report")
    public Response report(@CookieParam(PledgeCookie.NAME) String session, @PathParam("id") Long id) {
        Optional<Signed> signed = access.current(session);
        if (signed.isEmpty()) {
            return toSignIn();
        }
        return page(200, Templates.report(assessments.view(signed.get().organisationId(), id), assessments.scoring()));
    }

    static List<AnswerInput> inputs(MultivaluedMap<String, String> form) {
        List<AnswerInput> inputs = new ArrayList<>();
        List<String> ids = form.get("question");
        if (ids == null) {
            return inputs;
        }
        for (String raw : ids) {
            Long id;
            try {
                id = Long.valueOf(raw);
            } catch (NumberFormatException e) {
                continue;
            }
            inputs.add(new AnswerInput(id, form.getFirst("answer-" + id), form.getFirst("evidence-" + id),
                    form.getFirst("link-" + id), form.getFirst("note-" + id)));
        }
        return inputs;
    }

    private static SectionView withInputs(SectionView section, List<AnswerInput> inputs) {
        List<QuestionView> questions = section.questions().stream().map(q -> {
            AnswerInput typed = inputs.stream().filter(i -> i.questionId().equals(q.id())).findFirst().orElse(q.input());
            return new QuestionView(q.id(), q.code(), q.area(), q.text(), q.hint(), q.suggestedAction(), typed);
        }).toList();
        return new SectionView(section.id(), section.code(), section.title(), section.description(), questions);
    }

    private static SectionView sectionOrNotFound(Assessment assessment, String code) {
        SectionView section = assessment.section(code);
        if (section == null) {
            throw new jakarta.ws.rs.NotFoundException("No section with that name in this assessment");
        }
        return section;
    }

    private static int number(Assessment assessment, String code) {
        return assessment.sections().indexOf(assessment.section(code)) + 1;
    }

    private LocalDate today() {
        return calendar.today();
    }

    private static Response toSignIn() {
        return seeOther("/pledge/sign-in");
    }

    private static Response seeOther(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status).entity(page).header("Cache-Control", "no-store").build();
    }

    /** The form again with what was typed, saying how long to wait (429 with Retry-After). */
    private static Response waitThen(TemplateInstance form, TooManyAttemptsException e) {
        return Response.status(429).entity(form).header("Cache-Control", "no-store")
                .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).build();
    }
}
