package com.steadydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class LoginTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    AuditLog audit;

    @Test
    void firstAdminLogsInWithTheConfiguredPassword() throws Exception {
        mvc.perform(formLogin().user("admin").password("test-admin-password")).andExpect(authenticated());
        assertThat(audit.recent("admin", "login.succeeded", null, 10)).isNotEmpty();
    }

    @Test
    void wrongPasswordIsRefusedAndAudited() throws Exception {
        mvc.perform(formLogin().user("admin").password("nope-nope")).andExpect(unauthenticated());
        assertThat(audit.recent("admin", "login.failed", null, 10)).isNotEmpty();
    }

    @Test
    void failedLoginsSlowDownTheGuessersAddressWithoutLockingTheOwnerOut() throws Exception {
        users.create(new UserManagement.NewUser("guessed", "Guessed", null, "right-password-1", Set.of(Role.AGENT)));
        for (int i = 0; i < 3; i++) {
            mvc.perform(login("guessed", "wrong-password", "10.1.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        // the guesser's address waits, even with the right password, and without the password being checked
        mvc.perform(login("guessed", "right-password-1", "10.1.0.1")).andExpect(redirectedUrlPattern("/login?throttled=*"));
        // the owner at another address is not locked out
        mvc.perform(login("guessed", "right-password-1", "10.1.0.2")).andExpect(redirectedUrl("/"));
        assertThat(users.findByUsername("guessed").orElseThrow().active()).isTrue();
    }

    @Test
    void nobodyCanLockTheAdminOutFromManyAddresses() throws Exception {
        mvc.perform(login("admin", "test-admin-password", "10.2.0.1")).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 10; i++) {
            mvc.perform(login("admin", "wrong-password", "10.2.1." + i)).andExpect(redirectedUrl("/login?error"));
        }
        // guessed from many addresses: a new address waits (at most a minute) ...
        mvc.perform(login("admin", "test-admin-password", "10.2.0.9")).andExpect(redirectedUrlPattern("/login?throttled=*"));
        // ... the admin at an address they used before does not
        mvc.perform(login("admin", "test-admin-password", "10.2.0.1")).andExpect(redirectedUrl("/"));
    }

    @Test
    void oneAddressTryingManyAccountsIsSlowedDownAndToldHowLong() throws Exception {
        for (int i = 0; i < 10; i++) {
            mvc.perform(login("no-such-user-" + i, "wrong-password", "10.3.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        String wait = mvc.perform(login("admin", "test-admin-password", "10.3.0.1"))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(wait).matches("/login\\?throttled=\\d+");
        mvc.perform(get(wait)).andExpect(content().string(org.hamcrest.Matchers.containsString(
                "登录失败次数过多。请 " + wait.substring(wait.indexOf('=') + 1) + " 秒后再试")));
    }

    /** A login form post from the given client address. */
    static MockHttpServletRequestBuilder login(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    @Test
    void pagesNeedLoginAndFormsNeedCsrf() throws Exception {
        mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/login")));
        mvc.perform(post("/logout")).andExpect(status().isForbidden());
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("登录")));
    }

    @Test
    void apiAnswersProblemJsonWithoutCredentials() throws Exception {
        mvc.perform(get("/api/v1/anything")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/anything").header("Authorization", "Bearer sd_not-a-token")).andExpect(status().isUnauthorized());
    }
}
