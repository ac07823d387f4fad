package org.asbportal.security;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Body of a siteverify response. Fields other than {@code success} are absent when they do not
 * apply: {@code score} and {@code action} are only sent for reCAPTCHA v3 tokens, and
 * {@code error-codes} only when something went wrong.
 *
 * @param success whether the token was valid for the portal's secret; {@code null} if Google left it out
 * @param score v3 likelihood, 0.0 to 1.0, that the interaction came from a person
 * @param action v3 action name the page gave when it requested the token
 * @param hostname site on which the token was issued
 * @param challengeTs when the challenge was completed (ISO 8601), as Google reports it
 * @param errorCodes Google's reasons for {@code success=false}, e.g. {@code timeout-or-duplicate}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record SiteVerifyResponse(
        Boolean success,
        Double score,
        String action,
        String hostname,
        @JsonProperty("challenge_ts") String challengeTs,
        @JsonProperty("error-codes") List<String> errorCodes) {
}
