package com.steadydesk.notifications;

import java.time.Instant;

/** One in-app notice for one member of staff; {@code readAt} is null while unread. */
public record StaffNotice(long id, String username, String subject, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
