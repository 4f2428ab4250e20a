package com.steadydesk.crisis;

import com.steadydesk.crisis.internal.CrisisEvent;
import com.steadydesk.crisis.internal.CrisisEvents;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Internal updates of a crisis for staff, never shown on the public page: the lead and the squad post them, and the
 * crisis's staff (its followers, the lead, the squad and everyone the reporting chain told) get each one as an in-app
 * notice with an email copy. The squad is the lead plus the assignees of the crisis's tasks.
 */
@Service
public class InternalUpdates {

    private static final int MAX_LENGTH = 4000;

    private final JdbcClient jdbc;
    private final CrisisEvents crises;
    private final CrisisTimeline timeline;
    private final StaffNotices staffNotices;
    private final CurrentUser currentUser;
    private final Clock clock;

    InternalUpdates(JdbcClient jdbc, CrisisEvents crises, CrisisTimeline timeline, StaffNotices staffNotices, CurrentUser currentUser,
            Clock clock) {
        this.jdbc = jdbc;
        this.crises = crises;
        this.timeline = timeline;
        this.staffNotices = staffNotices;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Posts an update and tells the crisis's staff (not its author). Only crisis leads, supervisors and the squad post. */
    @Transactional
    public InternalUpdate post(CrisisId id, String body) {
        CrisisEvent crisis = load(id);
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("an internal update needs a text");
        }
        if (body.strip().length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an internal update has at most " + MAX_LENGTH + " characters");
        }
        if (!mayPost(id)) {
            throw new AccessDeniedException("only the crisis lead and the squad post internal updates");
        }
        String author = currentUser.username();
        Instant now = Instant.now(clock);
        Set<String> recipients = staff(id);
        recipients.remove(author);
        String text = body.strip();
        long updateId = jdbc.sql("""
                        insert into crisis_internal_updates (crisis_id, body, author, posted_at, notified) values (?, ?, ?, ?, ?) returning id""")
                .params(id.value(), text, author, Timestamp.from(now), recipients.size()).query(Long.class).single();
        timeline.appendAs(author, id, "INTERNAL_UPDATE", text);
        staffNotices.notify(recipients, "【内部通报 Internal update】#" + id.value() + " " + crisis.getTitle(), text, "/crisis/" + id.value());
        return new InternalUpdate(updateId, id, text, author, now, recipients.size());
    }

    /** Tells the crisis's staff something the module itself says (e.g. the final public update); answers how many. */
    @Transactional
    public int tellStaff(CrisisId id, String subject, String body) {
        Set<String> recipients = staff(id);
        recipients.remove(currentUser.username());
        staffNotices.notify(recipients, subject, body, "/crisis/" + id.value());
        return recipients.size();
    }

    /** The crisis's internal updates, newest first. */
    public List<InternalUpdate> of(CrisisId id) {
        return jdbc.sql("select * from crisis_internal_updates where crisis_id = ? order by id desc").param(id.value())
                .query((rs, n) -> new InternalUpdate(rs.getLong("id"), id, rs.getString("body"), rs.getString("author"),
                        rs.getTimestamp("posted_at").toInstant(), rs.getInt("notified"))).list();
    }

    /** The current user follows the crisis's internal updates (harmless twice). */
    @Transactional
    public void follow(CrisisId id) {
        load(id);
        jdbc.sql("insert into crisis_staff_followers (crisis_id, username, followed_at) values (?, ?, ?) on conflict do nothing")
                .params(id.value(), currentUser.username(), Timestamp.from(Instant.now(clock))).update();
    }

    @Transactional
    public void unfollow(CrisisId id) {
        jdbc.sql("delete from crisis_staff_followers where crisis_id = ? and username = ?").params(id.value(), currentUser.username()).update();
    }

    public boolean follows(CrisisId id, String username) {
        return jdbc.sql("select count(*) from crisis_staff_followers where crisis_id = ? and username = ?").params(id.value(), username)
                .query(Integer.class).single() > 0;
    }

    /** Whether the current user may post: a crisis lead or supervisor by role, or a member of this crisis's squad. */
    public boolean mayPost(CrisisId id) {
        return currentUser.hasRole(Role.CRISIS_LEAD) || currentUser.hasRole(Role.SUPERVISOR) || squad(id).contains(currentUser.username());
    }

    /** Who gets the crisis's internal updates: followers, the squad and everyone the reporting chain told. */
    public Set<String> staff(CrisisId id) {
        Set<String> staff = new LinkedHashSet<>(squad(id));
        staff.addAll(jdbc.sql("select username from crisis_staff_followers where crisis_id = ? order by followed_at").param(id.value())
                .query(String.class).list());
        staff.addAll(jdbc.sql("select distinct unnest(recipients) from crisis_chain_notices where crisis_id = ?").param(id.value())
                .query(String.class).list());
        return staff;
    }

    private Set<String> squad(CrisisId id) {
        Set<String> squad = new LinkedHashSet<>();
        String lead = load(id).getLeadUsername();
        if (lead != null) {
            squad.add(lead);
        }
        squad.addAll(jdbc.sql("select distinct assignee from crisis_tasks where crisis_id = ? and assignee is not null").param(id.value())
                .query(String.class).list());
        return squad;
    }

    private CrisisEvent load(CrisisId id) {
        return crises.findById(id.value()).orElseThrow(() -> new NotFoundException("crisis", id.value()));
    }

    /** An update for staff only; {@code notified}: how many colleagues were told. */
    public record InternalUpdate(long id, CrisisId crisisId, String body, String author, Instant postedAt, int notified) {
    }
}
