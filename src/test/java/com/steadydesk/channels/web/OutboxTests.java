package com.steadydesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.steadydesk.channels.MailboxSettings;
import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.OutgoingEmail;
import com.steadydesk.channels.QueuedEmail;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.SecretBox;
import java.net.ServerSocket;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class OutboxTests {

    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @Autowired MockMvc mvc;
    @Autowired OutboundMail outbound;
    @Autowired Mailboxes mailboxes;
    @Autowired SecretBox secrets;
    @Autowired JdbcClient jdbc;

    @Test
    @WithMockUser(username = "super1", roles = "SUPERVISOR")
    void aFailedMailShowsItsReasonAndIsSentByRetryAndAgainByResend() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        jdbc.sql("update mailboxes set active = false, is_default = false").update();
        long mailboxId = mailboxes.save(Mailbox.create(settings("outbox@steadydesk.test", "127.0.0.1", closedPort), secrets));
        mailboxes.setActive(mailboxId, true);
        QueuedEmail queued = outbound.queue(new OutgoingEmail(mailboxId, "kehu@example.cn", null, "退款进度", "您好，退款已处理。", null, null,
                List.of(), List.of(), null));
        for (int attempt = 0; attempt < OutboundMail.MAX_ATTEMPTS; attempt++) {
            jdbc.sql("update outbound_messages set next_attempt_at = now() where id = ?").param(queued.outboundId()).update();
            outbound.deliverDue();
        }
        assertThat(outbound.status(queued.outboundId()).status()).isEqualTo("FAILED");

        mvc.perform(get("/admin/outbox").param("status", "FAILED")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("退款进度")))
                .andExpect(content().string(Matchers.containsString("发送失败")))
                .andExpect(content().string(Matchers.containsString("ConnectException")));

        // the admin fixes the mailbox, then retries: the mail leaves at once
        Mailbox fixed = mailboxes.get(mailboxId).withSettings(settings("outbox@steadydesk.test", greenMail.getSmtp().getBindTo(),
                greenMail.getSmtp().getPort()), secrets);
        mailboxes.save(fixed);
        mvc.perform(post("/admin/outbox/{id}/retry", queued.outboundId()).with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("flash", Matchers.containsString("#" + queued.outboundId())));
        outbound.deliverDue();
        assertThat(outbound.status(queued.outboundId()).status()).isEqualTo("SENT");
        assertThat(greenMail.getReceivedMessages()).hasSize(1);

        mvc.perform(post("/admin/outbox/{id}/retry", queued.outboundId()).with(csrf()))
                .andExpect(flash().attribute("flash", Matchers.containsString("已经发送成功")));
        mvc.perform(post("/admin/outbox/{id}/resend", queued.outboundId()).with(csrf())).andExpect(status().is3xxRedirection());
        outbound.deliverDue();
        assertThat(greenMail.getReceivedMessages()).hasSize(2);
        assertThat(greenMail.getReceivedMessages()[1].getSubject()).isEqualTo("退款进度");
        assertThat(jdbc.sql("select count(*) from audit_log where action in ('channels.outbox.retried', 'channels.outbox.resent')")
                .query(Long.class).single()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @WithMockUser(username = "super2", roles = "SUPERVISOR")
    void staffPagesWarnWhileNoMailboxCanSend() throws Exception {
        jdbc.sql("update mailboxes set active = false, is_default = false").update();

        mvc.perform(get("/admin/outbox")).andExpect(content().string(Matchers.containsString("当前没有可用的发信邮箱")))
                .andExpect(content().string(Matchers.containsString("id=\"outbound-mail-down\"")));

        long mailboxId = mailboxes.save(Mailbox.create(settings("warn@steadydesk.test", greenMail.getSmtp().getBindTo(),
                greenMail.getSmtp().getPort()), secrets));
        mailboxes.setActive(mailboxId, true);
        mvc.perform(get("/admin/outbox")).andExpect(content().string(Matchers.not(Matchers.containsString("id=\"outbound-mail-down\""))));
    }

    @Test
    @WithMockUser(username = "agent9", roles = "AGENT")
    void agentsDoNotSeeTheOutbox() throws Exception {
        mvc.perform(get("/admin/outbox")).andExpect(status().isForbidden());
    }

    private static MailboxSettings settings(String address, String smtpHost, int smtpPort) {
        return new MailboxSettings("test " + address, address, "稳客服", null, 993, false, null, null, smtpHost, smtpPort, false, false,
                null, null, 60, false);
    }
}
