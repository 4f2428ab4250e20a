package com.steadydesk.scripts.internal;

import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptStatus;
import com.steadydesk.scripts.internal.lint.Fact;
import com.steadydesk.scripts.internal.lint.LintSubject.LibraryFacts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Read side of the library. Two views: agents see each script's approved version, and only while it is visible (not
 * retired, not expired, its crisis not closed — checked with the clock at query time); editors see working copies.
 */
@Repository
public class ScriptCatalog {

    /** Joins the approved version and keeps what agents may see, apart from expiry (which depends on when one asks). */
    static final String AGENT_VIEW_ANY_TIME = """
            from scripts s join script_versions v on v.script_id = s.id and v.version = s.approved_version
            where s.status <> 'RETIRED'
              and (v.crisis_id is null or not exists (select 1 from script_closed_crises c where c.crisis_id = v.crisis_id))""";
    /** Joins the approved version and keeps what agents may see; needs the :now parameter. */
    static final String AGENT_VIEW = AGENT_VIEW_ANY_TIME + " and (v.expires_at is null or v.expires_at > :now)";
    private static final String AGENT_COLUMNS = "select s.id, v.title, v.category_id, v.language, v.tags, v.audience, v.segment, s.status, "
            + "s.approved_version, s.working_version, s.owner, s.updated_at, v.crisis_id, v.expires_at, v.body, v.placeholders ";
    private static final String EDITOR_COLUMNS = "select s.id, s.title, s.category_id, s.language, s.tags, s.audience, s.segment, s.status, "
            + "s.approved_version, s.working_version, s.owner, s.updated_at, s.crisis_id, s.expires_at, s.body, s.placeholders ";

    private final JdbcClient jdbc;
    private final Clock clock;

    ScriptCatalog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A row of a library list. */
    public record Row(ScriptId id, String title, long categoryId, String language, List<String> tags, Audience audience, String segment,
            ScriptStatus status, Integer approvedVersion, int workingVersion, String owner, Instant updatedAt, Long crisisId,
            Instant expiresAt, String body, List<Placeholder> placeholders) {

        public String excerpt() {
            String flat = body.replaceAll("\\s+", " ").strip();
            return flat.length() > 140 ? flat.substring(0, 140) + "…" : flat;
        }
    }

    /** Filters of the library list; nulls mean "any". */
    public record Filter(List<Long> categoryIds, String tag, String language, ScriptStatus status, Collection<Long> ids) {
    }

    /** One page, newest id first, keyset by id. */
    public List<Row> list(boolean editor, Filter filter, Long beforeId, int limit) {
        var sql = new StringBuilder(editor ? EDITOR_COLUMNS + "from scripts s where true" : AGENT_COLUMNS + AGENT_VIEW);
        String p = editor ? "s." : "v.";
        Map<String, Object> params = new HashMap<>();
        params.put("now", Timestamp.from(clock.instant()));
        if (filter.categoryIds() != null && !filter.categoryIds().isEmpty()) {
            sql.append(" and ").append(p).append("category_id in (:cats)");
            params.put("cats", filter.categoryIds());
        }
        if (filter.tag() != null && !filter.tag().isBlank()) {
            sql.append(" and (',' || ").append(p).append("tags || ',') like :tag");
            params.put("tag", "%," + filter.tag().strip() + ",%");
        }
        if (filter.language() != null && !filter.language().isBlank()) {
            sql.append(" and ").append(p).append("language = :lang");
            params.put("lang", filter.language());
        }
        if (editor && filter.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.ids() != null) {
            if (filter.ids().isEmpty()) {
                return List.of();
            }
            sql.append(" and s.id in (:ids)");
            params.put("ids", filter.ids());
        }
        if (beforeId != null) {
            sql.append(" and s.id < :before");
            params.put("before", beforeId);
        }
        sql.append(" order by s.id desc limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(ScriptCatalog::row).list();
    }

    /** Ids whose title matches pinyin initials or full pinyin (tkjd, tuikuan). */
    public List<Long> idsByPinyin(String query, int limit) {
        String q = query.strip().toLowerCase();
        return jdbc.sql("select id from scripts where pinyin_initials like :start or pinyin_initials like :any or pinyin_full like :any "
                        + "order by (pinyin_initials like :start) desc, id desc limit :limit")
                .param("start", q + "%").param("any", "%" + q + "%").param("limit", limit).query(Long.class).list();
    }

    /** Ids of working copies whose title or body contains the text (editors look for drafts too). */
    public List<Long> idsByText(String text, int limit) {
        String like = "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select id from scripts where title ilike :q or body ilike :q order by id desc limit :limit")
                .param("q", like).param("limit", limit).query(Long.class).list();
    }

    /** Visible approved rows with the given ids, in the order of the ids. */
    public List<Row> visible(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> byId = new LinkedHashMap<>();
        jdbc.sql(AGENT_COLUMNS + AGENT_VIEW + " and s.id in (:ids)").param("now", Timestamp.from(clock.instant())).param("ids", ids)
                .query(ScriptCatalog::row).list().forEach(r -> byId.put(r.id().value(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Like {@link #visible} but without the expiry check, for a cache that checks expiry itself when read: a row that
     * expires later is still returned (keyed by id; absent ids are not visible whenever one asks).
     */
    public Map<Long, Row> visibleUnlessExpired(Collection<Long> ids) {
        Map<Long, Row> byId = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql(AGENT_COLUMNS + AGENT_VIEW_ANY_TIME + " and s.id in (:ids)").param("ids", ids).query(ScriptCatalog::row).list()
                    .forEach(r -> byId.put(r.id().value(), r));
        }
        return byId;
    }

    public boolean isVisible(long id) {
        return !visible(List.of(id)).isEmpty();
    }

    /** Every visible approved script, streamed (rebuilding the search index). Close the stream. */
    public Stream<Row> streamVisible() {
        return jdbc.sql(AGENT_COLUMNS + AGENT_VIEW + " order by s.id").param("now", Timestamp.from(clock.instant())).query(ScriptCatalog::row).stream();
    }

    public long countVisible() {
        return jdbc.sql("select count(*) " + AGENT_VIEW).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    }

    /** How often each script was used on tickets of the given topic (null topic: on any ticket). */
    public Map<Long, Long> usageCounts(Collection<Long> ids, String topic) {
        Map<Long, Long> counts = new HashMap<>();
        if (ids.isEmpty()) {
            return counts;
        }
        jdbc.sql("select script_id, count(*) from script_usages where script_id in (:ids) and (cast(:topic as varchar) is null or topic = :topic) group by script_id")
                .param("ids", ids).param("topic", topic).query((rs, n) -> counts.put(rs.getLong(1), rs.getLong(2))).list();
        return counts;
    }

    /** Facts of all visible approved scripts, grouped per script. */
    public List<LibraryFacts> libraryFacts() {
        Map<Long, String> titles = new LinkedHashMap<>();
        Map<Long, List<Fact>> facts = new LinkedHashMap<>();
        jdbc.sql("select s.id, v.title, f.topic, f.dimension, f.value, f.excerpt " + AGENT_VIEW.replaceFirst("where s.status", ", script_facts f where f.script_id = s.id and s.status")
                        + " order by s.id")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    titles.put(id, rs.getString(2));
                    facts.computeIfAbsent(id, k -> new ArrayList<>()).add(new Fact(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                    return id;
                }).list();
        return titles.entrySet().stream().map(e -> new LibraryFacts(e.getKey(), e.getValue(), facts.get(e.getKey()))).toList();
    }

    public void replaceFacts(long scriptId, List<Fact> facts) {
        jdbc.sql("delete from script_facts where script_id = ?").param(scriptId).update();
        for (Fact f : facts) {
            jdbc.sql("insert into script_facts (script_id, topic, dimension, value, excerpt) values (?, ?, ?, ?, ?)")
                    .params(scriptId, f.topic(), f.dimension(), f.value(), f.excerpt()).update();
        }
    }

    /** Approved scripts hidden by expiry or a closed crisis, still waiting for a decision (retire or keep). */
    public List<Row> cleanupCandidates() {
        return jdbc.sql(AGENT_COLUMNS + """
                        from scripts s join script_versions v on v.script_id = s.id and v.version = s.approved_version
                        where s.status = 'APPROVED' and ((v.expires_at is not null and v.expires_at <= :now)
                           or exists (select 1 from script_closed_crises c where c.crisis_id = v.crisis_id))
                        order by s.id""")
                .param("now", Timestamp.from(clock.instant())).query(ScriptCatalog::row).list();
    }

    public boolean crisisClosed(long crisisId) {
        return jdbc.sql("select count(*) from script_closed_crises where crisis_id = ?").param(crisisId).query(Long.class).single() > 0;
    }

    public void markCrisisClosed(long crisisId) {
        jdbc.sql("insert into script_closed_crises (crisis_id, closed_at) values (?, ?) on conflict do nothing")
                .params(crisisId, Timestamp.from(clock.instant())).update();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp updated = rs.getTimestamp(12);
        Timestamp expires = rs.getTimestamp(14);
        return new Row(new ScriptId(rs.getLong(1)), rs.getString(2), rs.getLong(3), rs.getString(4), ContentColumns.tags(rs.getString(5)),
                Audience.valueOf(rs.getString(6)), rs.getString(7), ScriptStatus.valueOf(rs.getString(8)), (Integer) rs.getObject(9),
                rs.getInt(10), rs.getString(11), updated.toInstant(), (Long) rs.getObject(13), expires == null ? null : expires.toInstant(),
                rs.getString(15), ContentColumns.placeholders(rs.getString(16)));
    }
}
