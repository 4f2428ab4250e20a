package com.steadydesk.notifications.internal;

import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.OutgoingEmail;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.notifications.StaffNotices;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Queues the email copy of a staff notice. Runs after the notice is committed and is retried by the event registry,
 * so an unreachable mail store never costs the in-app notice; SMTP retries are channels' job.
 */
@Component
class StaffNoticeMailer {

    private final StaffNotices notices;
    private final UserManagement users;
    private final OutboundMail mail;
    private final String baseUrl;

    StaffNoticeMailer(StaffNotices notices, UserManagement users, OutboundMail mail, @Value("${steadydesk.base-url:}") String baseUrl) {
        this.notices = notices;
        this.users = users;
        this.mail = mail;
        this.baseUrl = baseUrl;
    }

    @ApplicationModuleListener(id = "notifications.staff-notice-mail")
    void on(StaffNoticeCreated event) {
        var notice = notices.find(event.noticeId());
        users.findByUsername(notice.username())
                .filter(u -> u.active() && u.email() != null && !u.email().isBlank())
                .ifPresent(user -> mail.queue(new OutgoingEmail(null, user.email(), user.displayName(), notice.subject(),
                        textBody(notice.body(), notice.link()), null, null, List.of(), List.of(), "staff-notice:" + notice.id())));
    }

    private String textBody(String body, String link) {
        return link == null || link.isBlank() ? body : body + "\n\n" + baseUrl + link;
    }
}
