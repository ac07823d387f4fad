package org.asbportal.security;

import io.vertx.core.http.HttpServerRequest;

/**
 * The one place a client is identified for every per-client limit (wrong access codes, submissions,
 * sign-in emails): the address the request came from. Behind a load balancer or ingress that
 * address is taken from {@code X-Forwarded-For} / {@code Forwarded}, but only when the proxy is one
 * of {@code quarkus.http.proxy.trusted-proxies} (see application.properties); from anyone else the
 * headers are ignored and the connection's own address is used.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    /** The client's address, after trusted forwarding headers were applied; "unknown" when there is none. */
    public static String of(HttpServerRequest request) {
        if (request == null || request.remoteAddress() == null || request.remoteAddress().hostAddress() == null) {
            return "unknown";
        }
        return request.remoteAddress().hostAddress();
    }
}
