package com.steadydesk.notifications;

import com.steadydesk.notifications.internal.StaffNoticeCreated;
import com.steadydesk.platform.Keyset;
import com.steadydesk.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to staff: each recipient gets an in-app notice at once and, after commit, an email copy when their account
 * has an address (sent by a listener so that a mail outage never loses the in-app notice).
 */
@Service
public class StaffNotices {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StaffNotices(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** Creates one notice per distinct username and answers their ids. {@code link} is a path inside SteadyDesk or null. */
    @Transactional
    public List<Long> notify(Collection<String> usernames, String subject, String bodyText, String link) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a notice needs a subject");
        }
        String shortSubject = subject.length() > 300 ? subject.substring(0, 299) + "…" : subject;
        Instant now = Instant.now(clock);
        return new LinkedHashSet<>(usernames).stream().filter(u -> u != null && !u.isBlank()).map(username -> {
            long id = jdbc.sql("""
                    insert into staff_notices (username, subject, body, link, created_at) values (?, ?, ?, ?, ?) returning id""")
                    .params(username, shortSubject, bodyText == null ? "" : bodyText, link, java.sql.Timestamp.from(now))
                    .query(Long.class).single();
            events.publishEvent(new StaffNoticeCreated(id));
            return id;
        }).toList();
    }

    /** The user's notices, newest first, keyset-paginated by id ({@code cursor} = last id shown, or null). */
    public Keyset<StaffNotice> recent(String username, String cursor, int limit) {
        long before = cursor == null || cursor.isBlank() ? Long.MAX_VALUE : Long.parseLong(cursor);
        List<StaffNotice> rows = jdbc.sql("""
                select * from staff_notices where username = ? and id < ? order by id desc limit ?""")
                .params(username, before, limit + 1).query(StaffNotices::map).list();
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            return new Keyset<>(rows, String.valueOf(rows.get(limit - 1).id()));
        }
        return new Keyset<>(rows, null);
    }

    public StaffNotice find(long id) {
        return jdbc.sql("select * from staff_notices where id = ?").param(id).query(StaffNotices::map).optional()
                .orElseThrow(() -> new NotFoundException("notice", id));
    }

    public int unreadCount(String username) {
        return jdbc.sql("select count(*) from staff_notices where username = ? and read_at is null").param(username)
                .query(Integer.class).single();
    }

    /** Marks the user's own notice read; someone else's notice is "not found" to them. */
    @Transactional
    public void markRead(String username, long id) {
        int changed = jdbc.sql("update staff_notices set read_at = coalesce(read_at, ?) where id = ? and username = ?")
                .params(java.sql.Timestamp.from(Instant.now(clock)), id, username).update();
        if (changed == 0) {
            throw new NotFoundException("notice", id);
        }
    }

    @Transactional
    public int markAllRead(String username) {
        return jdbc.sql("update staff_notices set read_at = ? where username = ? and read_at is null")
                .params(java.sql.Timestamp.from(Instant.now(clock)), username).update();
    }

    private static StaffNotice map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        var read = rs.getTimestamp("read_at");
        return new StaffNotice(rs.getLong("id"), rs.getString("username"), rs.getString("subject"), rs.getString("body"),
                rs.getString("link"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }
}
