package org.asbportal.admin;

import java.util.ArrayList;
import java.util.List;

import org.asbportal.security.StaffAccount;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The staff account form: who the account is, its organisation, roles, whether it may sign in, and
 * the queues and wards it is granted. The password is only read when the account is created and is
 * never shown again.
 */
public class AccountForm {

    @RestForm
    public String username;

    @RestForm
    public String displayName;

    @RestForm
    public String email;

    @RestForm
    public String organisation;

    @RestForm
    public List<String> roles = new ArrayList<>();

    @RestForm
    public String password;

    @RestForm
    public String active;

    @RestForm
    public List<String> queues = new ArrayList<>();

    @RestForm
    public List<String> wards = new ArrayList<>();

    @RestForm
    public String version;

    static AccountForm of(StaffAccount account, List<String> queueCodes) {
        AccountForm form = new AccountForm();
        form.username = account.username;
        form.displayName = account.displayName;
        form.email = account.email;
        form.organisation = account.organisation.code;
        form.roles = new ArrayList<>(account.roleSet());
        form.active = account.active ? "yes" : "no";
        form.queues = new ArrayList<>(queueCodes);
        form.wards = new ArrayList<>(account.wardCodes);
        form.version = String.valueOf(account.version);
        return form;
    }

    public boolean hasRole(String role) {
        return roles != null && roles.contains(role);
    }

    public boolean hasQueue(String code) {
        return queues != null && queues.contains(code);
    }

    public boolean hasWard(String code) {
        return wards != null && wards.contains(code);
    }
}
