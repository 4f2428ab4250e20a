package com.steadydesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.steadydesk.identity.internal.PasswordPolicy.Problem;
import org.junit.jupiter.api.Test;

class PasswordPolicyTests {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void refusesShortCommonAndOwnNamePasswords() {
        assertThat(policy.check("demo12345", "zhangwei")).contains(Problem.TOO_SHORT);
        assertThat(policy.check("12345678901", "zhangwei")).contains(Problem.TOO_SHORT);
        assertThat(policy.check("Password1234", "zhangwei")).contains(Problem.TOO_COMMON);
        assertThat(policy.check("qwertyuiopasdfghjkl", "zhangwei")).contains(Problem.TOO_COMMON);
        assertThat(policy.check("woaini1314520", "zhangwei")).contains(Problem.TOO_COMMON);
        assertThat(policy.check("zhangwei-at-work", "zhangwei")).contains(Problem.TOO_COMMON);
        assertThat(policy.check("x".repeat(201), "zhangwei")).contains(Problem.TOO_LONG);
    }

    @Test
    void acceptsLongUncommonPasswordsOfAnyAlphabet() {
        assertThat(policy.check("correct horse battery", "zhangwei")).isEmpty();
        assertThat(policy.check("稳客服的夜班从不打烊十二字", "zhangwei")).isEmpty();
    }

    @Test
    void shipsAListOfThousandsOfCommonPasswords() throws Exception {
        try (var in = getClass().getResourceAsStream("/identity/common-passwords.txt")) {
            long entries = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).count();
            assertThat(entries).isGreaterThan(3000);
        }
    }
}
