package com.steadydesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class PublicSubscriptionsTests {

    @Autowired
    PublicSubscriptions subscriptions;
    @Autowired
    WebhookNotifier webhooks;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    /** The last mail queued to the address (channels' outbound queue), to follow its links as a customer would. */
    String lastMailTo(String address) {
        return jdbc.sql("select text_body from outbound_messages where to_address = ? order by id desc limit 1").param(address)
                .query(String.class).single();
    }

    static String link(String mail, String path) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + Pattern.quote(path) + "\\?token=[\\w.\\-]+)").matcher(mail);
        assertThat(m.find()).as("a link to " + path + " in:\n" + mail).isTrue();
        return m.group(1);
    }

    @Test
    void aSubscriptionNeedsTheConfirmationLinkAndEndsWithOneClick() throws Exception {
        String address = "sub-" + System.nanoTime() + "@example.com";
        String page = mvc.perform(post("/status/subscriptions").with(csrf()).param("email", address).param("language", "zh-CN"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("请查收邮件");
        assertThat(subscriptions.find(address)).hasValueSatisfying(s -> assertThat(s.active()).isFalse());

        int before = subscriptions.publish(new PublicNotice("test-before:" + address, "更新", null, "内容", null, null));
        assertThat(subscriptions.deliveries("test-before:" + address)).isEmpty();

        String confirm = link(lastMailTo(address), "/status/subscriptions/confirm");
        String tampered = confirm.replaceFirst("token=(\\d+)", "token=1$1");
        assertThat(mvc.perform(get(tampered)).andReturn().getResponse().getContentAsString()).contains("链接无效");
        assertThat(mvc.perform(get(confirm)).andReturn().getResponse().getContentAsString()).contains("订阅成功");
        assertThat(subscriptions.find(address)).hasValueSatisfying(s -> assertThat(s.active()).isTrue());

        subscriptions.publish(new PublicNotice("test-update:" + address, "【服务状态更新】支付", "[Status update] payments",
                "支付已恢复。", "Payments are back.", "https://example.com/status"));
        assertThat(subscriptions.deliveries("test-update:" + address)).extracting(Delivery::recipient).contains(address);
        String update = lastMailTo(address);
        assertThat(update).contains("支付已恢复。").contains("https://example.com/status").contains("退订");

        String unsubscribe = link(update, "/status/subscriptions/unsubscribe");
        assertThat(mvc.perform(get(unsubscribe)).andReturn().getResponse().getContentAsString()).contains("已退订");
        assertThat(subscriptions.find(address)).hasValueSatisfying(s -> assertThat(s.active()).isFalse());
        subscriptions.publish(new PublicNotice("test-after:" + address, "更新", null, "内容", null, null));
        assertThat(subscriptions.deliveries("test-after:" + address)).extracting(Delivery::recipient).doesNotContain(address);
        assertThat(before).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aConfirmationTokenCannotUnsubscribeNorTheOtherWayRound() throws Exception {
        String address = "tok-" + System.nanoTime() + "@example.com";
        subscriptions.subscribe(address, "en");
        String confirm = link(lastMailTo(address), "/status/subscriptions/confirm");
        String token = confirm.substring(confirm.indexOf("token=") + 6);
        assertThat(subscriptions.unsubscribe(token)).isFalse();
        assertThat(subscriptions.confirm(token)).isTrue();
        assertThat(subscriptions.confirm("1.c.forged")).isFalse();
        assertThat(lastMailTo(address)).contains("Open this link to get every status update");
    }

    @Test
    void fiftyRequestsForOneAddressSendOneConfirmation() {
        String address = "flood-" + java.util.UUID.randomUUID().toString().substring(0, 8) + "@example.com";

        for (int i = 0; i < 50; i++) {
            subscriptions.subscribe(address, "zh-CN", "10.77." + (i / 200) + "." + (i % 200));
        }

        assertThat(jdbc.sql("select count(*) from outbound_messages where to_address = ?").param(address).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theSixthRequestFromOneClientWithinTenMinutesIsRefusedWith429() throws Exception {
        String run = java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < PublicSubscriptions.PER_CLIENT; i++) {
            String address = "c" + i + "-" + run + "@example.com";
            mvc.perform(post("/status/subscriptions").with(csrf()).with(r -> { r.setRemoteAddr("10.66.0.1"); return r; })
                    .param("email", address)).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
        }

        String refused = "c9-" + run + "@example.com";
        assertThat(mvc.perform(post("/status/subscriptions").with(csrf()).with(r -> { r.setRemoteAddr("10.66.0.1"); return r; })
                        .param("email", refused).param("lang", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isTooManyRequests())
                .andReturn().getResponse().getContentAsString()).contains("Too many requests");
        assertThat(jdbc.sql("select count(*) from outbound_messages where to_address = ?").param(refused).query(Long.class).single()).isZero();
    }

    @Test
    void anInvalidAddressIsRefusedWithAMessage() throws Exception {
        assertThat(mvc.perform(post("/status/subscriptions").with(csrf()).param("email", "not-an-address").param("lang", "en"))
                .andReturn().getResponse().getContentAsString()).contains("valid email address");
    }

    @Test
    void aWebhookThatKeepsFailingIsRetriedThenGivenUpVisibly() {
        WebhookNotifier.Registered hook = webhooks.register("短信网关", "http://127.0.0.1:9/unreachable");
        try {
            String ref = "webhook-test:" + System.nanoTime();
            subscriptions.publish(new PublicNotice(ref, "更新", null, "内容", null, null));
            Instant t = Instant.now();
            for (int attempt = 1; attempt <= WebhookNotifier.MAX_ATTEMPTS; attempt++) {
                webhooks.deliverDue(t);
                t = t.plus(Duration.ofMinutes(16));
            }
            List<Delivery> deliveries = subscriptions.deliveries(ref).stream().filter(d -> d.channel().equals("WEBHOOK")).toList();
            assertThat(deliveries).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo("FAILED");
                assertThat(d.attempts()).isEqualTo(WebhookNotifier.MAX_ATTEMPTS);
                assertThat(d.lastError()).isNotBlank();
            });
            assertThat(subscriptions.failures(50)).extracting(Delivery::noticeRef).contains(ref);
        } finally {
            webhooks.deactivate(hook.id());
        }
    }
}
