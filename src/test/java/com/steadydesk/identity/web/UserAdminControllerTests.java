package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.AuditLog.AuditEntry;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserDeactivated;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class UserAdminControllerTests {

    // The tests run as a mock admin, so logins are judged by where they lead: "/" on success, "/login?error" on failure.

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    AuditLog audit;
    @Autowired
    ApplicationEvents events;

    @Test
    @WithMockUser(username = "an-agent", roles = "AGENT")
    void agentIsForbiddenOnTheAdminScreensAndTheUsersApi() throws Exception {
        mvc.perform(get("/admin/users")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/new")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/users").with(csrf()).param("username", "sneaky")).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users")).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(users.findByUsername("sneaky")).isEmpty();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminCreatesAUserThroughTheForm() throws Exception {
        mvc.perform(get("/admin/users/new")).andExpect(status().isOk()).andExpect(view().name("identity/user-new"));
        var result = mvc.perform(post("/admin/users").with(csrf())
                        .param("username", "form-created").param("displayName", "马晓").param("email", "maxiao@example.com")
                        .param("roles", "AGENT", "REVIEWER").param("password", "a-good-password"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        UserSummary created = users.findByUsername("form-created").orElseThrow();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/users/" + created.id().value());
        assertThat(created.displayName()).isEqualTo("马晓");
        assertThat(created.roles()).containsExactlyInAnyOrder(Role.AGENT, Role.REVIEWER);
        assertThat(audit.recent("admin", "user.created", null, 50)).extracting(AuditEntry::target).contains("form-created");
        mvc.perform(formLogin().user("form-created").password("a-good-password")).andExpect(redirectedUrl("/"));

        Document list = Jsoup.parse(mvc.perform(get("/admin/users")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(list.select("table.users td a").eachText()).contains("form-created", "admin");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aMissingFieldShowsItsErrorNextToTheFieldInTheUsersLanguage() throws Exception {
        String html = mvc.perform(post("/admin/users").with(csrf())
                        .param("username", "no-name").param("displayName", "").param("password", "short"))
                .andExpect(status().isOk()).andExpect(view().name("identity/user-new"))
                .andReturn().getResponse().getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("#displayName ~ .field-error").text()).isEqualTo("必填");
        assertThat(page.select("#password ~ .field-error").text()).isEqualTo("密码至少 12 位");
        assertThat(page.select("fieldset.roles .field-error").text()).isEqualTo("请至少选择一个角色");
        assertThat(page.select("#username ~ .field-error")).isEmpty();
        assertThat(page.select("#username").val()).isEqualTo("no-name");
        assertThat(users.findByUsername("no-name")).isEmpty();

        Document english = Jsoup.parse(mvc.perform(post("/admin/users").with(csrf()).param("lang", "en")
                        .param("username", "x").param("displayName", "X").param("roles", "AGENT").param("password", "long-enough-pw"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(english.select("#username ~ .field-error").text()).startsWith("A username has 2–64");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aTakenUsernameIsReportedAtTheUsernameField() throws Exception {
        Document page = Jsoup.parse(mvc.perform(post("/admin/users").with(csrf())
                        .param("username", "admin").param("displayName", "Another").param("roles", "AGENT").param("password", "long-enough-pw"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#username ~ .field-error").text()).isEqualTo("该用户名已被使用");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aPostWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/admin/users")
                        .param("username", "no-csrf").param("displayName", "No").param("roles", "AGENT").param("password", "long-enough-pw"))
                .andExpect(status().isForbidden());
        UserSummary someone = users.create(new NewUser("csrf-target", "Target", null, "long-enough-pw", Set.of(Role.AGENT)));
        mvc.perform(post("/admin/users/{id}/deactivate", someone.id().value())).andExpect(status().isForbidden());
        assertThat(users.findByUsername("no-csrf")).isEmpty();
        assertThat(users.findById(someone.id()).orElseThrow().active()).isTrue();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void aDeactivatedUserCannotLogInAndOtherModulesAreTold() throws Exception {
        UserSummary leaving = users.create(new NewUser("leaving", "离职的人", null, "long-enough-pw", Set.of(Role.AGENT)));
        mvc.perform(formLogin().user("leaving").password("long-enough-pw")).andExpect(redirectedUrl("/"));

        mvc.perform(post("/admin/users/{id}/deactivate", leaving.id().value()).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + leaving.id().value()))
                .andExpect(flash().attribute("flash", "已停用 leaving。"));

        mvc.perform(formLogin().user("leaving").password("long-enough-pw")).andExpect(redirectedUrl("/login?error"));
        assertThat(events.stream(UserDeactivated.class)).containsExactly(new UserDeactivated(leaving.id(), "leaving"));
        assertThat(audit.recent("admin", "user.deactivated", null, 50)).extracting(AuditEntry::target).contains("leaving");

        mvc.perform(post("/admin/users/{id}/reactivate", leaving.id().value()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("leaving").password("long-enough-pw")).andExpect(redirectedUrl("/"));
    }

    @Test
    void deactivationEndsTheSessionsTheUserHasOpen() throws Exception {
        UserSummary leaving = users.create(new NewUser("still-logged-in", "还在线", null, "long-enough-pw", Set.of(Role.AGENT)));
        var session = (MockHttpSession) mvc.perform(formLogin().user("still-logged-in").password("long-enough-pw"))
                .andExpect(redirectedUrl("/")).andReturn().getRequest().getSession();
        mvc.perform(get("/account").session(session)).andExpect(status().isOk());

        mvc.perform(post("/admin/users/{id}/deactivate", leaving.id().value()).with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/login?expired"));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminCannotDeactivateOrDemoteThemself() throws Exception {
        long adminId = users.findByUsername("admin").orElseThrow().id().value();
        mvc.perform(post("/admin/users/{id}/deactivate", adminId).with(csrf()))
                .andExpect(flash().attribute("flashError", "不能停用自己的账号。"));
        mvc.perform(post("/admin/users/{id}", adminId).with(csrf()).param("displayName", "Admin").param("roles", "AGENT"))
                .andExpect(flash().attribute("flashError", "不能移除自己的管理员角色。"));
        UserSummary admin = users.findByUsername("admin").orElseThrow();
        assertThat(admin.active()).isTrue();
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void resetPasswordReplacesTheOldOneAndIsAudited() throws Exception {
        UserSummary forgetful = users.create(new NewUser("forgetful", "健忘", null, "old-password", Set.of(Role.AGENT)));
        mvc.perform(post("/admin/users/{id}/password", forgetful.id().value()).with(csrf()).param("newPassword", "new-password"))
                .andExpect(redirectedUrl("/admin/users/" + forgetful.id().value()));

        mvc.perform(formLogin().user("forgetful").password("old-password")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("forgetful").password("new-password")).andExpect(redirectedUrl("/"));
        assertThat(audit.recent("admin", "user.password-reset", null, 50)).extracting(AuditEntry::target).contains("forgetful");

        Document tooShort = Jsoup.parse(mvc.perform(post("/admin/users/{id}/password", forgetful.id().value()).with(csrf())
                        .param("newPassword", "short"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(tooShort.select("#newPassword ~ .field-error").text()).isEqualTo("密码至少 12 位");
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void editChangesNameAndRolesAndUnlockLiftsTheLoginDelay() throws Exception {
        UserSummary locked = users.create(new NewUser("locked-out", "Locked", null, "right-password", Set.of(Role.TEMP_AGENT)));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("locked-out").password("wrong-password"));
        }
        Document detail = Jsoup.parse(mvc.perform(get("/admin/users/{id}", locked.id().value()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(detail.select(".locked-note").text()).contains("登录失败次数过多");
        mvc.perform(formLogin().user("locked-out").password("right-password")).andExpect(redirectedUrlPattern("/login?throttled=*"));

        mvc.perform(post("/admin/users/{id}/unlock", locked.id().value()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user("locked-out").password("right-password")).andExpect(redirectedUrl("/"));
        assertThat(audit.recent("admin", "user.unlocked", null, 50)).extracting(AuditEntry::target).contains("locked-out");

        mvc.perform(post("/admin/users/{id}", locked.id().value()).with(csrf())
                        .param("displayName", "刘洋（外包）").param("email", "").param("roles", "AGENT"))
                .andExpect(redirectedUrl("/admin/users/" + locked.id().value()));
        UserSummary changed = users.findById(locked.id()).orElseThrow();
        assertThat(changed.displayName()).isEqualTo("刘洋（外包）");
        assertThat(changed.roles()).containsExactly(Role.AGENT);
        assertThat(audit.recent("admin", "user.updated", null, 50)).extracting(AuditEntry::target).contains("locked-out");
    }
}
