package com.steadydesk.crisis;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.inbox.TicketDetails;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.platform.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
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

    /** How entries written before ticket numbers were kept named their tickets: internal ids. */
    private static final Pattern OLD_LINKED = Pattern.compile("(.*): \\[([\\d, ]*)\\]", Pattern.DOTALL);
    private static final Pattern OLD_UNLINKED = Pattern.compile("ticket (\\d+) unlinked");

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final TicketManagement tickets;
    private final Clock clock;
    private final ZoneId displayZone;

    CrisisTimeline(JdbcClient jdbc, CurrentUser currentUser, TicketManagement tickets, Clock clock,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.tickets = tickets;
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
        return appendAs(author, crisis, kind, text, null);
    }

    /**
     * Appends a system entry that readers see in their language: {@code caption} is a bundle key with arguments
     * (crisis.timeline.text.*); {@code text} is the English wording kept for exports.
     */
    @Transactional
    public TimelineEntry appendAs(String author, CrisisId crisis, String kind, String text, Caption caption) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a timeline entry needs a text");
        }
        Instant now = Instant.now(clock);
        long id = jdbc.sql("""
                        insert into crisis_timeline (crisis_id, at, author, kind, text, text_key, text_args) values (?, ?, ?, ?, ?, ?, ?)
                        returning id""")
                .params(crisis.value(), Timestamp.from(now), author, kind, text.strip(), caption == null ? null : caption.key(),
                        caption == null ? null : caption.args().toArray(String[]::new)).query(Long.class).single();
        return new TimelineEntry(id, crisis, now, author, kind, text.strip(), null, List.of(), caption == null ? null : caption.key(),
                caption == null ? List.of() : caption.args());
    }

    /** Appends a system entry by the current user (or "system") in the reader's language; see {@link Caption}. */
    @Transactional
    public TimelineEntry append(CrisisId crisis, String kind, String text, Caption caption) {
        return appendAs(currentUser.username(), crisis, kind, text, caption);
    }

    /** A caption as a bundle key with its arguments; an argument {@code @key} is a bundle key too (e.g. {@code @crisis.grade.MAJOR}). */
    public record Caption(String key, List<String> args) {

        public static Caption of(String key, Object... args) {
            return new Caption(key, java.util.Arrays.stream(args).map(a -> a == null ? "" : String.valueOf(a)).toList());
        }
    }

    /**
     * Appends a TICKETS_LINKED entry naming the tickets by number ("caption: #10023, #10024"), and keeps their ids so
     * that the page links each to its ticket.
     */
    @Transactional
    public TimelineEntry appendTickets(String author, CrisisId crisis, String caption, List<TicketDetails> named) {
        return appendTickets(author, crisis, caption, named, null);
    }

    /** Like {@link #appendTickets(String, CrisisId, String, List)}, the caption also as a bundle key for either language. */
    @Transactional
    public TimelineEntry appendTickets(String author, CrisisId crisis, String caption, List<TicketDetails> named, Caption localised) {
        if (named.isEmpty()) {
            throw new IllegalArgumentException("a ticket entry names at least one ticket");
        }
        String text = caption + ": " + named.stream().map(t -> "#" + t.number()).collect(Collectors.joining(", "));
        Instant now = Instant.now(clock);
        Long[] ids = named.stream().map(t -> t.id().value()).toArray(Long[]::new);
        Long[] numbers = named.stream().map(TicketDetails::number).toArray(Long[]::new);
        long id = jdbc.sql("""
                        insert into crisis_timeline (crisis_id, at, author, kind, text, ticket_ids, ticket_numbers, text_key, text_args)
                        values (?, ?, ?, 'TICKETS_LINKED', ?, ?, ?, ?, ?) returning id""")
                .params(crisis.value(), Timestamp.from(now), author, text, ids, numbers, localised == null ? null : localised.key(),
                        localised == null ? null : localised.args().toArray(String[]::new)).query(Long.class).single();
        List<TimelineEntry.Ticket> refs = named.stream().map(t -> new TimelineEntry.Ticket(t.id().value(), t.number())).toList();
        return new TimelineEntry(id, crisis, now, author, "TICKETS_LINKED", text, caption, refs, localised == null ? null : localised.key(),
                localised == null ? List.of() : localised.args());
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
                .query((rs, n) -> entry(rs, crisis)).list().stream()
                .map(e -> e.tickets().isEmpty() && "TICKETS_LINKED".equals(e.kind()) ? olderTicketEntry(e) : e).toList();
    }

    private TimelineEntry entry(ResultSet rs, CrisisId crisis) throws SQLException {
        String kind = rs.getString("kind");
        String text = rs.getString("text");
        List<Long> ids = longs(rs.getArray("ticket_ids"));
        List<Long> numbers = longs(rs.getArray("ticket_numbers"));
        java.sql.Array args = rs.getArray("text_args");
        TimelineEntry entry = new TimelineEntry(rs.getLong("id"), crisis, rs.getTimestamp("at").toInstant(), rs.getString("author"), kind,
                text, null, List.of(), rs.getString("text_key"), args == null ? List.of() : List.of((String[]) args.getArray()));
        if (!ids.isEmpty()) {
            List<TimelineEntry.Ticket> refs = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                refs.add(new TimelineEntry.Ticket(ids.get(i), numbers.get(i)));
            }
            return withTickets(entry, text.substring(0, Math.max(0, text.lastIndexOf(": "))), refs);
        }
        return entry;
    }

    /**
     * Entries written before numbers were kept name internal ids, which readers took for ticket numbers: their text
     * stays, but the page shows the numbers, looked up for the shown tickets only (a batch names up to 200).
     */
    private TimelineEntry olderTicketEntry(TimelineEntry entry) {
        Matcher linked = OLD_LINKED.matcher(entry.text());
        Matcher unlinked = OLD_UNLINKED.matcher(entry.text());
        String caption;
        List<Long> ids;
        if (linked.matches()) {
            caption = linked.group(1);
            ids = Arrays.stream(linked.group(2).split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        } else if (unlinked.matches()) {
            caption = "ticket unlinked";
            ids = List.of(Long.valueOf(unlinked.group(1)));
        } else {
            return entry;
        }
        List<TimelineEntry.Ticket> refs = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            Long number = i < TimelineEntry.SHOWN_TICKETS ? tickets.find(new TicketId(ids.get(i))).map(TicketDetails::number).orElse(null) : null;
            refs.add(new TimelineEntry.Ticket(ids.get(i), number));
        }
        return withTickets(entry, caption, refs);
    }

    private static TimelineEntry withTickets(TimelineEntry e, String caption, List<TimelineEntry.Ticket> refs) {
        return new TimelineEntry(e.id(), e.crisisId(), e.at(), e.author(), e.kind(), e.text(), caption, refs, e.textKey(), e.textArgs());
    }

    private static List<Long> longs(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((Long[]) array.getArray());
    }

    /** CSV (RFC 4180, UTF-8 with BOM so that spreadsheet programs read the Chinese right), times in the display zone. */
    public String exportCsv(CrisisId crisis) {
        StringBuilder sb = new StringBuilder("\uFEFFtime,author,kind,text\r\n");
        try (CSVPrinter csv = new CSVPrinter(sb, CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).build())) {
            for (TimelineEntry e : entries(crisis)) {
                csv.printRecord(cell(format(e.at())), cell(e.author()), cell(e.kind()), cell(e.text()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
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

    private static String cell(String value) {
        String v = value == null ? "" : value;
        // a leading =, +, - or @ would run as a formula in a spreadsheet
        return !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
    }

    private static String md(String value) {
        return value == null ? "" : value.replace("|", "\\|").replace("\r", "").replace("\n", "<br>");
    }
}
