package org.asbportal.admin;

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

import org.asbportal.web.PageErrors;
import org.asbportal.admin.AccountViews.AccountChoices;
import org.asbportal.admin.AccountViews.AccountDetail;
import org.asbportal.admin.AccountViews.AccountPage;
import org.asbportal.security.Role;
import org.asbportal.security.StaffAccount;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators list, create and edit staff accounts, reset their passwords and unlock them. */
@Path("/admin/accounts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AccountAdminResource {

    @CheckedTemplate(basePath = "admin")
    static class Templates {
        static native TemplateInstance accounts(AccountPage page, AccountChoices choices);

        static native TemplateInstance accountNew(AccountForm form, AccountChoices choices, PageErrors errors);

        static native TemplateInstance accountEdit(AccountDetail account, AccountForm form, AccountChoices choices,
                PageErrors errors, String conflict, String saved);
    }

    private final AccountAdminService accounts;
    private final ApiTokenPages tokens;

    public AccountAdminResource(AccountAdminService accounts, ApiTokenPages tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GET
    public TemplateInstance list(@QueryParam("organisation") String organisation, @QueryParam("role") String role,
            @QueryParam("status") String status, @QueryParam("page") String page) {
        return Templates.accounts(accounts.list(AccountFilter.of(organisation, role, status), page), accounts.choices());
    }

    @GET
    @Path("/new")
    public TemplateInstance newForm() {
        AccountForm form = new AccountForm();
        form.active = "yes";
        return Templates.accountNew(form, accounts.choices(), PageErrors.NONE);
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@BeanParam AccountForm form) {
        try {
            StaffAccount created = accounts.create(form);
            return Response.seeOther(URI.create("/admin/accounts/" + created.id + "?saved=created")).build();
        } catch (InvalidSubmissionException e) {
            form.password = null;
            return Response.status(400).entity(Templates.accountNew(form, accounts.choices(), PageErrors.of(e))).build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance edit(@PathParam("id") String id, @QueryParam("saved") String saved) {
        AccountDetail detail = accounts.detail(id);
        return Templates.accountEdit(detail, detail.form(), accounts.choices(), PageErrors.NONE, null, savedMessage(saved));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") String id, @BeanParam AccountForm form) {
        return change(id, form, () -> accounts.update(id, form), "updated");
    }

    @POST
    @Path("/{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetPassword(@PathParam("id") String id, @FormParam("version") String version,
            @FormParam("password") String password) {
        return change(id, null, () -> accounts.resetPassword(id, version, password), "password");
    }

    @POST
    @Path("/{id}/unlock")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unlock(@PathParam("id") String id, @FormParam("version") String version) {
        return change(id, null, () -> accounts.unlock(id, version), "unlocked");
    }

    /** Forgets the account's authenticator app and recovery codes (a lost phone); it is set up again at the next sign-in if required. */
    @POST
    @Path("/{id}/two-factor/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetTwoFactor(@PathParam("id") String id, @FormParam("version") String version) {
        return change(id, null, () -> accounts.resetTwoFactor(id, version), "two-factor-reset");
    }

    /** The account's API tokens: administrators make and revoke tokens of any account. */
    @GET
    @Path("/{id}/tokens")
    public TemplateInstance tokens(@PathParam("id") String id, @QueryParam("saved") String saved) {
        return ApiTokenTemplates.of(tokens.ofAccount(id), ApiTokenTemplates.savedMessage(saved));
    }

    /** The new token is shown on this response only. */
    @POST
    @Path("/{id}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@PathParam("id") String id, @FormParam("name") String name, @FormParam("days") String days,
            @FormParam("open311Write") String open311Write, @FormParam("open311Services") List<String> open311Services) {
        return ApiTokenResource.createAndShow(tokens, () -> tokens.ofAccount(id), name, days, open311Write, open311Services);
    }

    @POST
    @Path("/{id}/tokens/{token}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("id") String id, @PathParam("token") String token) {
        ApiTokenPages.TokenPage page = tokens.ofAccount(id);
        tokens.revoke(page, token);
        return Response.seeOther(URI.create(page.basePath() + "?saved=revoked")).build();
    }

    /**
     * Post/redirect/get on success; otherwise the account page again, with the problems by the form
     * that had them (400) or, when someone else changed the account first, the account as it is now (409).
     */
    private Response change(String id, AccountForm form, Supplier<StaffAccount> operation, String saved) {
        try {
            StaffAccount changed = operation.get();
            return Response.seeOther(URI.create("/admin/accounts/" + changed.id + "?saved=" + saved)).build();
        } catch (InvalidSubmissionException e) {
            AccountDetail detail = accounts.detail(id);
            AccountForm shown = form == null ? detail.form() : withUsername(form, detail);
            return Response.status(400).entity(Templates.accountEdit(detail, shown, accounts.choices(), PageErrors.of(e),
                    null, null)).build();
        } catch (AdminConflictException e) {
            AccountDetail detail = accounts.detail(id);
            return Response.status(409).entity(Templates.accountEdit(detail, detail.form(), accounts.choices(),
                    PageErrors.NONE, e.getMessage(), null)).build();
        }
    }

    private static AccountForm withUsername(AccountForm form, AccountDetail detail) {
        form.username = detail.username();
        form.version = String.valueOf(detail.version());
        return form;
    }

    private static String savedMessage(String saved) {
        if (saved == null) {
            return null;
        }
        return switch (saved) {
            case "created" -> "Account created";
            case "updated" -> "Changes saved";
            case "password" -> "New password set. Tell the person it by a different route from their username";
            case "unlocked" -> "Account unlocked";
            case "two-factor-reset" -> "Two-factor sign-in reset: the account's sessions have ended";
            default -> null;
        };
    }
}
