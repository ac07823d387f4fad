package org.asbportal.web;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Shapes the OpenAPI document at {@code /q/openapi}: only the JSON API (paths under {@code /api/}),
 * never the pages for people; the two ways scripts sign in; and the errors every operation can
 * really get from {@link ErrorMapper}, each an RFC 9457 {@link Problem}. An operation's own
 * {@code @APIResponse} for an error (404, 409, 422, 429 ...) needs only its code and description:
 * the problem body is filled in here.
 */
public class ApiDocument implements OASFilter {

    static final String API_PREFIX = "/api/";
    /** The names resources give {@code @SecurityRequirement}. */
    public static final String BASIC = "basicAuth";
    public static final String TOKEN = "apiToken";

    private static final String PROBLEM = "Problem";
    private static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            for (String path : List.copyOf(api.getPaths().getPathItems().keySet())) {
                if (!path.startsWith(API_PREFIX)) {
                    api.getPaths().removePathItem(path);
                }
            }
        }
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        components.addSchema(FIELD_ERROR, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("What is wrong with one field of a request")
                .addProperty("field", text("The field, as named in the request (a dotted path for nested ones)"))
                .addProperty("message", text("What is wrong, in words to show the person who typed it")));
        components.addSchema(PROBLEM, OASFactory.createSchema().type(List.of(Schema.SchemaType.OBJECT))
                .description("An RFC 9457 problem detail: every error the API answers, never a stack trace")
                .addProperty("type", text("Always about:blank"))
                .addProperty("title", text("A short, human-readable summary of the kind of problem"))
                .addProperty("status", OASFactory.createSchema().type(List.of(Schema.SchemaType.INTEGER)).description("The HTTP status"))
                .addProperty("detail", text("What happened and what to do about it"))
                .addProperty("instance", text("The path of the request"))
                .addProperty("errors", OASFactory.createSchema().type(List.of(Schema.SchemaType.ARRAY))
                        .description("With 400 for a rejected submission: each field that is wrong")
                        .items(OASFactory.createSchema().ref(FIELD_ERROR))));
        components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("A staff account's username and password"));
        components.addSecurityScheme(TOKEN, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .description("An API token made at /staff/api-tokens: Authorization: Bearer asb_..."));
        if (api.getPaths() != null && api.getPaths().getPathItems() != null) {
            api.getPaths().getPathItems().values().forEach(ApiDocument::describeErrors);
        }
    }

    private static void describeErrors(PathItem item) {
        for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.getOperations().entrySet()) {
            Operation operation = entry.getValue();
            APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
            operation.setResponses(responses);
            boolean body = operation.getRequestBody() != null;
            boolean parameters = body || (operation.getParameters() != null && !operation.getParameters().isEmpty())
                    || (item.getParameters() != null && !item.getParameters().isEmpty());
            boolean signedIn = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
            if (parameters) {
                add(responses, "400", "The request could not be read, or a value is wrong (for a submission, errors lists the fields)");
            }
            if (signedIn) {
                add(responses, "401", "No valid credentials: send HTTP Basic or an API token");
                add(responses, "403", "The account's roles or organisation do not give access to this");
            }
            if (body) {
                add(responses, "413", "The body is larger than the service accepts (1 MiB unless configured)");
                add(responses, "415", "The body is not in a media type the operation reads");
            }
            add(responses, "500", "Something went wrong in the service; nothing is shown to anyone else");
            add(responses, "503", "The database is unreachable or busy; try again after Retry-After seconds");
            responses.getAPIResponses().forEach((code, response) -> {
                if ((code.startsWith("4") || code.startsWith("5")) && (response.getContent() == null
                        || response.getContent().getMediaTypes() == null || response.getContent().getMediaTypes().isEmpty())) {
                    response.setContent(problem());
                }
            });
        }
    }

    private static void add(APIResponses responses, String code, String description) {
        if (responses.getAPIResponse(code) == null) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).description(description);
    }
}
