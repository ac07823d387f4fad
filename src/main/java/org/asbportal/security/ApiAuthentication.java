package org.asbportal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * How scripts and integrations authenticate to the staff JSON API: {@code Authorization: Bearer} with
 * an API token ({@link ApiTokens}), or HTTP Basic with the account's password as before. The API paths
 * name this mechanism ({@code auth-mechanism=staff-api} in application.properties), so they take
 * nothing else: never the form sign-in's session cookie, which a browser would send with a forged
 * cross-site request. The staff and admin pages name {@code form}, so a token opens none of them.
 * <p>
 * Basic is checked by Quarkus's own mechanism (with the sign-in limits of {@link LoginThrottle}); it is
 * silent, as {@link BasicChallenge} adds the challenge to every 401 of the API.
 */
@ApplicationScoped
public class ApiAuthentication implements HttpAuthenticationMechanism {

    /** The scheme the path permissions name. */
    public static final String SCHEME = "staff-api";
    private static final String BEARER = "bearer ";

    private final BasicAuthenticationMechanism basic = new BasicAuthenticationMechanism(BasicChallenge.REALM, true);

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return basic.authenticate(context, identityProviderManager);
        }
        String token = authorization.substring(BEARER.length()).strip();
        if (token.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException("Empty bearer token"));
        }
        return identityProviderManager.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new TokenCredential(token, "bearer")), context));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return basic.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, UsernamePasswordAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer", SCHEME));
    }

    /** After Quarkus's own Basic, so on paths that name no mechanism a password is checked once. */
    @Override
    public int getPriority() {
        return HttpAuthenticationMechanism.DEFAULT_PRIORITY - 100;
    }
}
