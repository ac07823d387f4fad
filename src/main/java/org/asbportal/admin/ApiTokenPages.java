package org.asbportal.admin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.asbportal.category.CategoryService;

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
            String basePath, List<TokenView> tokens, long suggestedDays, long maxDays, List<Choice> services) {

        public String daysHint() {
            return "From 1 to " + maxDays + " days. Choose the shortest time the script needs.";
        }

        /** Whether the form sets what the token may do through Open311: administrators only. */
        public boolean setsOpen311Scope() {
            return adminView;
        }

        /** The one choice of the Open311 question. */
        public List<Choice> writeChoice() {
            return List.of(new Choice(OPEN311_WRITE, "It may send service requests (reports) through Open311"));
        }
    }

    /** A checkbox of the form. */
    public record Choice(String value, String label) {
    }

    /** The value of the Open311 checkbox. */
    static final String OPEN311_WRITE = "yes";

    private final ApiTokens tokens;
    private final CurrentStaff staff;
    private final CategoryService categories;

    public ApiTokenPages(ApiTokens tokens, CurrentStaff staff, CategoryService categories) {
        this.tokens = tokens;
        this.staff = staff;
        this.categories = categories;
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
        return create(page, name, days, null, List.of());
    }

    /**
     * As {@link #create(TokenPage, String, String)}, with what the token may do through Open311 (on an
     * administrator's page only; elsewhere a token is read-only there): send requests or not, and for
     * which service codes (none chosen: every service).
     */
    public Issued create(TokenPage page, String name, String days, String open311Write, List<String> services) {
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
        ApiTokens.Open311Scope scope = ApiTokens.Open311Scope.READ_ONLY;
        if (page.setsOpen311Scope()) {
            List<String> chosen = services == null ? List.of() : services.stream().filter(s -> s != null && !s.isBlank())
                    .map(String::strip).distinct().toList();
            if (chosen.stream().anyMatch(code -> categories.find(code).isEmpty())) {
                check.add("open311Services", "Choose services from the list");
            } else if (!chosen.isEmpty() && !OPEN311_WRITE.equals(open311Write)) {
                check.add("open311Write", "Choose whether the token may send service requests, or choose no services");
            }
            scope = new ApiTokens.Open311Scope(OPEN311_WRITE.equals(open311Write), Set.copyOf(chosen));
        }
        check.check();
        return tokens.issue(staff.username(), page.accountId(), named, Duration.ofDays(validDays), scope);
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
        List<Choice> services = categories.all().stream().map(c -> new Choice(c.code(), c.name() + " (" + c.code() + ")"))
                .toList();
        return new TokenPage(accountId, username, displayName, username.equals(staff.username()), adminView, basePath,
                tokens.list(accountId), suggested, maxDays, services);
    }
}
