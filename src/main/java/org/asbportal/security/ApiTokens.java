package org.asbportal.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * API tokens of staff accounts, for scripts and integrations: issued, listed, revoked, and checked on
 * every request that brings one ({@link ApiTokenIdentityProvider}).
 * <p>
 * A token is {@code asb_} and 256 random bits (43 base64url characters). Only its SHA-256 is stored;
 * the token itself is shown once, when it is made. Every request looks its hash up (one unique-key
 * read, with its account), so a revocation or a deactivation holds at once on every replica; nothing
 * is cached. The time it was last used is written at most once a minute, not at every request.
 */
@ApplicationScoped
public class ApiTokens {

    public static final String PREFIX = "asb_";
    /** What an identity from a token carries, as an attribute: the token's id. */
    public static final String TOKEN_ID_ATTRIBUTE = ApiTokens.class.getName() + ".token-id";
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final Pattern SHAPE = Pattern.compile("asb_[A-Za-z0-9_-]{43}");
    private static final int SHOWN_PREFIX = PREFIX.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A token as lists show it: never the token itself. */
    public record TokenView(long id, String prefix, String name, String createdBy, Instant createdAt, Instant expiresAt,
            Instant lastUsedAt, Instant revokedAt, String revokedBy, boolean revoked, boolean expired,
            Open311Scope open311) {

        public boolean usable() {
            return !revoked && !expired;
        }
    }

    /**
     * What a token may do through Open311: send service requests or not, and for which service codes
     * (empty for every one). Reading Open311 needs no token.
     */
    public record Open311Scope(boolean write, Set<String> services) {

        public static final Open311Scope READ_ONLY = new Open311Scope(false, Set.of());

        public Open311Scope {
            services = services == null ? Set.of() : Set.copyOf(new java.util.TreeSet<>(services));
        }

        /** Whether it may send a request for this service code. */
        public boolean mayWrite(String serviceCode) {
            return write && (services.isEmpty() || services.contains(serviceCode));
        }

        /** As lists show it: "Read only", "Send requests: every service", "Send requests: NOISE, GRAFFITI". */
        public String label() {
            if (!write) {
                return "Read only";
            }
            return "Send requests: " + (services.isEmpty() ? "every service" : String.join(", ", new java.util.TreeSet<>(services)));
        }

        static Open311Scope of(boolean write, String services) {
            return new Open311Scope(write, services == null || services.isBlank() ? Set.of()
                    : java.util.Arrays.stream(services.split(",")).map(String::strip).filter(c -> !c.isEmpty())
                            .collect(java.util.stream.Collectors.toSet()));
        }

        String column() {
            return services.isEmpty() ? null : String.join(",", new java.util.TreeSet<>(services));
        }
    }

    /** A valid token presented as an Open311 api_key: its id and what it may do. */
    public record Open311Key(long tokenId, String username, Open311Scope scope) {
    }

    /** A token just made: the only time the token itself is known. */
    public record Issued(TokenView token, String secret) {
    }

    /** Whom a valid token acts as. */
    public record Holder(long tokenId, String username, Set<String> roles) {
    }

    private final Clock clock;
    private final AuditLog audit;
    private final ApiTokenConfig config;

    public ApiTokens(Clock clock, AuditLog audit, ApiTokenConfig config) {
        this.clock = clock;
        this.audit = audit;
        this.config = config;
    }

    public ApiTokenConfig config() {
        return config;
    }

    /**
     * Makes a token for the account, valid for {@code validFor} (at most the configured maximum), and
     * audits it as the actor's.
     */
    @Transactional
    public Issued issue(String actor, long accountId, String name, Duration validFor) {
        return issue(actor, accountId, name, validFor, Open311Scope.READ_ONLY);
    }

    /** As {@link #issue(String, long, String, Duration)}, with what the token may do through Open311. */
    @Transactional
    public Issued issue(String actor, long accountId, String name, Duration validFor, Open311Scope open311) {
        StaffAccount account = StaffAccount.findById(accountId);
        if (account == null) {
            throw new IllegalArgumentException("No staff account " + accountId);
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(config.maxValidity()) > 0) {
            throw new IllegalArgumentException("A token is valid for at most " + config.maxValidity());
        }
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        ApiToken token = new ApiToken();
        token.accountId = account.id;
        token.tokenHash = StaffSessions.hash(secret);
        token.prefix = secret.substring(0, SHOWN_PREFIX);
        token.name = name.strip();
        token.createdBy = actor;
        token.createdAt = now;
        token.expiresAt = now.plus(validFor);
        token.open311Write = open311.write();
        token.open311Services = open311.write() ? open311.column() : null;
        token.persist();
        audit.record(actor, "API_TOKEN_CREATE", null, "API token " + token.prefix + " \"" + token.name + "\" for account "
                + account.username + ", expires " + token.expiresAt.truncatedTo(ChronoUnit.SECONDS) + ", Open311: "
                + scopeOf(token).label());
        return new Issued(view(token, now), secret);
    }

    /** The account's tokens, newest first. */
    @Transactional
    public List<TokenView> list(long accountId) {
        Instant now = clock.instant();
        return ApiToken.<ApiToken>list("accountId = ?1 order by createdAt desc, id desc", accountId).stream()
                .map(t -> view(t, now)).toList();
    }

    /**
     * Revokes the account's token, audited as the actor's; false when the account has no such token.
     * Revoking a revoked token changes nothing.
     */
    @Transactional
    public boolean revoke(String actor, long accountId, long tokenId) {
        ApiToken token = ApiToken.findById(tokenId);
        if (token == null || token.accountId != accountId) {
            return false;
        }
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            token.revokedBy = actor;
            String username = StaffAccount.<StaffAccount>findByIdOptional(accountId).map(a -> a.username).orElse("?");
            audit.record(actor, "API_TOKEN_REVOKE", null, "API token " + token.prefix + " \"" + token.name
                    + "\" of account " + username);
        }
        return true;
    }

    /**
     * Whom the token acts as: its account's username and current roles, when the token is known, not
     * revoked, not expired and its account active. Notes the use at most once a minute.
     */
    @Transactional
    public Optional<Holder> authenticate(String secret) {
        if (secret == null || !SHAPE.matcher(secret).matches()) {
            return Optional.empty();
        }
        List<Object[]> rows = ApiToken.getEntityManager().createQuery(
                "select t.id, t.expiresAt, t.revokedAt, t.lastUsedAt, a.username, a.roles, a.active "
                        + "from ApiToken t, StaffAccount a where a.id = t.accountId and t.tokenHash = :hash", Object[].class)
                .setParameter("hash", StaffSessions.hash(secret)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Instant now = clock.instant();
        long id = (Long) row[0];
        Instant expiresAt = (Instant) row[1];
        Instant lastUsedAt = (Instant) row[3];
        if (row[2] != null || !expiresAt.isAfter(now) || !Boolean.TRUE.equals(row[6])) {
            return Optional.empty();
        }
        Instant stale = now.minus(LAST_USED_PRECISION);
        if (lastUsedAt == null || lastUsedAt.isBefore(stale)) {
            ApiToken.update("lastUsedAt = ?1 where id = ?2 and (lastUsedAt is null or lastUsedAt < ?3)", now, id, stale);
        }
        return Optional.of(new Holder(id, (String) row[4], StaffAccount.rolesOf((String) row[5])));
    }

    /**
     * The token sent as an Open311 {@code api_key}, with what it may do there, when it is valid (as
     * {@link #authenticate}: known, not revoked or expired, its account active). Notes the use.
     */
    @Transactional
    public Optional<Open311Key> open311(String secret) {
        return authenticate(secret).map(holder -> {
            ApiToken token = ApiToken.findById(holder.tokenId());
            return new Open311Key(holder.tokenId(), holder.username(), scopeOf(token));
        });
    }

    private static Open311Scope scopeOf(ApiToken t) {
        return Open311Scope.of(t.open311Write, t.open311Services);
    }

    private static TokenView view(ApiToken t, Instant now) {
        return new TokenView(t.id, t.prefix, t.name, t.createdBy, t.createdAt, t.expiresAt, t.lastUsedAt, t.revokedAt,
                t.revokedBy, t.revokedAt != null, !t.expiresAt.isAfter(now), scopeOf(t));
    }
}
