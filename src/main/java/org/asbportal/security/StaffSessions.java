package org.asbportal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Server-side record of the sessions staff sign in to with the form. Quarkus keeps a signed-in
 * member of staff in an encrypted cookie ({@code asb-session}) that any replica can read and that
 * nothing on the server could otherwise withdraw. Signing in also opens a row in
 * {@code staff_session} and gives the browser its random token in a second cookie
 * ({@code asb-staff-session}); every request restoring a session from the encrypted cookie must bring
 * a token whose row is still there. Signing out deletes the row; a new password, a change of roles
 * and a deactivation delete all the account's rows, so every copy of its cookies stops working at
 * once, on every replica. A session also ends {@link StaffSecurityConfig#sessionMaxAge()} after it
 * began. Scripts using HTTP Basic send the password with every request and have no session.
 */
@ApplicationScoped
public class StaffSessions implements IdentityProvider<TrustedAuthenticationRequest> {

    public static final String COOKIE = "asb-staff-session";
    /** Where the routing context keeps what a restored session still needs after the password, if anything. */
    static final String PENDING = StaffSessions.class.getName() + ".pending";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StaffSecurityConfig config;
    private final Clock clock;
    private final AuditLog audit;

    public StaffSessions(StaffSecurityConfig config, Clock clock, AuditLog audit) {
        this.config = config;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    /** Before the account's own lookup (security-jpa's provider has the default priority, 1001). */
    @Override
    public int priority() {
        return 2000;
    }

    /**
     * Lets a session restored from the encrypted cookie through (to the account's own lookup, which
     * gives its roles) only when its token's row is still there; otherwise the browser is treated as
     * signed out and both its cookies are expired.
     */
    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
        Cookie cookie = routing == null ? null : routing.request().getCookie(COOKIE);
        String token = cookie == null ? null : cookie.getValue();
        return context.runBlocking(() -> {
            StaffSessionRecord session = token == null ? null : live(token, request.getPrincipal());
            if (session == null) {
                if (routing != null) {
                    expireCookies(routing.response());
                }
                throw new AuthenticationFailedException("The session has ended");
            }
            if (session.secondFactor != null && routing != null) {
                routing.put(PENDING, session.secondFactor);
            }
            return null;
        });
    }

    /**
     * Opens a session for the account signing in, returning the token for its browser; the session
     * opens nothing but the two-factor pages while {@code secondFactor} (what it still needs) is set.
     * The account's last sign-in moves to its previous one.
     */
    @Transactional
    public String open(String username, String secondFactor, String browser) {
        StaffAccount account = StaffAccount.findByUsername(username)
                .orElseThrow(() -> new IllegalStateException("Signed in as an account that does not exist"));
        Instant now = clock.instant();
        StaffAccount.update("previousSignedInAt = signedInAt, signedInAt = ?1 where id = ?2", now, account.id);
        StaffSessionRecord.delete("createdAt < ?1", now.minus(config.sessionMaxAge()));
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        StaffSessionRecord session = new StaffSessionRecord();
        session.id = hash(token);
        session.accountId = account.id;
        session.createdAt = now;
        session.secondFactor = secondFactor;
        session.browser = browser;
        session.persist();
        return token;
    }

    /** The token's session when it is open, for this account, and not older than the longest a session lasts; else null. */
    @Transactional
    public StaffSessionRecord live(String token, String username) {
        StaffSessionRecord session = StaffSessionRecord.findById(hash(token));
        if (session == null || session.createdAt.isBefore(clock.instant().minus(config.sessionMaxAge()))) {
            return null;
        }
        return StaffAccount.count("id = ?1 and username = ?2", session.accountId, username) == 1 ? session : null;
    }

    /** The second factor was given: the token's session now opens what the account may open. */
    @Transactional
    public void completeSecondFactor(String token) {
        if (token != null && !token.isBlank()) {
            StaffSessionRecord.update("secondFactor = null where id = ?1", hash(token));
        }
    }

    /** The account's open sessions, newest first. */
    @Transactional
    public java.util.List<StaffSessionRecord> openSessions(long accountId) {
        return StaffSessionRecord.list("accountId = ?1 and createdAt >= ?2 order by createdAt desc", accountId,
                clock.instant().minus(config.sessionMaxAge()));
    }

    /** Whether the token is that of the session. */
    public static boolean isToken(StaffSessionRecord session, String token) {
        return token != null && session.id.equals(hash(token));
    }

    /** Signs out: the token's session ends. */
    @Transactional
    public void end(String token) {
        if (token != null && !token.isBlank()) {
            StaffSessionRecord.deleteById(hash(token));
        }
    }

    /** Ends every session of the account (a new password, other roles, deactivation), in the caller's transaction. */
    @Transactional
    public void endAll(long accountId) {
        StaffSessionRecord.delete("accountId", accountId);
    }

    /** The member of staff signs out everywhere: every session of the account ends, and the audit trail says so. */
    @Transactional
    public void endAllOf(long accountId, String username) {
        long ended = StaffSessionRecord.delete("accountId", accountId);
        audit.record(username, "SIGN_OUT_EVERYWHERE", null, "Signed out of " + ended + " session" + (ended == 1 ? "" : "s"));
    }

    /** The cookie that carries a new session's token. */
    public Cookie cookie(String token) {
        return Cookie.cookie(COOKIE, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(config.secureCookie());
    }

    /** Expires the session's cookies in the browser: the encrypted one and the token. */
    public void expireCookies(HttpServerResponse response) {
        for (String name : new String[] {COOKIE, LoginResource.SESSION_COOKIE}) {
            response.addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                    .setSameSite(CookieSameSite.STRICT).setSecure(config.secureCookie()));
        }
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
