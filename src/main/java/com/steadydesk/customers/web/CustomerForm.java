package com.steadydesk.customers.web;

import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Arrays;
import java.util.List;

/**
 * The customer form: contact points and external ids are typed one per line. {@code vipTier} and
 * {@code accountManager} are only shown to (and taken from) supervisors.
 */
record CustomerForm(@NotBlank @Size(max = 200) String name, String emails, String phones, String externalIds,
        @Size(max = 4000) String notes, VipTier vipTier, String accountManager) {

    static CustomerForm empty() {
        return new CustomerForm("", "", "", "", "", VipTier.NONE, "");
    }

    static CustomerForm of(CustomerProfile p) {
        return new CustomerForm(p.name(), String.join("\n", p.emails()), String.join("\n", p.phones()),
                String.join("\n", p.externalIds()), p.notes(), p.vipTier(), p.accountManager());
    }

    /** Emails may also be separated by commas or semicolons, as people paste them from mail clients. */
    List<String> emailList() {
        return lines(emails, "[\\n,;，；]");
    }

    List<String> phoneList() {
        return lines(phones, "[\\n,;，；]");
    }

    List<String> externalIdList() {
        return lines(externalIds, "[\\n,;，；\\s]");
    }

    private static List<String> lines(String text, String separators) {
        return text == null ? List.of() : Arrays.stream(text.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
