package com.steadydesk.customers;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The masking policy: a viewer sees phones and emails in clear only with role AGENT or above (TEMP_AGENT, anonymous
 * and system viewers see {@code 138****5678}, {@code z***@example.com}). Free text (message bodies, notes) can be
 * masked too. Masking is idempotent: masking masked text changes nothing.
 */
@Component
public class ContactMasking {

    /**
     * An email address, matched before phones so that {@code 13812345678@qq.com} is masked as one address. It starts
     * where a word starts, so a masked address ({@code z***@example.com}) is not matched again from its middle.
     */
    private static final String EMAIL = "(?<![A-Za-z0-9._%+\\-@*])[A-Za-z0-9._%+\\-]+@[A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,}";
    /** +country code and at least 6 more digits, with spaces or dashes between them. */
    private static final String INTERNATIONAL = "(?<![\\d+*])(?<![\\d*][ \\-])\\+\\d{1,3}(?:[ \\-]?\\d){6,14}(?![ \\-]?[\\d*])";
    /** A Chinese mobile number (1[3-9] and 9 digits), written whole or as 138 1234 5678 / 138-1234-5678. */
    private static final String CN_MOBILE = "(?<![\\d+*])(?<![\\d*][ \\-])(?:(?:00)?86[ \\-]?)?1[3-9]\\d(?:[ \\-]?\\d){8}(?![ \\-]?[\\d*])";
    /** A landline with its area code set off: 010-12345678, (021) 1234567. */
    private static final String LANDLINE = "(?<![\\d*])(?<![\\d*][ \\-])(?:0\\d{2,3}-|\\(0\\d{2,3}\\)[ ]?)\\d{7,8}(?![ \\-]?[\\d*])";
    // Each phone pattern refuses to start or end next to a digit or a masked digit (*), even across one separator, so
    // that it never cuts a number out of a longer run of digits (an order number, two numbers written together) and
    // never finds a new number in text it has masked already.
    private static final Pattern CONTACT_IN_TEXT = Pattern.compile(
            "(" + EMAIL + ")|(" + INTERNATIONAL + "|" + CN_MOBILE + "|" + LANDLINE + ")");
    private static final Pattern CN_PREFIXED_MOBILE = Pattern.compile("(?:\\+86|0086)(1[3-9][\\d*]{9})");

    private final BooleanSupplier viewerSeesContacts;

    @Autowired
    public ContactMasking(CurrentUser currentUser) {
        this(() -> currentUser.hasRole(Role.AGENT));
    }

    /** With a fixed answer to "may the viewer see contacts", for code that decides it elsewhere (and for tests). */
    public ContactMasking(BooleanSupplier viewerSeesContacts) {
        this.viewerSeesContacts = viewerSeesContacts;
    }

    /** True when the current user may see contact data unmasked (AGENT and above; a TEMP_AGENT may not). */
    public boolean currentViewerSeesContacts() {
        return viewerSeesContacts.getAsBoolean();
    }

    /** {@code zhang@example.com} → {@code z***@example.com}: the first character and the domain stay. */
    public String maskEmail(String email) {
        if (email == null || email.isBlank()) {
            return email;
        }
        String trimmed = email.strip();
        int at = trimmed.lastIndexOf('@');
        if (at < 0) {
            return trimmed.charAt(0) + "***";
        }
        return (at == 0 ? "" : String.valueOf(trimmed.charAt(0))) + "***" + trimmed.substring(at);
    }

    /**
     * {@code 13812345678} → {@code 138****5678}; {@code +86 138-1234-5678} → {@code +86 138****5678}; a landline
     * {@code 010-12345678} → {@code 010****5678}. Numbers of 7 to 10 digits keep two at each end, shorter ones none.
     * Letters and separators are dropped, so nothing but the kept digits survives.
     */
    public String maskPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String compact = phone.strip().replaceAll("[^0-9*+]", "");
        Matcher mobile = CN_PREFIXED_MOBILE.matcher(compact);
        if (mobile.matches()) {
            return "+86 " + maskDigits(mobile.group(1));
        }
        String prefix = compact.startsWith("+") ? "+" : "";
        return prefix + maskDigits(compact.replace("+", ""));
    }

    /** Masks every email address and phone number found in the text. */
    public String maskText(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher matcher = CONTACT_IN_TEXT.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            String replacement = matcher.group(1) != null ? maskEmail(matcher.group(1)) : maskPhone(matcher.group(2));
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** The value as the current viewer may see it: unchanged, or masked as email or phone. */
    public String emailForViewer(String email) {
        return currentViewerSeesContacts() ? email : maskEmail(email);
    }

    public String phoneForViewer(String phone) {
        return currentViewerSeesContacts() ? phone : maskPhone(phone);
    }

    public String textForViewer(String text) {
        return currentViewerSeesContacts() ? text : maskText(text);
    }

    /** The profile as the current viewer may see it: contacts masked, and name and notes cleared of contact data. */
    public CustomerProfile profileForViewer(CustomerProfile profile) {
        return profile == null || currentViewerSeesContacts() ? profile : mask(profile);
    }

    /** The profile with contact points masked, whoever looks. */
    public CustomerProfile mask(CustomerProfile p) {
        if (p.masked()) {
            return p;
        }
        return new CustomerProfile(p.id(), maskText(p.name()), map(p.emails(), this::maskEmail), map(p.phones(), this::maskPhone),
                p.externalIds(), p.vipTier(), p.accountManager(), maskText(p.notes()), p.createdAt(), true);
    }

    private static List<String> map(List<String> values, UnaryOperator<String> f) {
        return values == null ? List.of() : values.stream().map(f).toList();
    }

    /**
     * Keeps the first 3 and last 4 of 11 or more positions, 2 and 2 of 7 to 10, none of fewer; a {@code *} counts
     * as a position, which makes masking a masked number a no-op.
     */
    private static String maskDigits(String positions) {
        int n = positions.length();
        if (n == 0) {
            return "***";
        }
        int head = n >= 11 ? 3 : n >= 7 ? 2 : 0;
        int tail = n >= 11 ? 4 : n >= 7 ? 2 : 0;
        return positions.substring(0, head) + "*".repeat(n - head - tail) + positions.substring(n - tail);
    }
}
