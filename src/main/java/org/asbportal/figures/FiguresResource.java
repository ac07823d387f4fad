package org.asbportal.figures;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

import org.asbportal.figures.PublicFigures.WardRow;
import org.asbportal.web.CsvText;

/** Open figures: monthly ASB counts by ward for anyone, as a page and as CSV. */
@Path("/figures")
public class FiguresResource {

    @CheckedTemplate(basePath = "figures")
    static class Templates {
        static native TemplateInstance figures(PublicFigures figures);
    }

    private final WardPictureService pictures;

    public FiguresResource(WardPictureService pictures) {
        this.pictures = pictures;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance page() {
        return Templates.figures(pictures.figures());
    }

    @GET
    @Path("/figures.csv")
    @Produces("text/csv")
    public Response csv() {
        PublicFigures figures = pictures.figures();
        List<Object> header = new ArrayList<>(List.of("ward code", "ward"));
        header.addAll(figures.months());
        header.add("total");
        CsvText csv = new CsvText().row(header);
        for (WardRow row : figures.wards()) {
            List<Object> values = new ArrayList<>(List.of(row.code(), row.name()));
            row.counts().forEach(n -> values.add(n == null ? figures.fewerThan() : n));
            values.add(row.total() == null ? figures.fewerThan() : row.total());
            csv.row(values);
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"asb-by-ward-" + figures.from() + "-to-" + figures.to() + ".csv\"")
                .build();
    }

    /** Actions taken, one row per ward, month and kind, small counts withheld. */
    @GET
    @Path("/actions.csv")
    @Produces("text/csv")
    public Response actionsCsv() {
        PublicFigures figures = pictures.figures();
        CsvText csv = new CsvText().row(List.of("ward code", "ward", "month", "action", "count"));
        for (PublicActions.Cell cell : figures.actions().cells()) {
            csv.row(List.of(cell.wardCode(), cell.ward(), cell.month(), cell.kind(),
                    cell.count() == null ? figures.fewerThan() : cell.count()));
        }
        return Response.ok(csv.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"asb-actions-by-ward-" + figures.from() + "-to-"
                        + figures.to() + ".csv\"")
                .build();
    }
}
