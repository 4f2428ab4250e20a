package com.steadydesk.search.internal;

import com.steadydesk.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The admin-edited synonym groups (table {@code search_synonyms}). They are applied at query time, so a change
 * works at once without reindexing. Cached in memory, reloaded on every change here and every
 * {@value #RELOAD_SECONDS} s so that other nodes of a cluster pick up changes made elsewhere.
 */
@Component
public class Synonyms implements Supplier<SynonymGroups> {

    static final long RELOAD_SECONDS = 30;

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile SynonymGroups current;
    private volatile Instant loadedAt = Instant.EPOCH;

    Synonyms(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One line of the admin screen. */
    public record Group(long id, List<String> terms, Instant updatedAt, String updatedBy) {
        public String line() {
            return String.join(", ", terms);
        }
    }

    @Override
    public SynonymGroups get() {
        SynonymGroups groups = current;
        if (groups == null || loadedAt.plusSeconds(RELOAD_SECONDS).isBefore(Instant.now(clock))) {
            groups = reload();
        }
        return groups;
    }

    public List<Group> list() {
        return jdbc.sql("select id, terms, updated_at, updated_by from search_synonyms order by id")
                .query((rs, n) -> new Group(rs.getLong("id"), SynonymGroups.parse(rs.getString("terms")),
                        rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                .list();
    }

    /** Adds a group; needs at least two distinct terms. */
    public long add(String line, String by) {
        String terms = checked(line);
        long id = jdbc.sql("insert into search_synonyms (terms, updated_at, updated_by) values (:terms, :at, :by) returning id")
                .param("terms", terms).param("at", java.sql.Timestamp.from(Instant.now(clock))).param("by", by)
                .query(Long.class).single();
        reload();
        return id;
    }

    public void update(long id, String line, String by) {
        String terms = checked(line);
        int rows = jdbc.sql("update search_synonyms set terms = :terms, updated_at = :at, updated_by = :by where id = :id")
                .param("terms", terms).param("at", java.sql.Timestamp.from(Instant.now(clock))).param("by", by).param("id", id)
                .update();
        if (rows == 0) {
            throw new NotFoundException("Synonym group", id);
        }
        reload();
    }

    public void delete(long id) {
        jdbc.sql("delete from search_synonyms where id = :id").param("id", id).update();
        reload();
    }

    private static String checked(String line) {
        List<String> terms = SynonymGroups.parse(line);
        if (terms.size() < 2) {
            throw new IllegalArgumentException("A synonym group needs at least two different terms");
        }
        if (terms.stream().anyMatch(t -> t.length() > 64) || terms.size() > 20) {
            throw new IllegalArgumentException("A synonym group has at most 20 terms of at most 64 characters");
        }
        return String.join(", ", terms);
    }

    private synchronized SynonymGroups reload() {
        SynonymGroups groups = new SynonymGroups(list().stream().map(Group::terms).toList());
        current = groups;
        loadedAt = Instant.now(clock);
        return groups;
    }
}
