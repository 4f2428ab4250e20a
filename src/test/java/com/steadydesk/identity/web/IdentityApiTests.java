package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@SpringBootTest
@AutoConfigureMockMvc
class IdentityApiTests {

    static final RequestPostProcessor ADMIN = httpBasic("admin", "test-admin-password");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    AuditLog audit;

    @Test
    void meTellsWhoIsCallingWithTheRolesTheHierarchyGives() throws Exception {
        mvc.perform(get("/api/v1/me").with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.roles").value(Matchers.contains("ADMIN")))
                .andExpect(jsonPath("$.effectiveRoles").value(Matchers.containsInAnyOrder(
                        "ADMIN", "SUPERVISOR", "AGENT", "TEMP_AGENT", "REVIEWER", "CRISIS_LEAD")));
    }

    @Test
    void adminCreatesListsAndDeactivatesUsers() throws Exception {
        String location = mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "api-created", "displayName": "接口创建", "email": "api@example.com",
                         "password": "long-enough-pw", "roles": ["TEMP_AGENT"]}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.username").value("api-created"))
                .andExpect(jsonPath("$.active").value(true))
                .andExpect(jsonPath("$.password").doesNotExist())
                .andReturn().getResponse().getHeader("Location");
        assertThat(location).matches("/api/v1/users/\\d+");

        mvc.perform(get(location).with(ADMIN)).andExpect(jsonPath("$.roles[0]").value("TEMP_AGENT"));
        mvc.perform(get("/api/v1/users").with(ADMIN).param("cursor", "api-c").param("limit", "1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].username").value("api-created"));
        // With admin and api-created there is always a second page after the first user; 'after' is the older spelling.
        String first = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/users").with(ADMIN).param("after", "").param("limit", "1"))
                .andReturn().getResponse().getContentAsString(), "$.items[0].username");
        mvc.perform(get("/api/v1/users").with(ADMIN).param("limit", "1")).andExpect(jsonPath("$.nextCursor").value(first));

        mvc.perform(post(location + "/deactivate").with(ADMIN)).andExpect(status().isNoContent());
        assertThat(users.findByUsername("api-created").orElseThrow().active()).isFalse();
        mvc.perform(post(location + "/deactivate").with(ADMIN))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.rule").value("user.already-inactive"));
        assertThat(audit.recent("admin", "user.deactivated", null, 50)).extracting(AuditLog.AuditEntry::target).contains("api-created");
    }

    @Test
    void badRequestsAnswerProblemDetails() throws Exception {
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"x\", \"password\": \"short\", \"roles\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("username", "password", "roles")));
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"admin\", \"password\": \"long-enough-pw\", \"roles\": [\"AGENT\"]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.rule").value("user.username-taken"));
        mvc.perform(get("/api/v1/users/999999").with(ADMIN))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void onlyAdminsAdministerUsersThroughTheApi() throws Exception {
        users.create(new NewUser("api-lead", "Lead", null, "long-enough-pw", Set.of(Role.SUPERVISOR)));
        RequestPostProcessor lead = httpBasic("api-lead", "long-enough-pw");
        mvc.perform(get("/api/v1/me").with(lead)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").with(lead))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/users").with(lead).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\": \"by-lead\", \"password\": \"long-enough-pw\", \"roles\": [\"ADMIN\"]}"))
                .andExpect(status().isForbidden());
        assertThat(users.findByUsername("by-lead")).isEmpty();
        mvc.perform(get("/api/v1/me")).andExpect(status().isUnauthorized()).andExpect(header().exists("WWW-Authenticate"));
    }
}
