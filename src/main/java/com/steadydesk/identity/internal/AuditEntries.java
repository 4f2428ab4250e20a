package com.steadydesk.identity.internal;

import com.steadydesk.identity.AuditLog.AuditEntry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit table. */
@Repository
public class AuditEntries {

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void append(Instant at, String actor, String action, String target, String details, String remote) {
        jdbc.sql("insert into audit_log (at, actor, action, target, details, remote) values (?, ?, ?, ?, ?, ?)")
                .params(Timestamp.from(at), actor, action, target, details, remote).update();
    }

    public List<AuditEntry> recent(String actor, String actionPrefix, Long beforeId, int limit) {
        return jdbc.sql("""
                        select id, at, actor, action, target, details, remote from audit_log
                        where (cast(:actor as varchar) is null or actor = :actor)
                          and (cast(:prefix as varchar) is null or action like :prefix || '%')
                          and (cast(:before as bigint) is null or id < :before)
                        order by id desc limit :limit""")
                .param("actor", actor).param("prefix", likeLiteral(actionPrefix)).param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("target"), rs.getString("details"), rs.getString("remote")))
                .list();
    }

    /** A filter typed by a person is a prefix, not a pattern: {@code %} and {@code _} match only themselves. */
    private static String likeLiteral(String value) {
        return value == null ? null : value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
