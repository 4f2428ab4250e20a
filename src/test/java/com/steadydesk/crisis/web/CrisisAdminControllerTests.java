package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.crisis.CrisisManagement;
import com.steadydesk.crisis.GradingFactor;
import com.steadydesk.crisis.GradingMatrix;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class CrisisAdminControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CrisisManagement crises;

    @Test
    void adminsSeeTheMatrixTheChainAndTheShippedPlaybooks() throws Exception {
        String page = mvc.perform(get("/admin/crisis").with(user("root").roles("ADMIN"))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("分级评估矩阵").contains("客服团队集体离职应急预案").contains("借调").contains("grading-form");
        mvc.perform(get("/admin/crisis").with(user("sup").roles("SUPERVISOR"))).andExpect(status().isForbidden());
    }

    @Test
    void tuningTheMatrixIsSavedAndABrokenOneIsRefusedWithAMessage() throws Exception {
        GradingMatrix before = crises.gradingMatrix();
        try {
            mvc.perform(form(before, 12, 25)).andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flash", "已保存。"));
            assertThat(crises.gradingMatrix().moderateFrom()).isEqualTo(12);
            assertThat(crises.gradingMatrix().majorFrom()).isEqualTo(25);

            mvc.perform(form(before, 30, 20)).andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("flash", org.hamcrest.Matchers.startsWith("未保存")));
            assertThat(crises.gradingMatrix().moderateFrom()).isEqualTo(12);
        } finally {
            crises.updateGradingMatrix(before);
        }
    }

    private static MockHttpServletRequestBuilder form(GradingMatrix matrix, int moderate, int major) {
        MockHttpServletRequestBuilder request = post("/admin/crisis/grading").with(user("root").roles("ADMIN")).with(csrf())
                .param("moderateFrom", String.valueOf(moderate)).param("majorFrom", String.valueOf(major));
        for (GradingFactor f : GradingFactor.values()) {
            GradingMatrix.Rule rule = matrix.rules().get(f);
            request.param(f + ".weight", String.valueOf(rule.weight())).param(f + ".level1", String.valueOf(rule.level1()))
                    .param(f + ".level2", String.valueOf(rule.level2())).param(f + ".level3", String.valueOf(rule.level3()));
        }
        return request;
    }
}
