package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.ApiToken;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.AuditLog.AuditEntry;
import com.steadydesk.identity.IssuedApiToken;
import com.steadydesk.identity.Role;
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
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.FlashMap;

@SpringBootTest
@AutoConfigureMockMvc
class AccountControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;
    @Autowired
    AuditLog audit;

    @Test
    void aTokenCreatedOnTheAccountPageIsShownOnceAndWorksUntilRevoked() throws Exception {
        UserSummary owner = users.create(new NewUser("token-owner", "令牌主人", null, "long-enough-pw", Set.of(Role.AGENT)));
        RequestPostProcessor asOwner = user("token-owner").roles("AGENT");

        FlashMap flash = mvc.perform(post("/account/tokens").with(asOwner).with(csrf()).param("name", "工单同步").param("expiresOn", ""))
                .andExpect(redirectedUrl("/account"))
                .andReturn().getFlashMap();
        IssuedApiToken issued = (IssuedApiToken) flash.get("newToken");
        assertThat(issued.secret()).startsWith("sd_");

        Document once = Jsoup.parse(mvc.perform(get("/account").with(asOwner).flashAttrs(flash))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(once.select("#new-token-secret").val()).isEqualTo(issued.secret());
        String again = mvc.perform(get("/account").with(asOwner)).andReturn().getResponse().getContentAsString();
        assertThat(again).doesNotContain(issued.secret()).contains(issued.secret().substring(0, 10));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("token-owner"))
                .andExpect(jsonPath("$.roles[0]").value("AGENT"))
                .andExpect(jsonPath("$.effectiveRoles").value(org.hamcrest.Matchers.containsInAnyOrder("AGENT", "TEMP_AGENT")));
        assertThat(users.tokens(owner.id())).singleElement().extracting(ApiToken::lastUsedAt).isNotNull();
        assertThat(audit.recent("token-owner", "token.created", null, 10)).extracting(AuditEntry::target).containsExactly("token-owner");

        mvc.perform(post("/account/tokens/{id}/revoke", issued.id()).with(asOwner).with(csrf())).andExpect(redirectedUrl("/account"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        assertThat(audit.recent("token-owner", "token.revoked", null, 10)).hasSize(1);
    }

    @Test
    void nobodyRevokesAnotherUsersTokenFromTheirAccountButAnAdminCan() throws Exception {
        users.create(new NewUser("token-victim", "Victim", null, "long-enough-pw", Set.of(Role.AGENT)));
        UserSummary victim = users.findByUsername("token-victim").orElseThrow();
        users.create(new NewUser("token-thief", "Thief", null, "long-enough-pw", Set.of(Role.AGENT)));
        FlashMap flash = mvc.perform(post("/account/tokens").with(user("token-victim").roles("AGENT")).with(csrf()).param("name", "ci"))
                .andReturn().getFlashMap();
        IssuedApiToken issued = (IssuedApiToken) flash.get("newToken");

        mvc.perform(post("/account/tokens/{id}/revoke", issued.id()).with(user("token-thief").roles("AGENT")).with(csrf()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());

        Document adminView = Jsoup.parse(mvc.perform(get("/admin/users/{id}", victim.id().value()).with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(adminView.select("table.tokens td code").text()).isEqualTo(issued.secret().substring(0, 10) + "…");
        mvc.perform(post("/admin/users/{id}/tokens/{token}/revoke", victim.id().value(), issued.id())
                        .with(user("admin").roles("ADMIN")).with(csrf()))
                .andExpect(redirectedUrl("/admin/users/" + victim.id().value()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isUnauthorized());
        assertThat(audit.recent("admin", "token.revoked", null, 10)).extracting(AuditEntry::target).contains("token-victim");
    }

    @Test
    void theTokensOfADeactivatedUserStopWorking() throws Exception {
        UserSummary leaving = users.create(new NewUser("token-leaver", "Leaver", null, "long-enough-pw", Set.of(Role.AGENT)));
        IssuedApiToken issued = (IssuedApiToken) mvc.perform(post("/account/tokens").with(user("token-leaver").roles("AGENT"))
                        .with(csrf()).param("name", "nightly export").param("expiresOn", "2099-12-31"))
                .andReturn().getFlashMap().get("newToken");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isOk());
        assertThat(users.tokens(leaving.id())).singleElement().extracting(ApiToken::expiresAt)
                .isEqualTo(java.time.Instant.parse("2099-12-31T16:00:00Z")); // end of that day in Shanghai

        mvc.perform(post("/admin/users/{id}/deactivate", leaving.id().value()).with(user("admin").roles("ADMIN")).with(csrf()));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret())).andExpect(status().isUnauthorized());
    }

    @Test
    void aTokenNeedsANameAndAnExpiryNotInThePast() throws Exception {
        users.create(new NewUser("token-careless", "Careless", null, "long-enough-pw", Set.of(Role.TEMP_AGENT)));
        Document page = Jsoup.parse(mvc.perform(post("/account/tokens").with(user("token-careless").roles("TEMP_AGENT")).with(csrf())
                        .param("name", " ").param("expiresOn", "2020-01-01"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(page.select("#name ~ .field-error").text()).isEqualTo("必填");
        assertThat(page.select("#expiresOn ~ .field-error").text()).isEqualTo("有效期不能早于今天");
        assertThat(users.tokens(users.findByUsername("token-careless").orElseThrow().id())).isEmpty();
    }

    @Test
    void changingTheOwnPasswordNeedsTheCurrentOneAndIsAudited() throws Exception {
        users.create(new NewUser("pw-changer", "改密码", null, "first-password", Set.of(Role.AGENT)));
        RequestPostProcessor asThem = user("pw-changer").roles("AGENT");

        Document wrong = Jsoup.parse(mvc.perform(post("/account/password").with(asThem).with(csrf())
                        .param("currentPassword", "not-my-password").param("newPassword", "second-password")
                        .param("confirmation", "second-password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(wrong.select("#currentPassword ~ .field-error").text()).isEqualTo("当前密码不正确");
        assertThat(audit.recent("pw-changer", "user.password-change-refused", null, 10)).hasSize(1);

        Document mismatch = Jsoup.parse(mvc.perform(post("/account/password").with(asThem).with(csrf())
                        .param("currentPassword", "first-password").param("newPassword", "second-password")
                        .param("confirmation", "sec0nd-password"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(mismatch.select("#confirmation ~ .field-error").text()).isEqualTo("两次输入的新密码不一致");

        mvc.perform(post("/account/password").with(asThem).with(csrf())
                        .param("currentPassword", "first-password").param("newPassword", "second-password")
                        .param("confirmation", "second-password"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin().user("pw-changer").password("first-password")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin().user("pw-changer").password("second-password")).andExpect(redirectedUrl("/"));
        assertThat(audit.recent("pw-changer", "user.password-changed", null, 10)).hasSize(1);
    }

    @Test
    void theAccountPageNeedsLogin() throws Exception {
        mvc.perform(get("/account")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/account/tokens").with(user("admin").roles("ADMIN")).param("name", "no csrf")).andExpect(status().isForbidden());
    }
}
