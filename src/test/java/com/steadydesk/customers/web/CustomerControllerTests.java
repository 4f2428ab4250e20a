package com.steadydesk.customers.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.customers.CustomerManagement;
import com.steadydesk.customers.CustomerManagement.CustomerChanges;
import com.steadydesk.customers.CustomerProfile;
import com.steadydesk.customers.VipTier;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CustomerControllerTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    CustomerManagement customers;

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void aTemporaryAgentSeesPhonesAndEmailsMaskedOnTheProfile() throws Exception {
        CustomerProfile customer = customerWithContacts();

        mvc.perform(get("/customers/{id}", customer.id().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("z***@example.com"), containsString("138****5678"),
                        containsString("助理电话 139****1111"), containsString("shop:U"),
                        not(containsString(customer.primaryEmail())), not(containsString(customer.primaryPhone())),
                        not(containsString(customer.notes())))))
                .andExpect(content().string(not(containsString("/edit"))));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentSeesThemInClearAndTheTicketsOfTheCustomer() throws Exception {
        CustomerProfile customer = customerWithContacts();

        mvc.perform(get("/customers/{id}", customer.id().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(customer.primaryEmail()), containsString(customer.primaryPhone()),
                        containsString("hx-get=\"/inbox/fragments/customer-tickets/" + customer.id().value() + "\""),
                        containsString("hx-trigger=\"load\""), containsString("/customers/" + customer.id().value() + "/edit"))));
    }

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void theListMasksContactsAndNamesAndCannotBeSearchedByContacts() throws Exception {
        CustomerProfile customer = customerWithContacts();
        String maskedName = "张" + "*".repeat(customer.name().length() - 1);

        mvc.perform(get("/customers").param("q", customer.name()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(maskedName), containsString("138****5678"),
                        not(containsString(customer.primaryPhone())), not(containsString(">" + customer.name() + "<")))));
        // a whole number or address would confirm what the mask hides: it is left out of the search, and the page says so
        mvc.perform(get("/customers").param("q", customer.primaryEmail().toUpperCase()))
                .andExpect(content().string(allOf(not(containsString(maskedName)), containsString("手机号和邮箱已从搜索中去掉"))));
        mvc.perform(get("/customers").param("q", "+86 " + customer.primaryPhone()))
                .andExpect(content().string(not(containsString(maskedName))));
        mvc.perform(get("/customers").param("q", customer.primaryPhone()).param("lang", "en"))
                .andExpect(content().string(allOf(not(containsString(maskedName)), containsString("left out of the search"))));
        // A part of an address finds nothing for a viewer who may not see addresses.
        mvc.perform(get("/customers").param("q", customer.primaryEmail().substring(0, 8)))
                .andExpect(content().string(not(containsString(customer.name()))));
    }

    @Test
    @WithMockUser(username = "temp1", roles = "TEMP_AGENT")
    void aTemporaryAgentMayNotCreateOrEdit() throws Exception {
        CustomerProfile customer = customerWithContacts();
        mvc.perform(get("/customers/new")).andExpect(status().isForbidden());
        mvc.perform(post("/customers").with(csrf()).param("name", "新客户")).andExpect(status().isForbidden());
        mvc.perform(get("/customers/{id}/edit", customer.id().value())).andExpect(status().isForbidden());
        mvc.perform(post("/customers/{id}", customer.id().value()).with(csrf()).param("name", "改名")).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentCreatesACustomerAndSeesFieldErrorsInTheirLanguage() throws Exception {
        mvc.perform(post("/customers").with(csrf()).param("name", "").param("emails", "good@example.com\nnot-an-address")
                        .param("phones", "138 1234").param("externalIds", "U10023"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请填写客户姓名"), containsString("“not-an-address”不是有效的邮箱地址"),
                        containsString("格式不对"))));
        mvc.perform(post("/customers").with(csrf()).param("lang", "en").param("name", "").param("emails", "not-an-address"))
                .andExpect(content().string(allOf(containsString("Enter a name for the customer."),
                        containsString("&quot;not-an-address&quot; is not a valid email address."))));

        String tag = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/customers").with(csrf()).param("name", "周杰" + tag).param("emails", "zhoujie" + tag + "@example.cn")
                        .param("phones", "+86 186 0000 " + tag.hashCode() % 10 + "321").param("externalIds", "shop:U" + tag).param("notes", "新客户"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/customers/*"));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAddressOfAnotherCustomerIsAFieldError() throws Exception {
        CustomerProfile other = customerWithContacts();
        mvc.perform(post("/customers").with(csrf()).param("name", "冒名").param("emails", other.primaryEmail().toUpperCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该邮箱已属于另一位客户。")));
    }

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void anAgentsFormHasNoTierAndAForgedTierIsRefused() throws Exception {
        CustomerProfile customer = customerWithContacts();
        mvc.perform(get("/customers/{id}/edit", customer.id().value()))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(customer.primaryEmail()), not(containsString("name=\"vipTier\"")))));

        mvc.perform(post("/customers/{id}", customer.id().value()).with(csrf()).param("name", customer.name())
                        .param("emails", customer.primaryEmail()).param("notes", "只改备注"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/customers/{id}", customer.id().value()).with(csrf()).param("name", customer.name()).param("vipTier", "PLATINUM"))
                .andExpect(status().isForbidden());
        CustomerProfile after = customers.find(customer.id()).orElseThrow();
        assertThat(after.vipTier()).isEqualTo(VipTier.NONE);
        assertThat(after.notes()).isEqualTo("只改备注");
    }

    @Test
    @WithMockUser(username = "lead1", roles = "SUPERVISOR")
    void aSupervisorSetsTheTierAndTheBadgeShows() throws Exception {
        CustomerProfile customer = customerWithContacts();
        mvc.perform(get("/customers/{id}/edit", customer.id().value())).andExpect(content().string(containsString("name=\"vipTier\"")));
        mvc.perform(post("/customers/{id}", customer.id().value()).with(csrf()).param("name", customer.name())
                        .param("emails", customer.primaryEmail()).param("phones", customer.primaryPhone()).param("vipTier", "GOLD").param("accountManager", "admin"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/customers/{id}", customer.id().value()).param("lang", "en"))
                .andExpect(content().string(allOf(containsString("VIP · Gold"), containsString("admin"))));
        mvc.perform(get("/customers").param("tier", "VIP").param("q", customer.name()))
                .andExpect(content().string(containsString(customer.name())));
    }

    /** A customer with fresh contacts whose masked forms are always 138****5678 and 139****1111. */
    private CustomerProfile customerWithContacts() {
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String middle = String.format("%04d", Math.floorMod(tag.hashCode(), 10_000));
        CustomerProfile customer = customers.identifyByPhone("138" + middle + "5678", "张伟" + tag);
        return customers.update(customer.id(), new CustomerChanges(null, List.of("zhang" + tag + "@example.com"), null,
                List.of("shop:U" + tag), null, null, "助理电话 139" + middle + "1111"));
    }

    @Test
    @WithMockUser(username = "super1", roles = "SUPERVISOR")
    void aVipTierThatIsNoneOfOursIsRefusedNextToTheFieldKeepingWhatWasTyped() throws Exception {
        mvc.perform(post("/customers").with(csrf()).param("name", "等级乱填").param("emails", "tier-bogus@example.com").param("vipTier", "DIAMOND"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("请选择有效的 VIP 等级"), containsString("等级乱填"),
                        containsString("tier-bogus@example.com"))));
    }
}
