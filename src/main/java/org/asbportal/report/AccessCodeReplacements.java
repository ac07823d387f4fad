package org.asbportal.report;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import org.asbportal.notify.MailKind;
import org.asbportal.notify.Outbox;
import org.asbportal.security.AccessCodes;
import org.asbportal.security.AttemptLimiter;
import org.asbportal.security.ClientLimits;
import org.asbportal.web.Calendar;
import org.asbportal.web.PageMeta;
import org.asbportal.web.Site;
import org.asbportal.web.SiteConfig;

/**
 * A victim who lost their access code gets a new one through a link emailed to the address their
 * report gave. Asking reveals nothing: a wrong reference or address gets the same answer and no email.
 * The link works once, for {@link AccessCodeConfig#replaceCodeFor()}; following it issues a new code
 * (the old one stops working), shown once, and records an internal entry in the report's history.
 * The access code itself is never emailed.
 */
@Named("accessCodeLinks")
@ApplicationScoped
public class AccessCodeReplacements {

    /** {@code report/codeLink.html} and {@code .txt}. */
    public static final MailKind CODE_LINK = new MailKind("ACCESS_CODE_LINK", "Get a new access code for your report %s");

    /** The history entry of a replaced code: internal, staff see it and the victim's timeline does not. */
    public static final String REPLACED = "ACCESS_CODE_REPLACED";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_TOKEN_LENGTH = 100;

    /** What the email shows. */
    public record CodeLink(String reference, String link, String expires, String trackUrl, String partnershipName) {
    }

    /** A new access code, shown once. */
    public record NewCode(String reference, String accessCode) {
    }

    @CheckedTemplate(basePath = "report")
    static class Templates {
        static native TemplateInstance codeLink(CodeLink mail);
    }

    private final AccessCodes accessCodes;
    private final ClientLimits limits;
    private final AttemptLimiter limiter;
    private final ReportHistory history;
    private final Outbox outbox;
    private final Calendar calendar;
    private final AccessCodeConfig config;
    private final SiteConfig siteConfig;
    private final Site site;

    public AccessCodeReplacements(AccessCodes accessCodes, ClientLimits limits, AttemptLimiter limiter, ReportHistory history,
            Outbox outbox, Calendar calendar, AccessCodeConfig config, SiteConfig siteConfig, Site site) {
        this.accessCodes = accessCodes;
        this.limits = limits;
        this.limiter = limiter;
        this.history = history;
        this.outbox = outbox;
        this.calendar = calendar;
        this.config = config;
        this.siteConfig = siteConfig;
        this.site = site;
    }

    /**
     * Emails a link to replace the access code when {@code reference} is a report that gave
     * {@code email} (compared trimmed, ignoring case); does nothing otherwise, and says nothing either way.
     *
     * @throws org.asbportal.security.TooManyAttemptsException when the client has asked too often
     */
    @Transactional
    public void requestLink(String reference, String email, String client) {
        limits.take(ClientLimits.Limit.CODE_LINKS, client);
        Optional<String> valid = AccessCodes.validReference(reference);
        if (valid.isEmpty() || email == null || email.isBlank()) {
            return;
        }
        Optional<Report> found = Report.findByReference(valid.get())
                .filter(report -> !report.anonymous && report.reporterEmail != null)
                .filter(report -> comparable(report.reporterEmail).equals(comparable(email)));
        if (found.isEmpty()) {
            return;
        }
        Report report = found.get();
        if (limiter.take("code-link-report:" + report.reference, config.replaceCodeLinksPerReport(), config.replaceCodeFor())
                .isPresent()) {
            return;
        }
        Instant now = calendar.now();
        AccessCodeReplacement.delete("report = ?1 or expiresAt <= ?2", report, now);
        String token = newToken();
        AccessCodeReplacement link = new AccessCodeReplacement();
        link.report = report;
        link.tokenHash = AccessCodes.sha256(token);
        link.createdAt = now;
        link.expiresAt = now.plus(config.replaceCodeFor());
        link.persist();
        CodeLink mail = new CodeLink(report.reference, PageMeta.absolute(siteConfig.baseUrl(), newCodePath(token)),
                site.dateTime(link.expiresAt), PageMeta.absolute(siteConfig.baseUrl(), "/track"), siteConfig.partnershipName());
        outbox.enqueue(CODE_LINK, report.reporterEmail, report.reference, report.reference, () -> Templates.codeLink(mail));
    }

    /** How long a link works, in words: "24 hours". */
    public String worksFor() {
        long hours = config.replaceCodeFor().toHours();
        return hours >= 48 && hours % 24 == 0 ? hours / 24 + " days" : hours + (hours == 1 ? " hour" : " hours");
    }

    /** The address of the emailed link: {@code /track/lost-code/new/{token}}. */
    static String newCodePath(String token) {
        return "/track/lost-code/new/" + token;
    }

    /** Whether the link behind {@code token} still works (unused, unexpired). */
    @Transactional
    public boolean works(String token) {
        return hashOf(token).flatMap(hash -> AccessCodeReplacement.findWorking(hash, calendar.now())).isPresent();
    }

    /**
     * Uses the link behind {@code token}, once: the report gets a new access code (the old one stops
     * working) and an internal history entry. Empty for an unknown, used or expired link.
     */
    @Transactional
    public Optional<NewCode> replace(String token) {
        Instant now = calendar.now();
        Optional<AccessCodeReplacement> link = hashOf(token).flatMap(hash -> AccessCodeReplacement.findWorking(hash, now));
        if (link.isEmpty() || !AccessCodeReplacement.use(link.get().tokenHash, now)) {
            return Optional.empty();
        }
        Report report = link.get().report;
        String code = accessCodes.newAccessCode();
        report.accessCodeHash = accessCodes.hash(code);
        history.record(report, REPLACED, false,
                "Access code replaced: the victim followed a link sent to the email address the report gave", ReportTracking.VICTIM);
        return Optional.of(new NewCode(report.reference, code));
    }

    private static Optional<String> hashOf(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(AccessCodes.sha256(token));
    }

    private static String comparable(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
