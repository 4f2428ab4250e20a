package com.steadydesk.crisis;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only timeline of every crisis: each declaration, grade change, report, acknowledgement, task change,
 * public update, decision and note, with time and author. Its own aggregate: entries are only ever added.
 */
@Service
public class CrisisTimeline {

    /** Kinds a person may write by hand; everything else is written by the module itself. */
    public static final Set<String> MANUAL_KINDS = Set.of("NOTE", "DECISION");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId displayZone;

    CrisisTimeline(JdbcClient jdbc, CurrentUser currentUser, Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.displayZone = ZoneId.of(zone);
    }

    /** Appends an entry by the current user (or "system"). */
    @Transactional
    public TimelineEntry append(CrisisId crisis, String kind, String text) {
        return appendAs(currentUser.username(), crisis, kind, text);
    }

    @Transactional
    public TimelineEntry appendAs(String author, CrisisId crisis, String kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a timeline entry needs a text");
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql("insert into crisis_timeline (crisis_id, at, author, kind, text) values (?, ?, ?, ?, ?) returning id")
                .params(crisis.value(), Timestamp.from(now), author, kind, text.strip()).query(Long.class).single();
        return new TimelineEntry(id, crisis, now, author, kind, text.strip());
    }

    /** A note or decision written by a person on the crisis page. */
    @Transactional
    public TimelineEntry write(CrisisId crisis, String kind, String text) {
        if (!MANUAL_KINDS.contains(kind)) {
            throw new IllegalArgumentException("only NOTE or DECISION can be written by hand");
        }
        requireCrisis(crisis);
        return append(crisis, kind, text);
    }

    /** The whole timeline, oldest first. */
    public List<TimelineEntry> entries(CrisisId crisis) {
        return jdbc.sql("select * from crisis_timeline where crisis_id = ? order by id").param(crisis.value())
                .query((rs, n) -> new TimelineEntry(rs.getLong("id"), crisis, rs.getTimestamp("at").toInstant(), rs.getString("author"),
                        rs.getString("kind"), rs.getString("text"))).list();
    }

    /** CSV (RFC 4180, UTF-8 with BOM so that spreadsheet programs read the Chinese right), times in the display zone. */
    public String exportCsv(CrisisId crisis) {
        StringBuilder sb = new StringBuilder("\uFEFFtime,author,kind,text\r\n");
        for (TimelineEntry e : entries(crisis)) {
            sb.append(csv(format(e.at()))).append(',').append(csv(e.author())).append(',').append(csv(e.kind())).append(',')
                    .append(csv(e.text())).append("\r\n");
        }
        return sb.toString();
    }

    /** A Markdown table, for the review or a chat message. */
    public String exportMarkdown(CrisisId crisis, String title) {
        StringBuilder sb = new StringBuilder("# ").append(title).append("\n\n| time | author | kind | text |\n| --- | --- | --- | --- |\n");
        for (TimelineEntry e : entries(crisis)) {
            sb.append("| ").append(format(e.at())).append(" | ").append(md(e.author())).append(" | ").append(e.kind()).append(" | ")
                    .append(md(e.text())).append(" |\n");
        }
        return sb.toString();
    }

    private String format(Instant at) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(displayZone));
    }

    private void requireCrisis(CrisisId crisis) {
        if (jdbc.sql("select count(*) from crises where id = ?").param(crisis.value()).query(Integer.class).single() == 0) {
            throw new NotFoundException("crisis", crisis.value());
        }
    }

    private static String csv(String value) {
        String v = value == null ? "" : value;
        // a leading =, +, - or @ would run as a formula in a spreadsheet
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }

    private static String md(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
