package com.steadydesk.customers;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for what SteadyDesk accepts as an e-mail address (customer contacts, the contact form, the ticket API,
 * status-page subscriptions, mailboxes): a plain dot-atom local part (no quotes, no comments, at most 64 characters)
 * and a domain of at least two labels, so that {@code root@localhost}, {@code z@z}, {@code "x"@example.com} and
 * {@code a@b@example.com} are refused everywhere alike. Mail from such an address still becomes a ticket (see
 * {@link CustomerManagement#identifyByEmail}); only a customer's contact point must pass this rule.
 */
public final class EmailAddress {

    /** The rule as a regular expression (for {@code @Pattern} and OpenAPI); {@link #isValid} also checks lengths. */
    public static final String SYNTAX = "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+[\\p{L}][\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}]";
    private static final Pattern PATTERN = Pattern.compile(SYNTAX);

    private EmailAddress() {
    }

    /** Whether {@code raw} (trimmed) is an address under the rule. */
    public static boolean isValid(String raw) {
        if (raw == null) {
            return false;
        }
        String value = raw.strip();
        int at = value.indexOf('@');
        return value.length() <= 254 && at > 0 && at <= 64 && value.length() - at - 1 <= 253 && PATTERN.matcher(value).matches();
    }

    /** The key two spellings of one address share ({@code Zhang@Example.com} = {@code zhang@example.com}). */
    public static String lookupKey(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /** Bean Validation for the rule; null and blank pass (combine with {@code @NotBlank} where required). */
    @Documented
    @Constraint(validatedBy = Check.class)
    @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Valid {
        String message() default "{customers.error.emailAddress}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** The validator behind {@link Valid}. */
    public static final class Check implements ConstraintValidator<Valid, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || EmailAddress.isValid(value);
        }
    }
}
