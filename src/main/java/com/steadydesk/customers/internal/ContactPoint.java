package com.steadydesk.customers.internal;

import com.steadydesk.customers.EmailAddress;
import java.util.regex.Pattern;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An email address or phone number of a customer, with the normalised {@code lookup} key that identifies the customer
 * ({@code Zhang@Example.com} and {@code zhang@example.com} are one address; {@code +86 138-1234-5678} and
 * {@code 13812345678} one phone).
 */
@Table("customer_contacts")
public record ContactPoint(Kind kind, String value, String lookup) {

    /** What a contact point is. */
    public enum Kind { EMAIL, PHONE }

    /** What an email address looks like here: the product's one rule, {@link EmailAddress}. */
    public static final String EMAIL_SYNTAX = EmailAddress.SYNTAX;
    /** Digits with an optional leading +; spaces, dashes, dots and brackets are separators people type. */
    public static final String PHONE_SYNTAX = "\\(?\\+?[0-9 \\-.()]{3,30}";
    private static final Pattern PHONE = Pattern.compile(PHONE_SYNTAX);
    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()]");
    private static final Pattern CN_MOBILE_WITH_PREFIX = Pattern.compile("(?:\\+86|0086|86)(1[3-9]\\d{9})");

    public ContactPoint {
        if (kind == null || value == null || lookup == null) {
            throw new IllegalArgumentException("a contact point needs a kind, a value and a lookup key");
        }
    }

    /** A trimmed email address; rejects what is not one. */
    public static ContactPoint email(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (!EmailAddress.isValid(value)) {
            throw new IllegalArgumentException("not an email address: " + raw);
        }
        return new ContactPoint(Kind.EMAIL, value, emailLookup(value));
    }

    /** A phone number as typed; rejects what is not one. */
    public static ContactPoint phone(String raw) {
        String value = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
        if (!isPhone(value)) {
            throw new IllegalArgumentException("not a phone number: " + raw);
        }
        return new ContactPoint(Kind.PHONE, value, phoneLookup(value));
    }

    public static boolean isEmail(String raw) {
        return EmailAddress.isValid(raw);
    }

    public static boolean isPhone(String raw) {
        if (raw == null || !PHONE.matcher(raw.strip()).matches()) {
            return false;
        }
        int digits = phoneLookup(raw).replace("+", "").length();
        return digits >= 3 && digits <= 20;
    }

    public static String emailLookup(String email) {
        return EmailAddress.lookupKey(email);
    }

    /**
     * Separators go, and a Chinese mobile number loses its country prefix (+86, 0086, 86) so that it is found however
     * it was written; other international numbers keep their + and country code.
     */
    public static String phoneLookup(String phone) {
        String compact = SEPARATORS.matcher(phone.strip()).replaceAll("");
        var mobile = CN_MOBILE_WITH_PREFIX.matcher(compact);
        if (mobile.matches()) {
            return mobile.group(1);
        }
        if (compact.startsWith("00")) {
            return "+" + compact.substring(2);
        }
        return compact;
    }

    public boolean isEmail() {
        return kind == Kind.EMAIL;
    }

    public boolean isPhone() {
        return kind == Kind.PHONE;
    }
}
