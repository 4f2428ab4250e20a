package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.crisis.CrisisDetails;
import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.CrisisType;
import com.steadydesk.crisis.GradingFactors;
import com.steadydesk.crisis.NewCrisisReport;
import com.steadydesk.crisis.StatusPage;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** The phase of a status update binds as an enum: text that is no phase is a field error, never template input. */
@SpringBootTest
@AutoConfigureMockMvc
@WithMockUser(username = "lead-phase", roles = "CRISIS_LEAD")
class CrisisUpdatePhaseTests {

    /** The payload of issue #10.1: it rendered 49 when the phase reached Thymeleaf preprocessing. */
    private static final String INJECTION = "X}+${7*7}+#{Y";

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;
    @Autowired
    StatusPage statusPage;

    @Test
    void refusesAPhaseThatIsNoPhaseInThePreviewAndWhenPublishing() throws Exception {
        CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.OTHER, "阶段注入", null, null, List.of()),
                new GradingFactors(Set.of(GradingFactors.Nature.QUALITY), 10, 1, 0, GradingFactors.Trend.STABLE,
                        GradingFactors.Urgency.LOW, GradingFactors.Attention.NONE));
        String preview = mvc.perform(post("/crisis/{id}/updates/preview", crisis.id().value()).with(csrf())
                        .param("phase", INJECTION).param("bodyZh", "正文").param("bodyEn", "Body"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(preview).contains("请从列表中选择一个阶段").doesNotContain("49").doesNotContain("??");

        mvc.perform(post("/crisis/{id}/updates", crisis.id().value()).with(csrf()).param("phase", INJECTION).param("bodyZh", "正文"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", org.hamcrest.Matchers.startsWith("请从列表中选择一个阶段")));
        assertThat(statusPage.updates(crisis.id())).isEmpty();

        String valid = mvc.perform(post("/crisis/{id}/updates/preview", crisis.id().value()).with(csrf())
                        .param("phase", "MONITORING").param("bodyZh", "正文").param("bodyEn", "Body"))
                .andReturn().getResponse().getContentAsString();
        assertThat(valid).contains("观察中").contains("正文").doesNotContain("请从列表中选择一个阶段");
    }
}
