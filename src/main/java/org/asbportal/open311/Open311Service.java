package org.asbportal.open311;

import static org.asbportal.open311.Open311Document.fields;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.report.PublicReports;
import org.asbportal.report.PublicReports.PublicReport;
import org.asbportal.report.PublicReports.PublicUpdate;
import org.asbportal.report.ReportService;
import org.asbportal.report.ReportSubmission;
import org.asbportal.report.SubmittedReport;
import org.asbportal.security.ApiTokens;
import org.asbportal.security.TooManyAttemptsException;
import org.asbportal.ward.Places;
import org.asbportal.web.Calendar;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.SiteConfig;

/**
 * The portal as an Open311 GeoReport v2 server: its discovery document, one service per kind of
 * behaviour, service requests taken as reports (through the one report pipeline) and published as
 * the public may see them ({@link PublicReports}), and FixMyStreet's updates extension. Reading needs
 * no key; sending a request needs an API key allowed to send it. Every problem is an
 * {@link Open311Problem}, never anything else.
 */
@ApplicationScoped
public class Open311Service {

    static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";
    static final int MAX_IDS = 100;
    static final int MAX_NAME = 80;
    /** The dates a search may name: any report is well inside them. */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final CategoryService categories;
    private final ReportService reports;
    private final PublicReports published;
    private final Places places;
    private final ApiTokens tokens;
    private final Calendar calendar;
    private final Open311Config config;
    private final SiteConfig site;

    public Open311Service(CategoryService categories, ReportService reports, PublicReports published, Places places,
            ApiTokens tokens, Calendar calendar, Open311Config config, SiteConfig site) {
        this.categories = categories;
        this.reports = reports;
        this.published = published;
        this.places = places;
        this.tokens = tokens;
        this.calendar = calendar;
        this.config = config;
        this.site = site;
    }

    /** The discovery document: who to contact, how to get a key, and the one production endpoint. */
    Open311Document discovery() {
        String url = site.baseUrl().replaceAll("/+$", "") + "/open311/v2";
        return Open311Document.object("discovery", fields(
                "changeset", config.changeset(),
                "contact", config.contact(),
                "key_service", config.keyService(),
                "endpoints", new Open311Document.Repeated("endpoint", List.of(fields(
                        "specification", SPECIFICATION,
                        "url", url,
                        "changeset", config.changeset(),
                        "type", "production",
                        "formats", new Open311Document.Repeated("format", List.of("text/xml", "application/json")))))));
    }

    /** One service per kind of behaviour residents can report. */
    Open311Document services() {
        return Open311Document.list("services", "service", categories.all().stream().map(c -> fields(
                "service_code", c.code(),
                "service_name", c.name(),
                "description", c.hint(),
                "metadata", true,
                "type", "realtime",
                "keywords", keywords(c),
                "group", c.group().label())).toList());
    }

    /** The questions asked beyond the standard fields, for the service with this code. */
    Open311Document definition(String code) {
        CategoryRef service = service(code).orElseThrow(() -> Open311Problem.notFound("No service has the code " + code));
        List<Map<String, Object>> attributes = new ArrayList<>();
        int order = 1;
        for (Open311Attributes.Attribute a : Open311Attributes.ALL) {
            attributes.add(fields(
                    "variable", true,
                    "code", a.code(),
                    "datatype", a.datatype(),
                    "required", a.required(),
                    "datatype_description", a.datatypeDescription(),
                    "order", order++,
                    "description", a.description(),
                    "values", new Open311Document.Repeated("value", a.values().stream()
                            .map(v -> fields("key", v.key(), "name", v.name())).toList())));
        }
        return Open311Document.object("service_definition", fields(
                "service_code", service.code(),
                "attributes", new Open311Document.Repeated("attribute", attributes)));
    }

    /**
     * Takes a service request as a report, with a valid API key allowed to send requests for its
     * service: the same validation, risk screening, routing and duplicate linking as every report.
     */
    @ActivateRequestContext
    public Open311Document submit(Map<String, List<String>> form) {
        ApiTokens.Open311Key key = key(one(form, "api_key"));
        if (!key.scope().write()) {
            throw Open311Problem.forbidden("This API key may read but not send service requests");
        }
        String code = one(form, "service_code");
        if (code == null) {
            throw Open311Problem.badRequest("Send the service_code of the kind of behaviour being reported");
        }
        CategoryRef service = service(code).orElseThrow(() -> Open311Problem.badRequest(
                "No service has the code " + code + ": the services list gives every code"));
        if (!key.scope().mayWrite(service.code())) {
            throw Open311Problem.forbidden("This API key may not send requests for the service " + service.code());
        }
        Open311Submission request = Open311Submission.of(form, service.code(), places, calendar);
        SubmittedReport saved;
        try {
            saved = reports.submitWithKey(request.submission(), key);
        } catch (InvalidSubmissionException e) {
            throw new Open311Problem(400, e.errors().stream().map(Open311Service::describe).distinct().toList());
        } catch (TooManyAttemptsException e) {
            throw new Open311Problem(429, List.of(e.getMessage()), Math.max(1, e.retryAfter().toSeconds()));
        }
        String notice = "Report " + saved.reference() + " received: " + (saved.handledBy() == null ? "the partnership"
                : saved.handledBy()) + " will look at it." + (saved.firstContactDueBy() == null ? ""
                : " First contact is due by " + saved.firstContactDueBy() + ".") + request.notice();
        return Open311Document.list("service_requests", "request", List.of(fields(
                "service_request_id", saved.reference(),
                "service_notice", notice,
                "account_id", null)));
    }

    /** The requests matching the query's filters ({@code service_request_id} alone when given). */
    Open311Document requests(String ids, String serviceCode, String startDate, String endDate, String status) {
        PublicReports.Query query;
        if (ids != null && !ids.isBlank()) {
            List<String> references = Arrays.stream(ids.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .distinct().toList();
            if (references.size() > MAX_IDS || references.stream().anyMatch(r -> r.length() > 40)) {
                throw Open311Problem.badRequest("Send at most " + MAX_IDS + " service_request_id values, separated by commas");
            }
            query = new PublicReports.Query(references, null, null, null, null, config.maxResults());
        } else {
            Instant[] range = range(startDate, endDate);
            String code = serviceCode == null || serviceCode.isBlank() ? null : serviceCode.strip();
            query = new PublicReports.Query(null, code, range[0], range[1], closed(status), config.maxResults());
        }
        return requestList(published.search(query));
    }

    /** The request with this id (the portal's reference). */
    Open311Document request(String id) {
        return requestList(List.of(published.find(id)
                .orElseThrow(() -> Open311Problem.notFound("No service request has the id " + id))));
    }

    /** The request a token stands for: the token is the request's id, given at once. */
    Open311Document token(String token) {
        PublicReport report = published.find(token)
                .orElseThrow(() -> Open311Problem.notFound("No service request has the token " + token));
        return Open311Document.list("service_requests", "request", List.of(fields(
                "service_request_id", report.reference(), "token", report.reference())));
    }

    /** FixMyStreet's extension: the updates published between start_date and end_date, oldest first. */
    Open311Document updates(String startDate, String endDate) {
        Instant[] range = range(startDate, endDate);
        List<PublicUpdate> updates = published.updates(range[0], range[1], config.maxResults());
        return Open311Document.list("service_request_updates", "request_update", updates.stream().map(u -> fields(
                "update_id", u.id(),
                "service_request_id", u.reference(),
                "status", u.closed() ? "closed" : "open",
                "updated_datetime", dateTime(u.at()),
                "description", u.description(),
                "media_url", null)).toList());
    }

    private Open311Document requestList(List<PublicReport> found) {
        return Open311Document.list("service_requests", "request", found.stream().map(r -> fields(
                "service_request_id", r.reference(),
                "status", r.closed() ? "closed" : "open",
                "status_notes", r.statusNotes(),
                "service_name", r.categoryName(),
                "service_code", r.categoryCode(),
                "description", null,
                "agency_responsible", r.agency(),
                "service_notice", null,
                "requested_datetime", dateTime(r.requestedAt()),
                "updated_datetime", dateTime(r.updatedAt()),
                "expected_datetime", r.expectedBy() == null ? null
                        : dateTime(r.expectedBy().atTime(LocalTime.of(23, 59, 59)).atZone(calendar.zone()).toInstant()),
                "address", r.wardName() == null ? null : r.wardName() + " ward",
                "address_id", null,
                "zipcode", null,
                "lat", plain(r.latitude()),
                "long", plain(r.longitude()),
                "media_url", null)).toList());
    }

    private ApiTokens.Open311Key key(String apiKey) {
        if (apiKey == null) {
            throw Open311Problem.forbidden("Send an api_key: sending service requests needs an API key");
        }
        return tokens.open311(apiKey).orElseThrow(() -> Open311Problem.forbidden(
                "This api_key is not valid: it is unknown, revoked or expired"));
    }

    private Optional<CategoryRef> service(String code) {
        return code == null || code.isBlank() || code.length() > 40 ? Optional.empty() : categories.find(code.strip());
    }

    private Boolean closed(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (String s : status.toLowerCase(Locale.ROOT).split(",")) {
            String each = s.strip();
            if (!each.equals("open") && !each.equals("closed")) {
                throw Open311Problem.badRequest("status must be open or closed");
            }
            wanted.add(each);
        }
        return wanted.size() == 2 ? null : wanted.contains("closed");
    }

    /** start_date and end_date as instants, at most the configured span apart; the last span to now by default. */
    private Instant[] range(String startDate, String endDate) {
        Duration span = Duration.ofDays(config.maxRangeDays());
        Instant start = instant("start_date", startDate);
        Instant end = instant("end_date", endDate);
        if (start == null && end == null) {
            end = calendar.now();
        }
        if (start == null) {
            start = end.minus(span);
        }
        if (end == null) {
            end = start.plus(span);
        }
        if (end.isBefore(start)) {
            throw Open311Problem.badRequest("end_date must be the same as or after start_date");
        }
        if (Duration.between(start, end).compareTo(span) > 0) {
            throw Open311Problem.badRequest("start_date and end_date must be at most " + config.maxRangeDays() + " days apart");
        }
        return new Instant[] {start, end};
    }

    private Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                instant = LocalDate.parse(text).atStartOfDay(calendar.zone()).toInstant();
            } else if (text.endsWith("Z") || text.endsWith("z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(text.replace('z', 'Z')).toInstant();
            } else {
                instant = LocalDateTime.parse(text).atZone(calendar.zone()).toInstant();
            }
        } catch (DateTimeException e) {
            instant = null;
        }
        if (instant == null || instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw Open311Problem.badRequest(name + " must be an ISO 8601 date and time, like 2026-11-20T09:00:00Z");
        }
        return instant;
    }

    private String dateTime(Instant instant) {
        return instant == null ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(calendar.zone()));
    }

    private static String plain(BigDecimal coordinate) {
        return coordinate == null ? null : coordinate.toPlainString();
    }

    private static String keywords(CategoryRef category) {
        return category.group().label().toLowerCase(Locale.ROOT) + ", anti-social behaviour";
    }

    /** A validation message, naming the Open311 attribute it is about when it is one. */
    private static String describe(FieldError error) {
        String attribute = Open311Attributes.ofField(error.field());
        return attribute == null ? error.message() : "attribute[" + attribute + "]: " + error.message();
    }

    static String one(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        if (values == null || values.isEmpty() || values.get(0) == null || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }
}
