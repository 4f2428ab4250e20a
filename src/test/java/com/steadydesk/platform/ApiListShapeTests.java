package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.steadydesk.channels.Channel;
import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.inbox.OpenTicket;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.customers.VipTier;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Every list the REST API answers has one shape: {"items": [...], "nextCursor": ... | null}. */
@SpringBootTest
@AutoConfigureMockMvc
class ApiListShapeTests {

    static final RequestPostProcessor ADMIN = user("shape-admin").roles("ADMIN", "SUPERVISOR", "AGENT", "TEMP_AGENT", "REVIEWER", "CRISIS_LEAD");

    @Autowired
    MockMvc mvc;
    @Autowired
    TicketManagement tickets;
    @Autowired
    CustomerManagement customers;

    @Test
    void everyListEndpointAnswersItemsAndNextCursor() throws Exception {
        var customer = customers.identifyByEmail("shape@example.com", "形状测试").id();
        long ticket = tickets.open(OpenTicket.of("列表形状", "你好，退款进度", customer, Channel.API), VipTier.NONE).value();
        String report = mvc.perform(post("/api/v1/crises/reports").with(ADMIN).with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"TECHNICAL_FAILURE\",\"title\":\"列表形状测试\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long crisis = ((Number) JsonPath.read(report, "$.id.value")).longValue();

        List<String> lists = List.of("/api/v1/tickets", "/api/v1/tickets/" + ticket + "/messages", "/api/v1/tickets/" + ticket + "/links",
                "/api/v1/customers", "/api/v1/users", "/api/v1/articles", "/api/v1/scripts", "/api/v1/scripts/search?q=退款",
                "/api/v1/scripts/suggestions?text=退款", "/api/v1/scripts/contradictions", "/api/v1/search?q=退款",
                "/api/v1/crises", "/api/v1/crises/" + crisis + "/reports", "/api/v1/crises/" + crisis + "/tasks",
                "/api/v1/crises/" + crisis + "/timeline", "/api/v1/crises/" + crisis + "/internal-updates");
        for (String path : lists) {
            String body = mvc.perform(get(path).with(ADMIN)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Map<String, Object> page = JsonPath.read(body, "$");
            assertThat(page).as(path).containsOnlyKeys("items", "nextCursor");
            assertThat((Object) JsonPath.read(body, "$.items")).as(path).isInstanceOf(List.class);
        }
    }
}
