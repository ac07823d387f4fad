package org.asbportal.figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.asbportal.web.PageErrors;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.Role;

/** The district picture for the officers who work cases: wards ranked, hotspots, when, and the trend. */
@Path("/staff/district")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.TRIAGE_OFFICER, Role.CASEWORKER})
public class DistrictResource {

    @CheckedTemplate(basePath = "ward")
    static class Templates {
        static native TemplateInstance district(String staffName, DistrictPicture district, String from, String to,
                PageErrors errors, WardCharts.BarChart trendChart, WardCharts.HeatChart patternChart);
    }

    private final WardPictureService pictures;
    private final WardSummaryService summaries;
    private final CurrentStaff staff;

    public DistrictResource(WardPictureService pictures, WardSummaryService summaries, CurrentStaff staff) {
        this.pictures = pictures;
        this.summaries = summaries;
        this.staff = staff;
    }

    @GET
    public TemplateInstance district(@QueryParam("from") String from, @QueryParam("to") String to) {
        WardSummaryService.PageRange asked = summaries.pageRange(from, to);
        DistrictPicture district = pictures.district(asked.range());
        return Templates.district(staff.account().displayName, district, asked.from(), asked.to(), asked.errors(),
                WardCharts.months(district.trend(), "the district", "fewer than 1"),
                WardCharts.pattern(district.pattern(), "the district", "fewer than 1"));
    }
}
