package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.identity.internal.ApiTokens;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Role and password changes reach sessions that are already open and API tokens already issued, at once. */
@SpringBootTest
@AutoConfigureMockMvc
class SessionsFollowAccountChangesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    AuditLog audit;

    @Test
    void aSupervisorMadeTemporaryAgentLosesSupervisorRightsInTheOpenSessionAndOnTheirTokens() throws Exception {
        UserSummary wang = users.create(new NewUser("demoted-sup", "王芳", null, "supervisor-pass-1", Set.of(Role.SUPERVISOR)));
        String token = tokens.issue(wang.id().value(), "sync", null).secret();
        MockHttpSession session = login("demoted-sup", "supervisor-pass-1");
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.effectiveRoles").value(Matchers.hasItem("SUPERVISOR")));

        mvc.perform(post("/admin/users/{id}", wang.id().value()).with(user("admin").roles("ADMIN")).with(csrf())
                .param("displayName", "王芳").param("roles", "TEMP_AGENT")).andExpect(status().is3xxRedirection());

        // the same session, no new login: the supervisor screen is closed, the session itself goes on as a temp agent
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.effectiveRoles").value(Matchers.contains("TEMP_AGENT")));
    }

    @Test
    void aTemporaryAgentMadeSupervisorGetsTheRightsWithoutLoggingInAgain() throws Exception {
        UserSummary li = users.create(new NewUser("promoted-temp", "李四", null, "temporary-pass-1", Set.of(Role.TEMP_AGENT)));
        MockHttpSession session = login("promoted-temp", "temporary-pass-1");
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users/{id}", li.id().value()).with(user("admin").roles("ADMIN")).with(csrf())
                .param("displayName", "李四").param("roles", "SUPERVISOR")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/audit").session(session)).andExpect(status().isOk());
    }

    @Test
    void changingTheOwnPasswordEndsTheOtherSessionsAndRevokesTheApiTokens() throws Exception {
        UserSummary me = users.create(new NewUser("pw-rotator", "Rotator", null, "first-password-1", Set.of(Role.AGENT)));
        String token = tokens.issue(me.id().value(), "laptop script", null).secret();
        MockHttpSession here = login("pw-rotator", "first-password-1");
        MockHttpSession elsewhere = login("pw-rotator", "first-password-1");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());

        mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", "first-password-1")
                .param("newPassword", "second-password-2").param("confirmation", "second-password-2"))
                .andExpect(redirectedUrl("/account"));

        mvc.perform(get("/account").session(here)).andExpect(status().isOk());
        mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
        assertThat(users.tokens(me.id())).allMatch(t -> t.revokedAt() != null);
        assertThat(audit.recent("pw-rotator", "user.password-changed", null, 5)).singleElement()
                .satisfies(e -> assertThat(e.details()).contains("1 API tokens revoked"));
    }

    @Test
    void anAdminPasswordResetEndsEverySessionAndRevokesTheApiTokens() throws Exception {
        UserSummary leaked = users.create(new NewUser("pw-leaked", "Leaked", null, "leaked-password-1", Set.of(Role.AGENT)));
        String token = tokens.issue(leaked.id().value(), "ci", null).secret();
        MockHttpSession thief = login("pw-leaked", "leaked-password-1");

        mvc.perform(post("/admin/users/{id}/password", leaked.id().value()).with(user("admin").roles("ADMIN")).with(csrf())
                .param("newPassword", "fresh-password-77")).andExpect(status().is3xxRedirection());

        mvc.perform(get("/account").session(thief)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    private MockHttpSession login(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password)).andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession();
    }
}
