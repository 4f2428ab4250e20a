package com.steadydesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.InboundMessageId;
import com.steadydesk.channels.InboundMessageReceived;
import com.steadydesk.channels.InboundMessages;
import com.steadydesk.channels.ParsedInboundMessage;
import com.steadydesk.channels.RecordedChannelEvents;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class ContactControllerTests {

    private static final Pattern TOKEN = Pattern.compile("name=\"startedAt\" value=\"([^\"]+)\"");
    private static String agedToken;

    @Autowired MockMvc mvc;
    @Autowired InboundMessages inboundMessages;
    @Autowired RecordedChannelEvents events;
    @Autowired JdbcClient jdbc;

    @Test
    void showsTheFormWithoutLogin() throws Exception {
        mvc.perform(get("/contact")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("联系我们")))
                .andExpect(content().string(Matchers.containsString("class=\"hp\"")))
                .andExpect(content().string(Matchers.containsString("name=\"startedAt\"")));
        mvc.perform(get("/contact").param("lang", "en")).andExpect(content().string(Matchers.containsString("Contact us")));
    }

    @Test
    void aValidMessageIsStoredPublishedAndThanked() throws Exception {
        MvcResult result = mvc.perform(submit(from("10.1.0.1"), Map.of("name", "李雷", "email", "LiLei@Example.cn",
                        "phone", "138 0013 8000", "orderNo", "SD20261129001", "subject", "退款进度", "message", "退款申请一周了还没到账")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/contact/thanks"))
                .andExpect(flash().attribute("reference", Matchers.matchesPattern("W\\d{6}-[A-Z0-9]{6}"))).andReturn();
        String reference = (String) result.getFlashMap().get("reference");

        long id = jdbc.sql("select id from inbound_messages where reference = ?").param(reference).query(Long.class).single();
        ParsedInboundMessage message = inboundMessages.get(new InboundMessageId(id));
        assertThat(message.channel()).isEqualTo(Channel.WEB);
        assertThat(message.fromAddress()).isEqualTo("lilei@example.cn");
        assertThat(message.fromName()).isEqualTo("李雷");
        assertThat(message.subject()).isEqualTo("退款进度");
        assertThat(message.textBody()).isEqualTo("退款申请一周了还没到账");
        assertThat(message.fields()).containsEntry("order_no", "SD20261129001").containsEntry("phone", "138 0013 8000");
        assertThat(events.of(InboundMessageReceived.class)).contains(new InboundMessageReceived(new InboundMessageId(id), Channel.WEB));

        mvc.perform(get("/contact/thanks").flashAttr("reference", reference))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(reference)));
    }

    @Test
    void aMessageWithoutSubjectIsNamedByItsFirstLine() throws Exception {
        MvcResult result = mvc.perform(submit(from("10.1.0.4"), Map.of("name", "Lucy", "email", "lucy@example.com",
                "message", "My parcel never arrived\nOrder SD1"))).andExpect(status().is3xxRedirection()).andReturn();
        long id = jdbc.sql("select id from inbound_messages where reference = ?").param(result.getFlashMap().get("reference"))
                .query(Long.class).single();
        assertThat(inboundMessages.get(new InboundMessageId(id)).subject()).isEqualTo("My parcel never arrived");
    }

    @Test
    void missingFieldsAreNamedNextToTheFieldInTheReadersLanguage() throws Exception {
        mvc.perform(submit(from("10.1.0.2"), Map.of("name", "", "email", "not-an-email", "message", "")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("请填写您的姓名")))
                .andExpect(content().string(Matchers.containsString("邮箱格式不正确")))
                .andExpect(content().string(Matchers.containsString("请描述您遇到的问题")));
        mvc.perform(submit(from("10.1.0.2"), Map.of("name", "", "email", "x@example.cn", "message", "hi")).param("lang", "en"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Please tell us your name")));
    }

    @Test
    void anAddressNoReplyCouldReachIsRefusedAtOnceAndNothingIsStored() throws Exception {
        long before = jdbc.sql("select count(*) from inbound_messages where channel = 'WEB'").query(Long.class).single();
        for (String address : new String[] {"\"...\"@example.com", "root@localhost", "z@z", "a@b@example.com"}) {
            mvc.perform(submit(from("10.1.0.9"), Map.of("name", "李雷", "email", address, "message", "退款")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(Matchers.containsString("邮箱格式不正确")))
                    .andExpect(flash().attributeCount(0));
        }
        assertThat(jdbc.sql("select count(*) from inbound_messages where channel = 'WEB'").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aFilledHoneypotOrAnInstantSubmissionIsNotStored() throws Exception {
        long before = count();
        mvc.perform(submit(from("10.1.0.3"), Map.of("name", "Bot", "email", "bot@example.com", "message", "buy now",
                "website", "http://spam.example"))).andExpect(status().isBadRequest());
        String freshToken = token();
        mvc.perform(post("/contact").with(csrf()).with(from("10.1.0.3")).param("name", "Fast").param("email", "fast@example.com")
                .param("message", "too fast").param("startedAt", freshToken)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("提交得太快了")));
        mvc.perform(post("/contact").with(csrf()).with(from("10.1.0.3")).param("name", "Forged").param("email", "f@example.com")
                .param("message", "forged").param("startedAt", "1.abc")).andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void theSixthMessageWithinTenMinutesIsRefusedWith429() throws Exception {
        String ip = "10.1.0." + (10 + (UUID.randomUUID().hashCode() & 0x7f));
        for (int i = 0; i < 5; i++) {
            mvc.perform(submit(from(ip), Map.of("name", "王" + i, "email", "w@example.cn", "message", "第" + i + "条")))
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(submit(from(ip), Map.of("name", "王", "email", "w@example.cn", "message", "又一条")))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().string(Matchers.containsString("10 分钟后再试")));
        mvc.perform(submit(from("10.2.0.1"), Map.of("name", "别人", "email", "o@example.cn", "message", "另一个地址")))
                .andExpect(status().is3xxRedirection());
    }

    private long count() {
        return jdbc.sql("select count(*) from inbound_messages where channel = 'WEB'").query(Long.class).single();
    }

    private MockHttpServletRequestBuilder submit(org.springframework.test.web.servlet.request.RequestPostProcessor client,
            Map<String, String> fields) throws Exception {
        MockHttpServletRequestBuilder request = post("/contact").with(csrf()).with(client).param("startedAt", agedToken());
        fields.forEach(request::param);
        return request;
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String address) {
        return (MockHttpServletRequest request) -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    /** A form token older than the minimum fill time (fetched once, then waited for). */
    private String agedToken() throws Exception {
        if (agedToken == null) {
            agedToken = token();
            Thread.sleep(3100);
        }
        return agedToken;
    }

    private String token() throws Exception {
        String html = mvc.perform(get("/contact")).andReturn().getResponse().getContentAsString();
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
