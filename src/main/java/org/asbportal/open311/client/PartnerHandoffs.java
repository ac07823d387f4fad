package org.asbportal.open311.client;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.asbportal.open311.client.Open311Client.PartnerException;
import org.asbportal.open311.client.Open311Client.Update;
import org.asbportal.report.Report;
import org.asbportal.security.SecretBox;
import org.asbportal.triage.PartnerUpdates;
import org.asbportal.triage.QueueItem;
import org.asbportal.triage.QueueItemStatus;
import org.asbportal.web.JobLease;
import org.jboss.logging.Logger;

/**
 * Hands cases out to partners' Open311 servers and brings their updates back, as the outbox does
 * for email: a case in a queue that names a partner is saved as a hand-out first, then sent by this
 * job with back-off until the partner takes it (failures stay visible to staff and are retried, never
 * dropped); the partner's service_request_id is kept, and their published updates become public
 * updates for the victim. Nothing is sent for a resident who did not consent to share their report.
 */
@ApplicationScoped
public class PartnerHandoffs {

    private static final Logger LOG = Logger.getLogger(PartnerHandoffs.class);
    static final String KEY_PURPOSE = "open311-partner-api-key";
    /** GeoReport servers refuse date ranges much longer than this. */
    static final Duration LONGEST_RANGE = Duration.ofDays(89);

    /** What one run did. */
    public record Run(int enlisted, int skipped, int sent, int failed, int updates) {
    }

    private record Outgoing(long handoffId, String baseUrl, Map<String, String> form, String problem) {
    }

    private final Open311Client client;
    private final PartnerClientConfig config;
    private final PartnerUpdates partnerUpdates;
    private final SecretBox secrets;
    private final JobLease lease;
    private final Clock clock;

    public PartnerHandoffs(Open311Client client, PartnerClientConfig config, PartnerUpdates partnerUpdates,
            SecretBox secrets, JobLease lease, Clock clock) {
        this.client = client;
        this.config = config;
        this.partnerUpdates = partnerUpdates;
        this.secrets = secrets;
        this.lease = lease;
        this.clock = clock;
    }

    @Scheduled(every = "${asb.open311.client.every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        lease.runOnce("open311-partners", config.every(), this::run);
    }

    /** One turn: enlist new cases, send what is due, read partners' updates. */
    public Run run() {
        int[] enlisted = enlist();
        int[] sent = sendDue();
        int updates = poll();
        return new Run(enlisted[0], enlisted[1], sent[0], sent[1], updates);
    }

    /** Saves a hand-out for each open case in a partner's queue that has none; returns {enlisted, skipped}. */
    int[] enlist() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            List<Object[]> due = QueueItem.getEntityManager().createQuery("select i.report, e from QueueItem i, PartnerEndpoint e "
                    + "where e.queue = i.queue and e.active = true and i.status <> :closed and not exists "
                    + "(select h.id from PartnerHandoff h where h.report = i.report and h.endpoint = e)", Object[].class)
                    .setParameter("closed", QueueItemStatus.CLOSED)
                    .setMaxResults(config.batch())
                    .getResultList();
            int enlisted = 0;
            int skipped = 0;
            for (Object[] row : due) {
                Report report = (Report) row[0];
                PartnerEndpoint endpoint = (PartnerEndpoint) row[1];
                PartnerHandoff handoff = new PartnerHandoff();
                handoff.report = report;
                handoff.endpoint = endpoint;
                handoff.createdAt = now;
                if (report.consentToShare) {
                    handoff.status = PartnerHandoff.Status.PENDING;
                    handoff.nextAttemptAt = now;
                    enlisted++;
                } else {
                    handoff.status = PartnerHandoff.Status.SKIPPED;
                    partnerUpdates.note(report, endpoint.name, "Not sent to " + endpoint.name + "'s case system: the resident "
                            + "did not consent to their report being shared. Ask them before passing it on.");
                    skipped++;
                }
                handoff.persist();
            }
            return new int[] {enlisted, skipped};
        });
    }

    /** Sends the hand-outs that are due; returns {sent, failed}. */
    int[] sendDue() {
        List<Outgoing> outgoing = QuarkusTransaction.requiringNew().call(() -> PartnerHandoff.<PartnerHandoff>find(
                "status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", PartnerHandoff.Status.PENDING, clock.instant())
                .page(0, config.batch()).list().stream().map(this::outgoing).toList());
        int sent = 0;
        int failed = 0;
        for (Outgoing out : outgoing) {
            String problem = out.problem();
            String requestId = null;
            if (problem == null) {
                try {
                    requestId = client.post(out.baseUrl(), out.form());
                } catch (PartnerException e) {
                    problem = e.getMessage();
                }
            }
            String partnerId = requestId;
            String error = problem;
            QuarkusTransaction.requiringNew().run(() -> recordAttempt(out.handoffId(), partnerId, error));
            if (partnerId != null) {
                sent++;
            } else {
                failed++;
            }
        }
        return new int[] {sent, failed};
    }

    /** The form GeoReport v2 asks for, or the reason it cannot be sent yet. */
    private Outgoing outgoing(PartnerHandoff handoff) {
        PartnerEndpoint endpoint = handoff.endpoint;
        Report report = handoff.report;
        String serviceCode = endpoint.serviceCodeMap().get(report.category.code);
        if (!endpoint.active) {
            return new Outgoing(handoff.id, endpoint.baseUrl, Map.of(), "The partner's system is switched off in the portal");
        }
        if (serviceCode == null || serviceCode.isBlank()) {
            return new Outgoing(handoff.id, endpoint.baseUrl, Map.of(), "No service code of the partner's for "
                    + report.category.name + ": add it to the partner's mapping");
        }
        Map<String, String> form = new LinkedHashMap<>();
        if (endpoint.apiKeySealed != null) {
            form.put("api_key", new String(secrets.open(endpoint.apiKeySealed, KEY_PURPOSE), StandardCharsets.UTF_8));
        }
        form.put("jurisdiction_id", endpoint.jurisdiction);
        form.put("service_code", serviceCode);
        if (report.latitude != null && report.longitude != null) {
            form.put("lat", report.latitude.toPlainString());
            form.put("long", report.longitude.toPlainString());
        }
        form.put("address_string", report.locationDescription + (report.town == null ? "" : ", " + report.town));
        form.put("description", report.description);
        form.put("attribute[portal_reference]", report.reference);
        if (!report.anonymous) {
            if (report.reporterName != null) {
                int space = report.reporterName.strip().lastIndexOf(' ');
                form.put("first_name", space < 0 ? report.reporterName.strip() : report.reporterName.strip().substring(0, space));
                form.put("last_name", space < 0 ? null : report.reporterName.strip().substring(space + 1));
            }
            form.put("email", report.reporterEmail);
            form.put("phone", report.reporterPhone);
        }
        return new Outgoing(handoff.id, endpoint.baseUrl, form, null);
    }

    private void recordAttempt(long handoffId, String partnerRequestId, String problem) {
        PartnerHandoff handoff = PartnerHandoff.findById(handoffId);
        Instant now = clock.instant();
        handoff.attempts++;
        if (partnerRequestId != null) {
            handoff.status = PartnerHandoff.Status.SENT;
            handoff.partnerRequestId = partnerRequestId.length() > 100 ? partnerRequestId.substring(0, 100) : partnerRequestId;
            handoff.sentAt = now;
            handoff.polledUntil = now;
            handoff.nextAttemptAt = null;
            handoff.lastError = null;
            partnerUpdates.note(handoff.report, handoff.endpoint.name, "Sent to " + handoff.endpoint.name
                    + "'s case system as their request " + handoff.partnerRequestId + ". Their updates will appear here.");
            return;
        }
        handoff.lastError = problem.length() > 500 ? problem.substring(0, 500) : problem;
        handoff.nextAttemptAt = now.plus(backOff(handoff.attempts));
        if (handoff.attempts == 1) {
            partnerUpdates.note(handoff.report, handoff.endpoint.name, "Could not be sent to " + handoff.endpoint.name
                    + "'s case system yet (" + handoff.lastError + "). It is tried again automatically; administrators "
                    + "see it under Partner systems.");
        }
        LOG.infof("Hand-out %d to %s not sent (attempt %d): %s", handoffId, handoff.endpoint.name, handoff.attempts,
                handoff.lastError);
    }

    /** How long to wait after {@code attempts} failures: doubling from the first wait, up to the longest. */
    Duration backOff(int attempts) {
        Duration wait = config.firstRetryAfter();
        for (int i = 1; i < attempts && wait.compareTo(config.longestRetryAfter()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.longestRetryAfter()) > 0 ? config.longestRetryAfter() : wait;
    }

    /** Reads each partner's updates on cases still open there and here; returns how many were new. */
    int poll() {
        record Watch(long endpointId, String baseUrl, String apiKey, String jurisdiction, String name, Instant from,
                Map<String, Long> handoffs) {
        }
        Instant now = clock.instant();
        List<Watch> watches = QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Watch> byEndpoint = new LinkedHashMap<>();
            List<PartnerHandoff> sent = PartnerHandoff.list("status = ?1 and endpoint.active = true and exists "
                    + "(select i.id from QueueItem i where i.report = report and i.status <> ?2)",
                    PartnerHandoff.Status.SENT, QueueItemStatus.CLOSED);
            for (PartnerHandoff handoff : sent) {
                PartnerEndpoint e = handoff.endpoint;
                Watch watch = byEndpoint.computeIfAbsent(e.id, id -> new Watch(id, e.baseUrl, e.apiKeySealed == null ? null
                        : new String(secrets.open(e.apiKeySealed, KEY_PURPOSE), StandardCharsets.UTF_8), e.jurisdiction, e.name,
                        handoff.polledUntil, new HashMap<>()));
                watch.handoffs().put(handoff.partnerRequestId, handoff.id);
                if (handoff.polledUntil.isBefore(watch.from())) {
                    byEndpoint.put(e.id, new Watch(watch.endpointId(), watch.baseUrl(), watch.apiKey(), watch.jurisdiction(),
                            watch.name(), handoff.polledUntil, watch.handoffs()));
                }
            }
            return new ArrayList<>(byEndpoint.values());
        });
        int fresh = 0;
        for (Watch watch : watches) {
            Instant from = watch.from().isBefore(now.minus(LONGEST_RANGE)) ? now.minus(LONGEST_RANGE) : watch.from();
            List<Update> updates;
            try {
                updates = client.updates(watch.baseUrl(), watch.apiKey(), watch.jurisdiction(), from, now,
                        new ArrayList<>(watch.handoffs().keySet()));
            } catch (PartnerException e) {
                LOG.infof("Updates of %s not read this turn: %s", watch.name(), e.getMessage());
                continue;
            }
            fresh += QuarkusTransaction.requiringNew().call(() -> {
                int told = 0;
                for (Update update : updates) {
                    Long handoffId = watch.handoffs().get(update.requestId());
                    if (handoffId == null || update.updateId() == null) {
                        continue;
                    }
                    long seen = PartnerUpdate.count("handoff.id = ?1 and partnerUpdateId = ?2", handoffId, update.updateId());
                    if (seen > 0) {
                        continue;
                    }
                    PartnerHandoff handoff = PartnerHandoff.findById(handoffId);
                    PartnerUpdate record = new PartnerUpdate();
                    record.handoff = handoff;
                    record.partnerUpdateId = update.updateId().length() > 100 ? update.updateId().substring(0, 100) : update.updateId();
                    record.receivedAt = now;
                    record.persist();
                    partnerUpdates.publicUpdate(handoff.report, watch.name(), message(watch.name(), update));
                    told++;
                }
                PartnerHandoff.update("polledUntil = ?1 where id in ?2", now, new ArrayList<>(watch.handoffs().values()));
                return told;
            });
        }
        return fresh;
    }

    /** The partner's update in the victim's words: what they said, and their status in ours. */
    static String message(String partner, Update update) {
        String status = status(update.status());
        String said = update.description() == null ? "" : update.description().strip();
        if (said.length() > 3500) {
            said = said.substring(0, 3500) + "…";
        }
        if (said.isEmpty()) {
            return partner + " marked your report as " + status + ".";
        }
        return "Update from " + partner + " (" + status + "): " + said;
    }

    /** A GeoReport or FixMyStreet status in plain words. */
    static String status(String status) {
        if (status == null) {
            return "updated";
        }
        return switch (status.strip().toLowerCase(Locale.ROOT)) {
            case "open", "confirmed" -> "open";
            case "in_progress", "investigating", "action_scheduled" -> "in progress";
            case "closed", "fixed" -> "dealt with";
            case "duplicate" -> "already reported";
            case "not_councils_responsibility", "not_responsible" -> "not theirs to deal with";
            case "no_further_action", "unable_to_fix", "wont_fix", "internal_referral" -> "closed without further action";
            default -> status.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
