package org.asbportal.figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

import org.asbportal.web.PageErrors;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;
import org.asbportal.ward.Ward;

/** Ward summary pages for councillors (their wards) and staff (every ward), with a CSV download. */
@Path("/wards")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER, Role.TRIGGER_COORDINATOR, Role.PLEDGE_REVIEWER,
    Role.COUNCILLOR})
public class WardPageResource {

    @CheckedTemplate(basePath = "ward")
    static class Templates {
        static native TemplateInstance wards(String staffName, List<Ward> wards);

        static native TemplateInstance summary(String staffName, WardSummary summary, String from, String to,
                PageErrors errors, WardCharts.BarChart monthChart, WardCharts.HeatChart patternChart);
    }

    private final WardSummaryService summaries;
    private final WardSummaryCsv csv;
    private final CurrentStaff staff;

    public WardPageResource(WardSummaryService summaries, WardSummaryCsv csv, CurrentStaff staff) {
        this.summaries = summaries;
        this.csv = csv;
        this.staff = staff;
    }

    @GET
    public TemplateInstance wards() {
        return Templates.wards(staff.account().displayName, summaries.readableWards());
    }

    @GET
    @Path("/{code}")
    public TemplateInstance summary(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        WardSummaryService.PageRange asked = summaries.pageRange(from, to);
        WardSummary summary = summaries.summary(code, asked.range());
        return Templates.summary(staff.account().displayName, summary, asked.from(), asked.to(), asked.errors(),
                WardCharts.months(summary.byMonth(), summary.ward().name(), summary.fewerThan()),
                WardCharts.pattern(summary.pattern(), summary.ward().name(), summary.fewerThan()));
    }

    @GET
    @Path("/{code}/summary.csv")
    @Produces("text/csv")
    public Response summaryCsv(@PathParam("code") String code, @QueryParam("from") String from, @QueryParam("to") String to) {
        WardSummary summary = summaries.summary(code, summaries.range(from, to));
        return Response.ok(csv.write(summary), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"ward-" + summary.ward().code() + "-"
                        + summary.from() + "-to-" + summary.to() + ".csv\"")
                .build();
    }
}
