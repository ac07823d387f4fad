package org.asbportal.pledge;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.asbportal.web.Calendar;
import org.asbportal.security.AccessCodes;
import org.asbportal.web.FieldError;
import org.asbportal.web.InvalidSubmissionException;
import org.asbportal.web.JobLease;
import org.asbportal.security.ClientLimits;
import org.asbportal.security.TooManyAttemptsException;

/**
 * Registration and sign-in of organisations' contacts. There are no passwords: a contact signs in
 * with a one-time link emailed to them (after registering, on request from any device, or when a
 * colleague invites them). Following a link starts a session held in the database, so every
 * replica knows it; the cookie carries a random token, and only hashes of tokens are stored.
 */
@ApplicationScoped
public class PledgeAccessService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** Who is signed in. */
    public record Signed(Long contactId, String name, String email, Long organisationId, String organisationName) {
    }

    public record Registration(String organisationName, String type, String contactName, String email) {
    }

    public record Invitation(String name, String email) {
    }

    private final PledgeMail mail;
    private final PledgeConfig config;

    private final Calendar calendar;

    private final ClientLimits limits;

    private final JobLease lease;

    public PledgeAccessService(PledgeMail mail, PledgeConfig config, Calendar calendar, ClientLimits limits, JobLease lease) {
        this.lease = lease;
        this.limits = limits;
        this.calendar = calendar;
        this.mail = mail;
        this.config = config;
    }

    /**
     * Registers an organisation with its first contact and emails them a sign-in link. An address
     * already registered is sent a sign-in link instead, so the form tells nobody who has registered.
     * Each client may ask for so many emails in a while ({@link ClientLimits.Limit#PLEDGE_EMAILS}).
     *
     * @throws TooManyAttemptsException when {@code client} has asked for as many emails as it may for now
     */
    @Transactional
    public void register(Registration form, String client) {
        List<FieldError> errors = new ArrayList<>();
        String name = required(form.organisationName(), 200, "organisationName", "Enter the name of your organisation",
                "Organisation name must be 200 characters or fewer", errors);
        OrganisationType type = typeOf(form.type());
        if (type == null) {
            errors.add(new FieldError("type", "Select the type of organisation"));
        }
        String contactName = required(form.contactName(), 200, "contactName", "Enter your full name",
                "Your name must be 200 characters or fewer", errors);
        String email = email(form.email(), "email", errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        limits.take(ClientLimits.Limit.PLEDGE_EMAILS, client);
        Optional<PledgeContact> existing = PledgeContact.findByEmail(email);
        if (existing.isPresent()) {
            sendLink(existing.get(), null);
            return;
        }
        PledgeOrganisation organisation = new PledgeOrganisation();
        organisation.name = name;
        organisation.type = type;
        organisation.createdAt = calendar.now();
        organisation.persist();
        sendLink(newContact(organisation, contactName, email), null);
    }

    /**
     * Emails a sign-in link to a registered address; nothing happens for any other, and the caller cannot
     * tell. Counted against the same per-client limit as {@link #register}, whichever the address.
     *
     * @throws TooManyAttemptsException when {@code client} has asked for as many emails as it may for now
     */
    @Transactional
    public void requestLink(String email, String client) {
        List<FieldError> errors = new ArrayList<>();
        String address = email(email, "email", errors);
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        limits.take(ClientLimits.Limit.PLEDGE_EMAILS, client);
        PledgeContact.findByEmail(address).ifPresent(contact -> sendLink(contact, null));
    }

    /** A signed-in contact invites a colleague into their organisation. */
    @Transactional
    public void invite(Signed inviter, Invitation form) {
        List<FieldError> errors = new ArrayList<>();
        String name = required(form.name(), 200, "name", "Enter your colleague's full name",
                "Their name must be 200 characters or fewer", errors);
        String email = email(form.email(), "email", errors);
        Optional<PledgeContact> existing = email == null ? Optional.empty() : PledgeContact.findByEmail(email);
        if (existing.isPresent() && !existing.get().organisation.id.equals(inviter.organisationId())) {
            errors.add(new FieldError("email", "This email address is registered with another organisation. Ask your colleague to use another address"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        PledgeContact colleague = existing.orElseGet(() ->
                newContact(PledgeOrganisation.findById(inviter.organisationId()), name, email));
        sendLink(colleague, inviter.name());
    }

    public List<PledgeContact> colleagues(Signed signed) {
        return PledgeContact.ofOrganisation(signed.organisationId());
    }

    /** Whether the link's token is one that would sign someone in now (for the page asking them to continue). */
    @Transactional
    public boolean linkUsable(String token) {
        return token != null && PledgeLink.findByTokenHash(AccessCodes.sha256(token))
                .filter(link -> link.usableAt(calendar.now())).isPresent();
    }

    /**
     * Spends a one-time link: marks it used, marks the contact's address verified and starts a
     * session. Returns the session token for the cookie, or empty when the link is unknown, used or
     * expired.
     */
    @Transactional
    public Optional<String> signIn(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        Instant now = calendar.now();
        Optional<PledgeLink> found = PledgeLink.findByTokenHash(AccessCodes.sha256(token.strip()));
        if (found.isEmpty() || !found.get().usableAt(now)) {
            return Optional.empty();
        }
        PledgeLink link = found.get();
        link.usedAt = now;
        if (link.contact.verifiedAt == null) {
            link.contact.verifiedAt = now;
        }
        link.contact.signedInAt = now;
        String sessionToken = newToken();
        PledgeSession session = new PledgeSession();
        session.contact = link.contact;
        session.tokenHash = AccessCodes.sha256(sessionToken);
        session.createdAt = now;
        session.expiresAt = now.plus(config.sessionTimeout());
        session.persist();
        return Optional.of(sessionToken);
    }

    /** The contact a session token belongs to, while the session lasts; each use extends it. */
    @Transactional
    public Optional<Signed> current(String sessionToken) {
        if (sessionToken == null || sessionToken.isBlank()) {
            return Optional.empty();
        }
        Instant now = calendar.now();
        Optional<PledgeSession> found = PledgeSession.findByTokenHash(AccessCodes.sha256(sessionToken));
        if (found.isEmpty() || !now.isBefore(found.get().expiresAt)) {
            return Optional.empty();
        }
        PledgeSession session = found.get();
        Instant extended = now.plus(config.sessionTimeout());
        if (extended.isAfter(session.expiresAt.plusSeconds(60))) {
            session.expiresAt = extended;
        }
        PledgeContact contact = session.contact;
        return Optional.of(new Signed(contact.id, contact.name, contact.email, contact.organisation.id, contact.organisation.name));
    }

    /** Every {@code asb.pledge.purge-every} (an hour), on one replica at a time. */
    @Scheduled(every = "${asb.pledge.purge-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        lease.runOnce("pledge-purge", config.purgeEvery(), this::purge);
    }

    /** Deletes ended sessions and links that can no longer be used. */
    @Transactional
    public void purge() {
        Instant now = calendar.now();
        PledgeSession.delete("expiresAt < ?1", now);
        PledgeLink.delete("expiresAt < ?1", now);
    }

    @Transactional
    public void signOut(String sessionToken) {
        if (sessionToken != null) {
            PledgeSession.delete("tokenHash", AccessCodes.sha256(sessionToken));
        }
    }

    private PledgeContact newContact(PledgeOrganisation organisation, String name, String email) {
        PledgeContact contact = new PledgeContact();
        contact.organisation = organisation;
        contact.name = name;
        contact.email = email;
        contact.createdAt = calendar.now();
        contact.persist();
        return contact;
    }

    private void sendLink(PledgeContact contact, String invitedBy) {
        long lastHour = PledgeLink.count("contact = ?1 and createdAt > ?2", contact, calendar.now().minus(Duration.ofHours(1)));
        if (lastHour >= config.linksPerHour()) {
            return;
        }
        String token = newToken();
        PledgeLink link = new PledgeLink();
        link.contact = contact;
        link.tokenHash = AccessCodes.sha256(token);
        link.createdAt = calendar.now();
        link.expiresAt = link.createdAt.plus(config.linkValidFor());
        link.persist();
        mail.signInLink(contact, token, invitedBy);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static OrganisationType typeOf(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OrganisationType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String required(String value, int max, String field, String missing, String tooLong, List<FieldError> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(new FieldError(field, missing));
            return null;
        }
        if (text.length() > max) {
            errors.add(new FieldError(field, tooLong));
            return null;
        }
        return text;
    }

    static String email(String value, String field, List<FieldError> errors) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            errors.add(new FieldError(field, "Enter an email address"));
            return null;
        }
        if (text.length() > 254 || !EMAIL.matcher(text).matches()) {
            errors.add(new FieldError(field, "Enter an email address in the correct format, like name@example.org"));
            return null;
        }
        return text;
    }
}
