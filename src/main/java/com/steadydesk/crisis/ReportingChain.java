package com.steadydesk.crisis;

import com.steadydesk.crisis.internal.CrisisEvents;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting chain (上报): per grade, the levels told in order. A report goes to level 1 at once; whoever is told
 * must acknowledge within the level's time, or the next level is told by itself ({@link #escalateOverdue}).
 * Every step lands on the timeline.
 */
@Service
public class ReportingChain {

    private static final Set<String> CHANNELS = Set.of("IN_APP", "EMAIL");

    private final JdbcClient jdbc;
    private final CrisisEvents crises;
    private final CrisisTimeline timeline;
    private final StaffNotices staffNotices;
    private final UserManagement users;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final Clock clock;
    private final CrisisStaffNotices staff;

    ReportingChain(JdbcClient jdbc, CrisisEvents crises, CrisisTimeline timeline, StaffNotices staffNotices, UserManagement users,
            CurrentUser currentUser, AuditLog audit, Clock clock, CrisisStaffNotices staff) {
        this.staff = staff;
        this.jdbc = jdbc;
        this.crises = crises;
        this.timeline = timeline;
        this.staffNotices = staffNotices;
        this.users = users;
        this.currentUser = currentUser;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- configuration ---------------------------------------------------------------------------------------------

    /** Every level of every grade, by grade and level. */
    public List<ChainLevel> levels() {
        return jdbc.sql("select * from crisis_chain_levels order by grade, level").query(ReportingChain::level).list();
    }

    public List<ChainLevel> levels(CrisisGrade grade) {
        return jdbc.sql("select * from crisis_chain_levels where grade = ? order by level").param(grade.name())
                .query(ReportingChain::level).list();
    }

    /** Creates or replaces a level of a grade's chain. Usernames must exist; roles must be known. */
    @Transactional
    public ChainLevel saveLevel(CrisisGrade grade, int level, String onDuty, List<String> usernames, List<String> roles,
            List<String> channels, int ackWithinMinutes) {
        if (grade == null || level < 1 || level > 9) {
            throw new IllegalArgumentException("a chain level needs a grade and a level between 1 and 9");
        }
        if (ackWithinMinutes < 1 || ackWithinMinutes > 24 * 60) {
            throw new IllegalArgumentException("the acknowledgement time is between 1 minute and 24 hours");
        }
        List<String> people = distinct(usernames);
        String duty = onDuty == null || onDuty.isBlank() ? null : onDuty.strip();
        for (String username : duty == null ? people : concat(people, duty)) {
            if (users.findByUsername(username).isEmpty()) {
                throw new IllegalArgumentException("unknown user " + username);
            }
        }
        List<String> roleNames = distinct(roles).stream().map(r -> Role.valueOf(r.toUpperCase()).name()).toList();
        List<String> channelNames = distinct(channels).stream().map(String::toUpperCase).toList();
        if (channelNames.isEmpty() || !CHANNELS.containsAll(channelNames)) {
            throw new IllegalArgumentException("channels are IN_APP and/or EMAIL");
        }
        if (duty == null && people.isEmpty() && roleNames.isEmpty()) {
            throw new IllegalArgumentException("a chain level must tell somebody");
        }
        jdbc.sql("""
                        insert into crisis_chain_levels (grade, level, on_duty, usernames, roles, channels, ack_within_minutes)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (grade, level) do update set on_duty = excluded.on_duty, usernames = excluded.usernames,
                            roles = excluded.roles, channels = excluded.channels, ack_within_minutes = excluded.ack_within_minutes""")
                .params(grade.name(), level, duty, people.toArray(String[]::new), roleNames.toArray(String[]::new),
                        channelNames.toArray(String[]::new), ackWithinMinutes).update();
        audit.record("crisis.chain.saved", grade + "/" + level, "onDuty=" + duty + " users=" + people + " roles=" + roleNames
                + " channels=" + channelNames + " ack=" + ackWithinMinutes + "min");
        return levels(grade).stream().filter(l -> l.level() == level).findFirst().orElseThrow();
    }

    /** Hands the on-duty role of a level to someone else (shift change). */
    @Transactional
    public void setOnDuty(long levelId, String username) {
        if (username != null && !username.isBlank() && users.findByUsername(username.strip()).isEmpty()) {
            throw new IllegalArgumentException("unknown user " + username);
        }
        int changed = jdbc.sql("update crisis_chain_levels set on_duty = ? where id = ?")
                .params(username == null || username.isBlank() ? null : username.strip(), levelId).update();
        if (changed == 0) {
            throw new NotFoundException("chain level", levelId);
        }
        audit.record("crisis.chain.on-duty", "level " + levelId, "onDuty=" + username);
    }

    @Transactional
    public void deleteLevel(long levelId) {
        jdbc.sql("delete from crisis_chain_levels where id = ?").param(levelId).update();
        audit.record("crisis.chain.deleted", "level " + levelId, null);
    }

    // ---- notices ---------------------------------------------------------------------------------------------------

    /** Tells level 1 of the grade's chain about the crisis (on report, on declaration, when the grade rises). */
    @Transactional
    public Optional<ChainNotice> notifyFirstLevel(CrisisId crisis, CrisisGrade grade) {
        return levels(grade).stream().findFirst().map(level -> send(crisis, level, Instant.now(clock), null));
    }

    /**
     * Tells level 1 of the chain of a grade just given by {@code grader} (declaration, regrading, override). A grader who
     * is on that level obviously knows: their grading is their acknowledgement, on the timeline like any other. Everyone
     * else on the level is still told, and a grader who is not on it, or the reports of other levels, escalate as before.
     */
    @Transactional
    public Optional<ChainNotice> notifyFirstLevelGradedBy(CrisisId crisis, CrisisGrade grade, String grader) {
        Optional<ChainNotice> sent = notifyFirstLevel(crisis, grade);
        if (sent.isEmpty() || !sent.get().recipients().contains(grader)) {
            return sent;
        }
        recordAcknowledgement(crisis, List.of(sent.get()), grader, sent.get().sentAt(), "by grading it");
        return notices(crisis).stream().filter(n -> n.id() == sent.get().id()).findFirst();
    }

    /** The reports of the crisis, oldest first. */
    public List<ChainNotice> notices(CrisisId crisis) {
        return jdbc.sql("select * from crisis_chain_notices where crisis_id = ? order by id").param(crisis.value())
                .query(ReportingChain::notice).list();
    }

    /** Reports still waiting for an acknowledgement, for the current user's "to acknowledge" list. */
    public List<ChainNotice> openNoticesFor(String username) {
        return jdbc.sql("""
                        select * from crisis_chain_notices where acknowledged_at is null and escalated_at is null and ? = any(recipients)
                          and crisis_id not in (select id from crises where status in ('CLOSED', 'DISMISSED'))
                        order by id""").param(username).query(ReportingChain::notice).list();
    }

    /**
     * The current user acknowledges the crisis's open reports: someone told about it, or any crisis lead. One
     * acknowledgement stops the escalation for the crisis.
     */
    @Transactional
    public int acknowledge(CrisisId crisis) {
        String who = currentUser.username();
        List<ChainNotice> open = notices(crisis).stream().filter(ChainNotice::open).toList();
        if (open.isEmpty()) {
            throw new DomainRuleViolation("crisis.ack.nothing-open", "there is no report waiting for an acknowledgement");
        }
        boolean told = open.stream().anyMatch(n -> n.recipients().contains(who));
        if (!told && !currentUser.hasRole(Role.CRISIS_LEAD)) {
            throw new DomainRuleViolation("crisis.ack.not-told", "only someone the report was sent to, or a crisis lead, can acknowledge it");
        }
        Instant now = Instant.now(clock);
        long minutes = Duration.between(open.get(0).sentAt(), now).toMinutes();
        recordAcknowledgement(crisis, open, who, now, "after " + minutes + " min");
        crises.findById(crisis.value()).ifPresent(c -> staff.tellReporter(crisis, c.getReportedBy(), "acknowledged", c.getTitle(), null, null));
        return open.size();
    }

    private void recordAcknowledgement(CrisisId crisis, List<ChainNotice> notices, String who, Instant at, String how) {
        for (ChainNotice notice : notices) {
            jdbc.sql("update crisis_chain_notices set acknowledged_at = ?, acknowledged_by = ? where id = ?")
                    .params(Timestamp.from(at), who, notice.id()).update();
        }
        ChainNotice last = notices.get(notices.size() - 1);
        timeline.appendAs(who, crisis, "ACKNOWLEDGED", "acknowledged the report (" + last.grade() + ", level " + last.level() + ") " + how,
                CrisisTimeline.Caption.of("crisis.timeline.text.acknowledged", "@crisis.grade." + last.grade(), last.level()));
        audit.record("crisis.acknowledged", "crisis " + crisis.value(), "level " + last.level() + " " + how);
    }

    /**
     * Escalates every open report whose acknowledgement time has passed at {@code now}: it is closed as escalated and
     * the next level of its chain is told; after the last level, the last level is told again (someone must answer).
     * Answers how many reports escalated. The schedule calls it with the clock's time; tests with any time. Reports of a
     * closed crisis or a dismissed report no longer escalate: nobody must be woken for what is over.
     */
    @Transactional
    public int escalateOverdue(Instant now) {
        List<ChainNotice> due = jdbc.sql("""
                        select * from crisis_chain_notices where acknowledged_at is null and escalated_at is null and ack_due_at <= ?
                          and crisis_id not in (select id from crises where status in ('CLOSED', 'DISMISSED'))
                        order by ack_due_at for update skip locked""")
                .param(Timestamp.from(now)).query(ReportingChain::notice).list();
        for (ChainNotice notice : due) {
            jdbc.sql("update crisis_chain_notices set escalated_at = ? where id = ?").params(Timestamp.from(now), notice.id()).update();
            List<ChainLevel> chain = levels(notice.grade());
            Optional<ChainLevel> next = chain.stream().filter(l -> l.level() > notice.level()).findFirst()
                    .or(() -> chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1)));
            if (next.isEmpty()) {
                timeline.appendAs("system", notice.crisisId(), "ESCALATED", "not acknowledged in time, and the chain of "
                        + notice.grade() + " has no level to tell");
                continue;
            }
            timeline.appendAs("system", notice.crisisId(), "ESCALATED", "level " + notice.level() + " did not acknowledge by "
                    + notice.ackDueAt() + "; escalated to level " + next.get().level());
            send(notice.crisisId(), next.get(), now, notice.level());
        }
        return due.size();
    }

    private ChainNotice send(CrisisId crisis, ChainLevel level, Instant now, Integer escalatedFrom) {
        String title = crises.findById(crisis.value()).map(c -> c.getTitle()).orElseThrow(() -> new NotFoundException("crisis", crisis.value()));
        List<String> recipients = recipients(level);
        Instant due = now.plus(Duration.ofMinutes(level.ackWithinMinutes()));
        long id = jdbc.sql("""
                        insert into crisis_chain_notices (crisis_id, grade, level, recipients, channels, sent_at, ack_due_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(crisis.value(), level.grade().name(), level.level(), recipients.toArray(String[]::new),
                        level.channels().toArray(String[]::new), Timestamp.from(now), Timestamp.from(due)).query(Long.class).single();
        String subject = (escalatedFrom == null ? "[危机上报 Crisis report] " : "[升级 Escalated] ") + "#" + crisis.value() + " " + title;
        String body = "请在 " + level.ackWithinMinutes() + " 分钟内确认。Please acknowledge within " + level.ackWithinMinutes()
                + " minutes. Grade: " + level.grade() + ", level " + level.level();
        staffNotices.notify(recipients, subject, body, "/crisis/" + crisis.value());
        timeline.appendAs("system", crisis, "CHAIN_NOTIFIED", "report sent to level " + level.level() + " (" + level.grade() + "): "
                + String.join(", ", recipients) + " via " + String.join("/", level.channels()) + "; acknowledge within "
                + level.ackWithinMinutes() + " min", CrisisTimeline.Caption.of("crisis.timeline.text.chainNotified", level.level(), "@crisis.grade." + level.grade(),
                String.join(", ", recipients), level.ackWithinMinutes()));
        return notices(crisis).stream().filter(n -> n.id() == id).findFirst().orElseThrow();
    }

    /** On-duty person first, then named people, then holders of the roles; never empty (falls back to admins). */
    private List<String> recipients(ChainLevel level) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        if (level.onDuty() != null) {
            names.add(level.onDuty());
        }
        names.addAll(level.usernames());
        for (String role : level.roles()) {
            users.withRole(Role.valueOf(role)).stream().map(UserSummary::username).forEach(names::add);
        }
        if (names.isEmpty()) {
            users.withRole(Role.ADMIN).stream().map(UserSummary::username).forEach(names::add);
        }
        return List.copyOf(names);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).distinct().toList();
    }

    private static List<String> concat(List<String> list, String one) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(one)).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static ChainLevel level(ResultSet rs, int n) throws SQLException {
        return new ChainLevel(rs.getLong("id"), CrisisGrade.valueOf(rs.getString("grade")), rs.getInt("level"), rs.getString("on_duty"),
                strings(rs.getArray("usernames")), strings(rs.getArray("roles")), strings(rs.getArray("channels")),
                rs.getInt("ack_within_minutes"));
    }

    private static ChainNotice notice(ResultSet rs, int n) throws SQLException {
        Timestamp ack = rs.getTimestamp("acknowledged_at");
        Timestamp esc = rs.getTimestamp("escalated_at");
        return new ChainNotice(rs.getLong("id"), new CrisisId(rs.getLong("crisis_id")), CrisisGrade.valueOf(rs.getString("grade")),
                rs.getInt("level"), strings(rs.getArray("recipients")), strings(rs.getArray("channels")),
                rs.getTimestamp("sent_at").toInstant(), rs.getTimestamp("ack_due_at").toInstant(), ack == null ? null : ack.toInstant(),
                rs.getString("acknowledged_by"), esc == null ? null : esc.toInstant());
    }
}
