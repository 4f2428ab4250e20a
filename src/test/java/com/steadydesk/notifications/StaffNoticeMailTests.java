package com.steadydesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The email copy of staff notices goes through channels' outbound queue. Needs channels' OutboundMail, which on
 * this branch is still the throwing contract.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StaffNoticeMailTests {

    @Autowired
    StaffNotices notices;
    @Autowired
    UserManagement users;
    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void queuesAnEmailCopyForUsersWithAnAddress() {
        users.create(new UserManagement.NewUser("mail-gina", "Gina", "gina@example.com", "password-123", Set.of(Role.AGENT)));
        long id = notices.notify(List.of("mail-gina"), "事实页已更新", "+ 新决定", "/knowledge/crisis/3").get(0);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql("""
                select count(*) from event_publication_archive
                where listener_id = 'notifications.staff-notice-mail' and serialized_event like ?""")
                .param("%\"noticeId\":" + id + "%").query(Integer.class).single()).isEqualTo(1));
        assertThat(jdbc.sql("select count(*) from event_publication where listener_id = 'notifications.staff-notice-mail' and completion_date is null")
                .query(Integer.class).single()).isZero();
    }
}
