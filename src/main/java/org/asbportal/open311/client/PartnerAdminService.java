package org.asbportal.open311.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.asbportal.category.CategoryRef;
import org.asbportal.category.CategoryService;
import org.asbportal.security.AuditLog;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.SecretBox;
import org.asbportal.triage.TriageQueue;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;

/** Administrators name the partner system a queue hands its cases to, and watch and retry the hand-outs. */
@ApplicationScoped
public class PartnerAdminService {

    static final int MAX_NAME = 120;
    static final int MAX_URL = 500;
    static final int MAX_JURISDICTION = 100;
    static final int MAX_KEY = 500;
    static final int MAX_CODES = 4000;
    static final int HANDOFFS_LISTED = 50;

    /** The form: everything as typed. A blank API key keeps the one held. */
    public record EndpointForm(String queue, String name, String baseUrl, String jurisdiction, String apiKey,
            String serviceCodes, boolean active) {
    }

    /** A partner system as listed (never its key). */
    public record EndpointView(long id, String queueCode, String queueName, String name, String baseUrl, String jurisdiction,
            boolean hasKey, String serviceCodes, boolean active, long waiting, long failing) {
    }

    /** A hand-out as listed: no personal data. */
    public record HandoffView(long id, String reference, String partner, String status, int attempts, String lastError,
            Instant nextAttemptAt, String partnerRequestId, Instant sentAt) {

        public boolean retryable() {
            return "PENDING".equals(status);
        }
    }

    private final CategoryService categories;
    private final SecretBox secrets;
    private final CurrentStaff staff;
    private final AuditLog audit;
    private final Clock clock;

    public PartnerAdminService(CategoryService categories, SecretBox secrets, CurrentStaff staff, AuditLog audit, Clock clock) {
        this.categories = categories;
        this.secrets = secrets;
        this.staff = staff;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public List<EndpointView> endpoints() {
        return PartnerEndpoint.<PartnerEndpoint>list("order by name").stream().map(this::view).toList();
    }

    @Transactional
    public List<TriageQueue> queues() {
        return TriageQueue.list("order by name");
    }

    /** The form filled with the partner system of the queue, or empty for a queue that has none. */
    @Transactional
    public EndpointForm form(String queueCode) {
        return TriageQueue.findByCode(queueCode == null ? "" : queueCode).flatMap(PartnerEndpoint::findByQueue)
                .map(e -> new EndpointForm(e.queue.code, e.name, e.baseUrl, e.jurisdiction, "", e.serviceCodes, e.active))
                .orElse(new EndpointForm(queueCode, "", "", "", "", "", true));
    }

    /** Saves the partner system of a queue (new or changed), checked and audited. */
    @Transactional
    public EndpointView save(EndpointForm form) {
        List<FieldError> errors = new ArrayList<>();
        TriageQueue queue = TriageQueue.findByCode(form.queue() == null ? "" : form.queue().strip()).orElse(null);
        if (queue == null) {
            errors.add(new FieldError("queue", "Choose the queue whose cases go to the partner's system"));
        }
        String name = text(form.name(), "name", "Enter the partner's name, as victims will see it", MAX_NAME, errors);
        String url = text(form.baseUrl(), "baseUrl", "Enter the address of the partner's Open311 service", MAX_URL, errors);
        if (url != null && !webAddress(url)) {
            errors.add(new FieldError("baseUrl", "Enter the address as a web address starting https:// or http://"));
        }
        String jurisdiction = blankToNull(form.jurisdiction());
        if (jurisdiction != null && jurisdiction.length() > MAX_JURISDICTION) {
            errors.add(new FieldError("jurisdiction", "The jurisdiction must be 100 characters or fewer"));
        }
        String key = blankToNull(form.apiKey());
        if (key != null && key.length() > MAX_KEY) {
            errors.add(new FieldError("apiKey", "The API key must be 500 characters or fewer"));
        }
        String codes = form.serviceCodes() == null ? "" : form.serviceCodes().strip();
        if (codes.isEmpty()) {
            errors.add(new FieldError("serviceCodes", "Map at least one kind of behaviour to the partner's service code, "
                    + "like NOISE=noise_nuisance"));
        } else if (codes.length() > MAX_CODES) {
            errors.add(new FieldError("serviceCodes", "The mapping must be 4,000 characters or fewer"));
        } else {
            Set<String> known = categories.all().stream().map(CategoryRef::code).collect(Collectors.toSet());
            for (String line : codes.split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                int equals = line.indexOf('=');
                String category = equals < 0 ? line.strip() : line.substring(0, equals).strip();
                if (equals <= 0 || line.substring(equals + 1).isBlank()) {
                    errors.add(new FieldError("serviceCodes", "Write each line as KIND=service_code: \"" + shorten(line.strip())
                            + "\" is not"));
                    break;
                }
                if (!known.contains(category.toUpperCase(Locale.ROOT))) {
                    errors.add(new FieldError("serviceCodes", "\"" + shorten(category) + "\" is not one of the portal's kinds of behaviour"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        PartnerEndpoint endpoint = PartnerEndpoint.findByQueue(queue).orElse(null);
        boolean created = endpoint == null;
        if (created) {
            endpoint = new PartnerEndpoint();
            endpoint.queue = queue;
        }
        endpoint.name = name;
        endpoint.baseUrl = url;
        endpoint.jurisdiction = jurisdiction;
        if (key != null) {
            endpoint.apiKeySealed = secrets.seal(key.getBytes(StandardCharsets.UTF_8), PartnerHandoffs.KEY_PURPOSE);
        }
        endpoint.serviceCodes = codes.lines().map(String::strip).filter(l -> !l.isEmpty())
                .map(l -> l.substring(0, l.indexOf('=')).strip().toUpperCase(Locale.ROOT) + "=" + l.substring(l.indexOf('=') + 1).strip())
                .collect(Collectors.joining("\n"));
        endpoint.active = form.active();
        endpoint.updatedBy = staff.username();
        endpoint.updatedAt = clock.instant();
        endpoint.persist();
        audit.record(staff.username(), created ? "ADMIN_PARTNER_ADDED" : "ADMIN_PARTNER_CHANGED", null,
                queue.code + " " + url + (key != null ? " (new key)" : "") + (endpoint.active ? "" : " (off)"));
        return view(endpoint);
    }

    /** The latest hand-outs, those waiting after a failure first. */
    @Transactional
    public List<HandoffView> handoffs() {
        return PartnerHandoff.<PartnerHandoff>find("order by case when lastError is not null and status = ?1 then 0 else 1 end, "
                + "id desc", PartnerHandoff.Status.PENDING).page(0, HANDOFFS_LISTED).list().stream()
                .map(h -> new HandoffView(h.id, h.report.reference, h.endpoint.name, h.status.name(), h.attempts, h.lastError,
                        h.nextAttemptAt, h.partnerRequestId, h.sentAt))
                .toList();
    }

    /** Sends a waiting hand-out at the job's next turn instead of after its back-off. */
    @Transactional
    public HandoffView retryNow(long id) {
        PartnerHandoff handoff = PartnerHandoff.<PartnerHandoff>findByIdOptional(id)
                .filter(h -> h.status == PartnerHandoff.Status.PENDING)
                .orElseThrow(() -> new NotFoundException("No hand-out waiting with this number"));
        handoff.nextAttemptAt = clock.instant();
        audit.record(staff.username(), "ADMIN_PARTNER_RETRY", handoff.report.reference, handoff.endpoint.name);
        return new HandoffView(handoff.id, handoff.report.reference, handoff.endpoint.name, handoff.status.name(),
                handoff.attempts, handoff.lastError, handoff.nextAttemptAt, handoff.partnerRequestId, handoff.sentAt);
    }

    private EndpointView view(PartnerEndpoint e) {
        long waiting = PartnerHandoff.count("endpoint = ?1 and status = ?2", e, PartnerHandoff.Status.PENDING);
        long failing = PartnerHandoff.count("endpoint = ?1 and status = ?2 and lastError is not null", e,
                PartnerHandoff.Status.PENDING);
        return new EndpointView(e.id, e.queue.code, e.queue.name, e.name, e.baseUrl, e.jurisdiction, e.apiKeySealed != null,
                e.serviceCodes, e.active, waiting, failing);
    }

    private static boolean webAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String text(String value, String field, String missing, int max, List<FieldError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(field, String.format("Must be %,d characters or fewer", max)));
            return null;
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
