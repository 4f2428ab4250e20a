package com.steadydesk.customers.web;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerProfile;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerApiControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerManagement customers;

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void aTemporaryAgentReadsACustomerMasked() throws Exception {
        CustomerProfile customer = customer();
        mvc.perform(get("/api/v1/customers/{id}", customer.id().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.masked").value(true))
                .andExpect(jsonPath("$.name").value("王" + "*".repeat(customer.name().length() - 1)))
                .andExpect(jsonPath("$.emails[0]").value("w***@example.cn"))
                .andExpect(jsonPath("$.phones[0]").value("+86 *******5678"))
                .andExpect(jsonPath("$.notes").value("微信同号 186****5678"))
                .andExpect(jsonPath("$.externalIds[0]").value(startsWith("shop:U")));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentReadsItInClear() throws Exception {
        CustomerProfile customer = customer();
        mvc.perform(get("/api/v1/customers/{id}", customer.id().value()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.masked").value(false))
                .andExpect(jsonPath("$.emails[0]").value(customer.primaryEmail()))
                .andExpect(jsonPath("$.phones[0]").value(customer.primaryPhone()))
                .andExpect(jsonPath("$.vipTier").value("NONE"))
                .andExpect(jsonPath("$.vip").value(false));
        mvc.perform(get("/api/v1/customers/{id}", -5)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentCreatesAndChangesButMayNotChangeTheTier() throws Exception {
        String tag = tag();
        String location = mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sophie %s", "emails": ["sophie.%s@example.com"], "phones": ["+44 7700 900%s"], "externalIds": ["crm:C-%s"]}
                        """.formatted(tag, tag, tag.substring(0, 3).replaceAll("\\D", "1"), tag)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Sophie " + tag))
                .andExpect(header().string("Location", startsWith("/api/v1/customers/")))
                .andReturn().getResponse().getHeader("Location");

        mvc.perform(patch(location).contentType(MediaType.APPLICATION_JSON).content("""
                        {"notes": "Prefers email", "phones": []}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.notes").value("Prefers email"))
                .andExpect(jsonPath("$.phones").isEmpty())
                .andExpect(jsonPath("$.emails[0]").value("sophie." + tag + "@example.com"));

        mvc.perform(patch(location).contentType(MediaType.APPLICATION_JSON).content("""
                        {"vipTier": "GOLD"}"""))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(put(location).contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "Sophie", "vipTier": "PLATINUM"}"""))
                .andExpect(status().isForbidden());
        mvc.perform(get(location)).andExpect(jsonPath("$.vipTier").value("NONE"));
    }

    @Test
    @WithMockUser(username = "lead1", roles = "SUPERVISOR")
    void aSupervisorChangesTheTier() throws Exception {
        CustomerProfile customer = customer();
        mvc.perform(patch("/api/v1/customers/{id}", customer.id().value()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"vipTier": "PLATINUM", "accountManager": "admin"}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.vipTier").value("PLATINUM"))
                .andExpect(jsonPath("$.vip").value(true))
                .andExpect(jsonPath("$.accountManager").value("admin"));
        mvc.perform(get("/api/v1/customers").param("tier", "VIP").param("q", customer.name()))
                .andExpect(jsonPath("$.items[*].id").value(hasItem((int) customer.id().value())));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void aBadBodyIsA400NamingTheFields() throws Exception {
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "", "emails": ["not-an-address"], "phones": ["call me"], "externalIds": ["U10023"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("name", "emails[0]", "phones[0]", "externalIds[0]")));
    }

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void aTemporaryAgentCannotConfirmAMaskedNumberBySearchingForIt() throws Exception {
        CustomerProfile customer = customer();
        String phone = customer.primaryPhone();
        mvc.perform(get("/api/v1/customers").param("q", phone)).andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/customers").param("q", phone.replace("+86 ", "")))
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/api/v1/customers").param("q", customer.primaryEmail()))
                .andExpect(jsonPath("$.items.length()").value(0));
        // by name, a temporary agent still finds the customer, masked
        mvc.perform(get("/api/v1/customers").param("q", phone.replace("+86 ", "") + " " + customer.name()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].phones[0]").value("+86 *******5678"));
    }

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void aTemporaryAgentMayNotWrite() throws Exception {
        mvc.perform(post("/api/v1/customers").contentType(MediaType.APPLICATION_JSON).content("""
                        {"name": "临时"}"""))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void listsPageByPageWithACursor() throws Exception {
        String tag = tag();
        for (int i = 0; i < 3; i++) {
            customers.identifyByEmail("page" + i + tag + "@example.com", "分页" + tag);
        }
        String next = com.jayway.jsonpath.JsonPath.read(mvc.perform(get("/api/v1/customers").param("q", "分页" + tag).param("limit", "2"))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andReturn().getResponse().getContentAsString(), "$.nextCursor");
        mvc.perform(get("/api/v1/customers").param("q", "分页" + tag).param("limit", "2").param("cursor", next))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.nextCursor").doesNotExist());
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/customers/{id}'].patch.tags[0]").value("Customers"))
                .andExpect(jsonPath("$.paths['/api/v1/customers'].get.summary").value("Search customers, newest first"));
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/v1/customers")).andExpect(status().isUnauthorized());
    }

    private CustomerProfile customer() {
        String tag = tag();
        String middle = String.format("%04d", Math.floorMod(tag.hashCode(), 10_000));
        CustomerProfile customer = customers.identifyByEmail("wang" + tag + "@example.cn", "王海涛" + tag);
        return customers.update(customer.id(), new CustomerChanges(null, null, List.of("+86 186" + middle + "5678"), List.of("shop:U" + tag),
                null, null, "微信同号 186" + middle + "5678"));
    }

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }
}
