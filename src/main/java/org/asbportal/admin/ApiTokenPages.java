package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;

import org.asbportal.security.ApiTokens;
import org.asbportal.security.ApiTokens.Issued;
import org.asbportal.security.ApiTokens.TokenView;
import org.asbportal.security.CurrentStaff;
import org.asbportal.security.StaffAccount;

/**
 * The API token pages: every member of staff makes and revokes their own account's tokens
 * ({@code /staff/api-tokens}); administrators those of any account ({@code /admin/accounts/{id}/tokens}).
 * The forms' values are checked here; {@link ApiTokens} issues, revokes and audits.
 */
@ApplicationScoped
public class ApiTokenPages {

    static final int NAME_MAX = 100;

    /** Whose tokens a page shows, where its forms post, and the tokens. */
    public record TokenPage(long accountId, String username, String displayName, boolean own, boolean adminView,
            String basePath, List<TokenView> tokens, long suggestedDays, long maxDays) {

        public String daysHint() {
            return "From 1 to " + maxDays + " days. Choose the shortest time the script needs.";
        }
    }

    private final ApiTokens tokens;
    private final CurrentStaff staff;

    public ApiTokenPages(ApiTokens tokens, CurrentStaff staff) {
        this.tokens = tokens;
        this.staff = staff;
    }

    /** The signed-in member of staff's own tokens. */
    @Transactional
    public TokenPage own() {
        StaffAccount account = staff.account();
        return page(account.id, account.username, account.displayName, false, "/staff/api-tokens");
    }

    /** The tokens of the account with this id (an administrator's page). */
    @Transactional
    public TokenPage ofAccount(String id) {
        StaffAccount account = StaffAccount.findById(Forms.id(id, "staff account"));
        if (account == null) {
            throw new NotFoundException("No staff account with this address");
        }
        return page(account.id, account.username, account.displayName, true, "/admin/accounts/" + account.id + "/tokens");
    }

    /** Makes a token for the page's account, named and valid for the days given, or says what to change. */
    public Issued create(TokenPage page, String name, String days) {
        Forms check = new Forms();
        String named = Forms.trimmed(name);
        if (named == null) {
            check.add("name", "Enter what the token is for");
        } else if (named.length() > NAME_MAX) {
            check.add("name", "The name must be " + NAME_MAX + " characters or fewer");
        }
        long validDays = 0;
        try {
            validDays = Long.parseLong(Forms.trimmed(days) == null ? "" : days.strip());
        } catch (NumberFormatException e) {
            validDays = 0;
        }
        if (validDays < 1 || validDays > page.maxDays()) {
            check.add("days", "Enter how many days the token is valid for, from 1 to " + page.maxDays());
        }
        check.check();
        return tokens.issue(staff.username(), page.accountId(), named, Duration.ofDays(validDays));
    }

    /** Revokes one of the page's account's tokens; 404 for a token of another account or none. */
    public void revoke(TokenPage page, String tokenId) {
        if (!tokens.revoke(staff.username(), page.accountId(), Forms.id(tokenId, "API token"))) {
            throw new NotFoundException("No API token with this address");
        }
    }

    private TokenPage page(long accountId, String username, String displayName, boolean adminView, String basePath) {
        long maxDays = Math.max(1, tokens.config().maxValidity().toDays());
        long suggested = Math.min(maxDays, Math.max(1, tokens.config().defaultValidity().toDays()));
        return new TokenPage(accountId, username, displayName, username.equals(staff.username()), adminView, basePath,
                tokens.list(accountId), suggested, maxDays);
    }
}
