package com.steadydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

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
    void fiveFailedLoginsLockTheAccount() throws Exception {
        users.create(new UserManagement.NewUser("locky", "Locky", null, "right-password", Set.of(Role.AGENT)));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("locky").password("wrong-password")).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user("locky").password("right-password")).andExpect(unauthenticated());
        assertThat(audit.recent("system", "login.locked", null, 10)).extracting(AuditLog.AuditEntry::target).contains("locky");
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
