package org.asbportal.trigger;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.PageErrors;

/**
 * The coordinator downloads the year's case-review data for the Home Office return: a page to choose
 * the year ({@code GET}, no change, so no form token) and the CSV itself.
 */
@Path("/staff/community-trigger/home-office-return")
@RolesAllowed({Role.ADMIN, Role.TRIGGER_COORDINATOR})
public class TriggerReturnResource {

    @CheckedTemplate(basePath = "trigger")
    static class Templates {
        static native TemplateInstance homeOfficeReturn(String staffName, PageErrors errors, String year, String period,
                String startMonth);
    }

    private final TriggerHomeOfficeReturn returns;
    private final TriggerConfig config;
    private final CurrentStaff staff;

    public TriggerReturnResource(TriggerHomeOfficeReturn returns, TriggerConfig config, CurrentStaff staff) {
        this.returns = returns;
        this.config = config;
        this.staff = staff;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance choose() {
        return page(PageErrors.NONE, String.valueOf(returns.defaultYear()), TriggerHomeOfficeReturn.Period.FINANCIAL.name());
    }

    /** The CSV for the year asked; the page again with the problem when the year is not one. */
    @GET
    @Path("/csv")
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response download(@QueryParam("year") String year, @QueryParam("period") String period) {
        TriggerHomeOfficeReturn.Year chosen;
        try {
            chosen = returns.year(year, period);
        } catch (InvalidSubmissionException e) {
            return Response.status(400).type(MediaType.TEXT_HTML_TYPE).entity(page(PageErrors.of(e), year, period)).build();
        }
        return Response.ok(returns.csv(chosen), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"community-trigger-return-"
                        + chosen.period().name().toLowerCase(java.util.Locale.UK) + "-" + chosen.startYear() + ".csv\"")
                .header("Cache-Control", "no-store").build();
    }

    private TemplateInstance page(PageErrors errors, String year, String period) {
        return Templates.homeOfficeReturn(staff.account().displayName, errors, year, period, java.time.Month.of(config.yearStartMonth())
                .getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK));
    }
}
