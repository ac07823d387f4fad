package org.asbportal.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document at /q/openapi describes every JSON route the portal has, each with a summary and
 * its errors as problem JSON, and none of the pages for people.
 */
@QuarkusTest
class ApiDocumentTest {

    private record Route(String method, String path, boolean json, boolean html) {
    }

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(GET.class, "get", POST.class, "post",
            PUT.class, "put", DELETE.class, "delete", PATCH.class, "patch");

    /** Every resource method of the portal, found from the classes themselves. */
    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.asbportal")) {
            Class<?> resource = type.reflect();
            Path root = resource.getAnnotation(Path.class);
            if (root == null || resource.isInterface()) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String verb = METHODS.entrySet().stream().filter(e -> method.isAnnotationPresent(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String path = join(root.value(), sub == null ? "" : sub.value());
                Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                        : resource.getAnnotation(Produces.class);
                List<String> types = produces == null ? List.of() : Arrays.asList(produces.value());
                boolean json = types.stream().anyMatch(t -> t.startsWith(MediaType.APPLICATION_JSON));
                boolean html = types.stream().anyMatch(t -> t.startsWith(MediaType.TEXT_HTML))
                        || TemplateInstance.class.isAssignableFrom(method.getReturnType());
                routes.add(new Route(verb, path, json, html));
            }
        }
        return routes;
    }

    private static String join(String root, String sub) {
        String path = ("/" + root + "/" + sub).replaceAll("/+", "/").replaceAll("\\{(\\w+)\\s*:[^}]*}", "{$1}");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static JsonPath document() {
        return given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void everyJsonRouteIsDescribedWithASummaryAndProblemJsonErrors() {
        Map<String, Map<String, Map<String, Object>>> paths = document().getMap("paths");
        List<Route> json = routes().stream().filter(Route::json).toList();
        assertThat(json).as("the JSON routes found").hasSizeGreaterThan(40);

        for (Route route : json) {
            assertThat(paths).as(route.path()).containsKey(route.path());
            Map<String, Object> operation = paths.get(route.path()).get(route.method());
            assertThat(operation).as(route.method() + " " + route.path()).isNotNull();
            assertThat((String) operation.get("summary")).as("summary of " + route.method() + " " + route.path()).isNotBlank();
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            assertThat(responses).as("responses of " + route.method() + " " + route.path()).containsKeys("500", "503");
            responses.forEach((code, response) -> {
                if (code.startsWith("4") || code.startsWith("5")) {
                    assertThat(response.get("content").toString()).as(code + " of " + route.method() + " " + route.path())
                            .contains(Problem.MEDIA_TYPE);
                }
            });
        }
    }

    @Test
    void noPageForPeopleIsInTheDocument() {
        Map<String, Object> paths = document().getMap("paths");
        List<Route> pages = routes().stream().filter(Route::html).toList();
        assertThat(pages).as("the pages found").hasSizeGreaterThan(20);

        for (Route page : pages) {
            assertThat(paths).as(page.method() + " " + page.path()).doesNotContainKey(page.path());
        }
        assertThat(paths.keySet()).allMatch(path -> path.startsWith("/api/"));
    }

    @Test
    void staffRoutesSaySignInIsNeededAndTheReportSubmissionHasExamples() {
        JsonPath document = document();

        assertThat(document.getMap("components.securitySchemes")).containsKeys(ApiDocument.BASIC, ApiDocument.TOKEN);
        assertThat(document.getList("paths.'/api/v1/queues'.get.security")).isNotEmpty();
        assertThat(document.getMap("paths.'/api/v1/queues'.get.responses")).containsKeys("401", "403");
        assertThat(document.getList("paths.'/api/v1/categories'.get.security")).isNull();
        assertThat(document.getMap("paths.'/api/v1/reports'.post.requestBody.content.'application/json'.examples"))
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(document.getMap("paths.'/api/v1/reports'.post.responses")).containsKeys("201", "400", "422", "429");
        assertThat(document.getMap("components.schemas")).containsKeys("Problem", "FieldError", "ReportRequest");
    }

    @Test
    void swaggerUiIsServedInTestAndDevWithAPolicyItCanRunUnder() {
        String csp = given().when().get("/q/swagger-ui/").then().statusCode(200).extract().header("Content-Security-Policy");

        assertThat(csp).contains("frame-ancestors 'none'").contains("script-src 'self' 'unsafe-inline'");
    }
}
