package org.asbportal.admin;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import java.util.List;

import org.asbportal.admin.ApiTokenPages.TokenPage;
import org.asbportal.security.ApiTokens.Issued;
import org.asbportal.web.PageErrors;

/** The API token page, the same for a member of staff's own tokens and an administrator's view of an account's. */
@CheckedTemplate(basePath = "admin")
final class ApiTokenTemplates {

    private ApiTokenTemplates() {
    }

    /** The tokens, the form to make one and, just after making one, the token itself (shown this once). */
    static native TemplateInstance apiTokens(TokenPage page, Issued issued, PageErrors errors, String name, String days,
            List<String> open311Write, List<String> open311Services, String saved);

    static TemplateInstance of(TokenPage page, String saved) {
        return apiTokens(page, null, PageErrors.NONE, "", String.valueOf(page.suggestedDays()), List.of(), List.of(), saved);
    }

    static String savedMessage(String saved) {
        return "revoked".equals(saved) ? "API token revoked: it no longer works" : null;
    }
}
