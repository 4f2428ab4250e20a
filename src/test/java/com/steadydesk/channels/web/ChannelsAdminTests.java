package com.steadydesk.channels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.steadydesk.channels.Channel;
import com.steadydesk.channels.internal.InboundMessageStore;
import com.steadydesk.channels.internal.InboundStatus;
import com.steadydesk.channels.internal.MailFixtures;
import com.steadydesk.channels.internal.MailIntake;
import com.steadydesk.channels.internal.Mailbox;
import com.steadydesk.channels.internal.Mailboxes;
import com.steadydesk.channels.internal.SecretBox;
import com.steadydesk.identity.AuditLog;
import java.time.Instant;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ChannelsAdminTests {

    @Autowired MockMvc mvc;
    @Autowired Mailboxes mailboxes;
    @Autowired InboundMessageStore store;
    @Autowired MailIntake intake;
    @Autowired AuditLog audit;
    @Autowired SecretBox secrets;

    @Test
    @WithMockUser(username = "agent1", roles = "AGENT")
    void agentsMayNotOpenTheMailboxOrQuarantineScreens() throws Exception {
        mvc.perform(get("/admin/quarantine")).andExpect(status().isForbidden());
        mvc.perform(get("/admin/mailboxes")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/mailboxes").with(csrf()).param("name", "x").param("address", "x@example.cn")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/quarantine/1/discard").with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminCreatesAMailboxWhosePasswordsAreNeverShownBack() throws Exception {
        String address = "kefu-" + UUID.randomUUID().toString().substring(0, 6) + "@steadydesk.test";
        mvc.perform(post("/admin/mailboxes").with(csrf()).param("name", "售后邮箱").param("address", address)
                        .param("displayName", "售后服务").param("imapHost", "imap.example.cn").param("imapPort", "993").param("imapSsl", "true")
                        .param("imapUsername", "kefu").param("imapPassword", "imap-secret-1").param("smtpHost", "smtp.example.cn")
                        .param("smtpPort", "465").param("smtpSsl", "true").param("smtpUsername", "kefu").param("smtpPassword", "smtp-secret-2")
                        .param("pollSeconds", "60"))
                .andExpect(status().is3xxRedirection());
        Mailbox saved = mailboxes.all().stream().filter(m -> m.address().equals(address)).findFirst().orElseThrow();
        assertThat(secrets.open(saved.sealedImapPassword())).isEqualTo("imap-secret-1");
        assertThat(saved.active()).isFalse();

        mvc.perform(get("/admin/mailboxes")).andExpect(status().isOk()).andExpect(content().string(Matchers.containsString(address)));
        mvc.perform(get("/admin/mailboxes/{id}/edit", saved.id())).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("imap-secret-1"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("smtp-secret-2"))))
                .andExpect(content().string(Matchers.containsString("imap.example.cn")));

        // saving with blank passwords keeps them
        mvc.perform(post("/admin/mailboxes/{id}", saved.id()).with(csrf()).param("name", "售后邮箱2").param("address", address)
                .param("imapHost", "imap.example.cn").param("imapPort", "993").param("imapUsername", "kefu").param("imapPassword", "")
                .param("smtpHost", "smtp.example.cn").param("smtpPort", "465").param("smtpPassword", "").param("pollSeconds", "30"))
                .andExpect(status().is3xxRedirection());
        Mailbox updated = mailboxes.get(saved.id());
        assertThat(updated.name()).isEqualTo("售后邮箱2");
        assertThat(secrets.open(updated.sealedImapPassword())).isEqualTo("imap-secret-1");
        assertThat(secrets.open(updated.sealedSmtpPassword())).isEqualTo("smtp-secret-2");
        assertThat(updated.imapSsl()).isFalse();

        mvc.perform(post("/admin/mailboxes/{id}/activate", saved.id()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mailboxes.get(saved.id()).active()).isTrue();
        mvc.perform(post("/admin/mailboxes/{id}/deactivate", saved.id()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(mailboxes.get(saved.id()).active()).isFalse();
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void invalidMailboxSettingsAreShownNextToTheField() throws Exception {
        mvc.perform(post("/admin/mailboxes").with(csrf()).param("name", "").param("address", "nope").param("imapPort", "993")
                        .param("smtpPort", "465").param("pollSeconds", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("请输入有效的邮箱地址")))
                .andExpect(content().string(Matchers.containsString("轮询间隔至少 5 秒")));
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminSeesRetriesAndDiscardsQuarantinedMail() throws Exception {
        String messageId = "<q-" + UUID.randomUUID() + "@example.cn>";
        byte[] raw = MailFixtures.brokenMultipart(messageId);
        long id = store.insertRaw(Channel.EMAIL, null, null, raw, messageId, Instant.now()).orElseThrow();
        assertThat(intake.process(id).quarantined()).isTrue();

        mvc.perform(get("/admin/quarantine")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("/admin/quarantine/" + id)))
                .andExpect(content().string(Matchers.containsString("broken@example.cn")));
        mvc.perform(get("/admin/quarantine/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("this body has no boundary at all")))
                .andExpect(content().string(Matchers.containsString("/admin/users")));

        mvc.perform(post("/admin/quarantine/{id}/retry", id).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(store.status(id)).isEqualTo(InboundStatus.QUARANTINED);
        assertThat(store.find(id).orElseThrow().attempts()).isEqualTo(2);

        mvc.perform(post("/admin/quarantine/{id}/discard", id).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(store.status(id)).isEqualTo(InboundStatus.DISCARDED);
        assertThat(audit.recent("admin", "channels.quarantine.discarded", null, 10))
                .extracting(AuditLog.AuditEntry::target).contains("inbound:" + id);
        mvc.perform(post("/admin/quarantine/{id}/discard", id).with(csrf())).andExpect(status().isConflict());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void rawSourceIsEscapedOnTheDetailPage() throws Exception {
        String messageId = "<x-" + UUID.randomUUID() + "@example.cn>";
        byte[] raw = ("To: a@example.cn\r\nSubject: <script>alert(1)</script>\r\nMessage-ID: " + messageId + "\r\n\r\n<img src=x onerror=alert(2)>\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        long id = store.insertRaw(Channel.EMAIL, null, null, raw, messageId, Instant.now()).orElseThrow();
        intake.process(id);
        mvc.perform(get("/admin/quarantine/{id}", id)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("<script>alert(1)"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("<img src=x"))))
                .andExpect(content().string(Matchers.containsString("&lt;img src=x onerror=alert(2)&gt;")));
    }
}
