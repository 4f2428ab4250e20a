package com.steadydesk.identity.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password a person chooses must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}, and
 * not one of the common passwords in {@code identity/common-passwords.txt} (the first ones a guesser tries), nor
 * contain the user's own name. Length beats composition rules (NIST SP 800-63B), so there are none of those.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    /** Why a password is refused; {@code code} is the end of the message key {@code identity.error.password.<code>}. */
    public enum Problem {
        TOO_SHORT("tooShort"), TOO_LONG("tooLong"), TOO_COMMON("tooCommon");

        private final String code;

        Problem(String code) {
            this.code = code;
        }

        /** The message key of the refusal in the identity bundles. */
        public String messageKey() {
            return "identity.error.password." + code;
        }
    }

    private final Set<String> common;

    PasswordPolicy() {
        try (var reader = new BufferedReader(new InputStreamReader(
                new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with the password for this user, if anything. */
    public Optional<Problem> check(String password, String username) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        boolean ownName = username != null && username.length() >= 4 && lower.contains(username.toLowerCase(Locale.ROOT));
        if (common.contains(lower) || ownName) {
            return Optional.of(Problem.TOO_COMMON);
        }
        return Optional.empty();
    }
}
