package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

/** A password a person chooses has at least 12 characters and is not a common one; the refusal sits at the field. */
@SpringBootTest
@AutoConfigureMockMvc
class PasswordPolicyFormsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;

    @Test
    void newUserFormRefusesAShortOrCommonPasswordAtTheFieldInChineseAndEnglish() throws Exception {
        Document shortOne = submit("/admin/users", "password", "demo12345", "zh-CN", "username", "pw-short", "displayName", "短", "roles", "AGENT");
        assertThat(shortOne.select("#password ~ .field-error").text()).isEqualTo("密码至少 12 位");
        Document common = submit("/admin/users", "password", "Password1234", "zh-CN", "username", "pw-common", "displayName", "常见", "roles", "AGENT");
        assertThat(common.select("#password ~ .field-error").text()).startsWith("这个密码太常见");
        Document english = submit("/admin/users", "password", "qwerty123456", "en", "username", "pw-common-en", "displayName", "Common", "roles", "AGENT");
        assertThat(english.select("#password ~ .field-error").text()).startsWith("This password is too common");
        assertThat(users.findByUsername("pw-common")).isEmpty();
    }

    @Test
    void resetAndOwnChangeRefuseACommonPassword() throws Exception {
        UserSummary someone = users.create(new NewUser("pw-policy", "Policy", null, "a-fine-password-9", Set.of(Role.AGENT)));
        Document reset = submit("/admin/users/" + someone.id().value() + "/password", "newPassword", "iloveyou1234", "zh-CN");
        assertThat(reset.select("#newPassword ~ .field-error").text()).startsWith("这个密码太常见");

        Document own = Jsoup.parse(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/account/password")
                        .with(user("pw-policy").roles("AGENT")).with(csrf()).param("currentPassword", "a-fine-password-9")
                        .param("newPassword", "pw-policy-2026").param("confirmation", "pw-policy-2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(own.select("#newPassword ~ .field-error").text()).as("contains the username").startsWith("这个密码太常见");
    }

    @Test
    void apiRefusesACommonPasswordWithA400() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/users").with(user("admin").roles("ADMIN")).contentType(MediaType.APPLICATION_JSON).content("""
                        {"username": "api-common", "displayName": "x", "password": "password1234", "roles": ["AGENT"]}"""))
                .andExpect(status().isBadRequest());
        assertThat(users.findByUsername("api-common")).isEmpty();
    }

    private Document submit(String path, String field, String password, String language, String... more) throws Exception {
        var request = org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(user("admin").roles("ADMIN")).with(csrf()).param(field, password);
        if (language.equals("en")) {
            request.param("lang", "en");
        }
        for (int i = 0; i < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
