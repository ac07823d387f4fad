package org.asbportal.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Google's reCAPTCHA siteverify API. Built by {@link CaptchaVerifier} with the endpoint's full URL
 * as base URI, so the method itself has no path.
 *
 * @see <a href="https://developers.google.com/recaptcha/docs/verify">Verifying the user's response</a>
 */
interface SiteVerifyClient extends AutoCloseable {

    /**
     * Asks Google whether a token from the widget is genuine.
     *
     * @param secret the portal's secret key
     * @param response the token the browser submitted
     * @param remoteIp the resident's IP address, or {@code null} to leave it out
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    SiteVerifyResponse verify(@FormParam("secret") String secret,
                              @FormParam("response") String response,
                              @FormParam("remoteip") String remoteIp);

    /** Releases the underlying HTTP client. */
    @Override
    void close();
}
