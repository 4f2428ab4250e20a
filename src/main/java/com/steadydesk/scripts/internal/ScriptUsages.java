package com.steadydesk.scripts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only usage rows: which script, which version, on which ticket, by whom, on what kind of message. */
@Repository
public class ScriptUsages {

    private final JdbcClient jdbc;

    ScriptUsages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long scriptId, Integer version, Long ticketId, String username, String topic, Instant at) {
        jdbc.sql("insert into script_usages (script_id, version, ticket_id, username, topic, used_at) values (?, ?, ?, ?, ?, ?)")
                .params(scriptId, version, ticketId, username, topic, Timestamp.from(at)).update();
    }

    public long count(long scriptId) {
        return jdbc.sql("select count(*) from script_usages where script_id = ?").param(scriptId).query(Long.class).single();
    }

    /** Times used per agent, most first. */
    public List<UserCount> byUser(long scriptId) {
        return jdbc.sql("select username, count(*) from script_usages where script_id = ? group by username order by count(*) desc, username")
                .param(scriptId).query((rs, n) -> new UserCount(rs.getString(1), rs.getLong(2))).list();
    }

    /** Distinct tickets the script was used on, newest use first (insights joins satisfaction on these). */
    public List<Long> tickets(long scriptId, int limit) {
        return jdbc.sql("select ticket_id from script_usages where script_id = ? and ticket_id is not null group by ticket_id "
                        + "order by max(used_at) desc limit ?").params(scriptId, limit).query(Long.class).list();
    }

    /** Uses of one script by one agent. */
    public record UserCount(String username, long count) {
    }
}
