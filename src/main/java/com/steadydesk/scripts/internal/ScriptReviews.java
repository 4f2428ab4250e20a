package com.steadydesk.scripts.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Append-only review decisions (submitted, approved, rejected, retired, kept) with their comments. */
@Repository
public class ScriptReviews {

    private final JdbcClient jdbc;

    ScriptReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long scriptId, int version, String decision, String actor, String comment, Instant at) {
        jdbc.sql("insert into script_reviews (script_id, version, decision, actor, comment, at) values (?, ?, ?, ?, ?, ?)")
                .params(scriptId, version, decision, actor, comment, Timestamp.from(at)).update();
    }

    public List<Decision> of(long scriptId) {
        return jdbc.sql("select version, decision, actor, comment, at from script_reviews where script_id = ? order by id desc")
                .param(scriptId).query((rs, n) -> new Decision(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** One decision on one version. */
    public record Decision(int version, String decision, String actor, String comment, Instant at) {
    }
}
