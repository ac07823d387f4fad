package org.asbportal.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The identity of an API token ({@link ApiAuthentication} reads it from {@code Authorization: Bearer}):
 * its account's username and roles, exactly as a password would give them, so every check of roles,
 * grants and organisation treats a token as its account. A token that is unknown, revoked, expired or
 * of a deactivated account is refused (401).
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiTokens tokens;

    public ApiTokenIdentityProvider(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String secret = request.getToken().getToken();
        return context.runBlocking(() -> tokens.authenticate(secret)
                .map(holder -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(holder.username()))
                        .addRoles(holder.roles())
                        .addAttribute(ApiTokens.TOKEN_ID_ATTRIBUTE, holder.tokenId())
                        .build())
                .orElseThrow(() -> new AuthenticationFailedException("Unknown, revoked or expired API token")));
    }
}
