package org.asbportal.security;

import java.net.URI;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Where signing in lands: each member of staff is sent to the page their work starts from, so a
 * councillor, a Community Trigger coordinator or a PLEDGE reviewer never lands on the triage queues
 * they may not open.
 */
@Path("/staff/start")
@Authenticated
public class StaffStartResource {

    private final SecurityIdentity identity;

    public StaffStartResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    public Response start() {
        return Response.seeOther(URI.create(startPage())).header("Cache-Control", "no-store").build();
    }

    private String startPage() {
        if (identity.hasRole(Role.ADMIN) || identity.hasRole(Role.TRIAGE_OFFICER) || identity.hasRole(Role.CASEWORKER)) {
            return "/staff";
        }
        if (identity.hasRole(Role.TRIGGER_COORDINATOR)) {
            return "/staff/community-trigger";
        }
        if (identity.hasRole(Role.PLEDGE_REVIEWER)) {
            return "/staff/pledge";
        }
        if (identity.hasRole(Role.COUNCILLOR)) {
            return "/wards";
        }
        return "/staff";
    }
}
