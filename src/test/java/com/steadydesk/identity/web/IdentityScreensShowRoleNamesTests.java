package com.steadydesk.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserManagement.NewUser;
import com.steadydesk.identity.UserSummary;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** No raw role code (CRISIS_LEAD, TEMP_AGENT ...) in the text of any identity screen; the bundles name the roles. */
@SpringBootTest
@AutoConfigureMockMvc
class IdentityScreensShowRoleNamesTests {

    private static final Pattern ROLE_CODE = Pattern.compile("\\b(" + Arrays.stream(Role.values()).map(Role::name)
            .collect(Collectors.joining("|")) + ")\\b");
    private static final RequestPostProcessor ADMIN = user("admin").roles("ADMIN");

    @Autowired
    MockMvc mvc;
    @Autowired
    UserManagement users;

    @Test
    void everyIdentityScreenNamesRolesFromTheBundlesInChineseAndEnglish() throws Exception {
        UserSummary lead = users.create(new NewUser("role-names", "赵磊", null, "crisis-lead-pass-1", Set.of(Role.CRISIS_LEAD)));
        mvc.perform(post("/admin/users/{id}", lead.id().value()).with(ADMIN).with(csrf()).param("displayName", "赵磊")
                .param("roles", "CRISIS_LEAD", "TEMP_AGENT")).andExpect(status().is3xxRedirection());

        for (String lang : new String[] {"zh_CN", "en"}) {
            String crisisLead = lang.equals("en") ? "Crisis lead" : "危机负责人";
            assertNamesRoles(text("/admin/users", ADMIN, lang), crisisLead);
            assertNamesRoles(text("/admin/users/" + lead.id().value(), ADMIN, lang), crisisLead);
            assertNamesRoles(text("/admin/users/new", ADMIN, lang), crisisLead);
            assertNamesRoles(text("/account", user("role-names").roles("CRISIS_LEAD", "TEMP_AGENT"), lang), crisisLead);
            assertNamesRoles(text("/admin/audit?action=user.", ADMIN, lang), crisisLead);
        }
    }

    private String text(String path, RequestPostProcessor as, String lang) throws Exception {
        String html = mvc.perform(get(path).param("lang", lang).with(as)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        return Jsoup.parse(html).body().text();
    }

    private static void assertNamesRoles(String text, String crisisLead) {
        assertThat(text).contains(crisisLead);
        assertThat(ROLE_CODE.matcher(text).results().map(m -> m.group())).as("raw role codes").isEmpty();
    }
}
