package org.asbportal.open311;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;

/**
 * Open311 GeoReport v2, read side: discovery, services, service definitions, requests, tokens and
 * FixMyStreet's service request updates, as XML or JSON by the path's suffix. Public: no key is
 * needed to read, and nothing personal is published. Service requests are sent to
 * {@link Open311RequestRoute}. Not in the portal's OpenAPI document: the discovery document describes it.
 */
@Path("/open311")
public class Open311Resource {

    private final Open311Service open311;
    private final Open311Writer writer;

    public Open311Resource(Open311Service open311, Open311Writer writer) {
        this.open311 = open311;
        this.writer = writer;
    }

    @GET
    @Path("/discovery.{format}")
    public Response discovery(@PathParam("format") String format) {
        return answer(format, open311::discovery);
    }

    @GET
    @Path("/v2/services.{format}")
    public Response services(@PathParam("format") String format) {
        return answer(format, open311::services);
    }

    @GET
    @Path("/v2/services/{code}.{format}")
    public Response service(@PathParam("code") String code, @PathParam("format") String format) {
        return answer(format, () -> open311.definition(code));
    }

    @GET
    @Path("/v2/requests.{format}")
    public Response requests(@PathParam("format") String format, @QueryParam("service_request_id") String ids,
            @QueryParam("service_code") String serviceCode, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate, @QueryParam("status") String status) {
        return answer(format, () -> open311.requests(ids, serviceCode, startDate, endDate, status));
    }

    @GET
    @Path("/v2/requests/{id}.{format}")
    public Response request(@PathParam("id") String id, @PathParam("format") String format) {
        return answer(format, () -> open311.request(id));
    }

    @GET
    @Path("/v2/tokens/{token}.{format}")
    public Response token(@PathParam("token") String token, @PathParam("format") String format) {
        return answer(format, () -> open311.token(token));
    }

    @GET
    @Path("/v2/servicerequestupdates.{format}")
    public Response updates(@PathParam("format") String format, @QueryParam("start_date") String startDate,
            @QueryParam("end_date") String endDate) {
        return answer(format, () -> open311.updates(startDate, endDate));
    }

    private Response answer(String suffix, Supplier<Open311Document> answer) {
        return Open311Answers.answer(writer, suffix, answer);
    }
}
