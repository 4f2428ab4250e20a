package com.steadydesk.knowledge;

import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.Role;
import com.steadydesk.knowledge.internal.TruthPage;
import com.steadydesk.knowledge.internal.TruthPages;
import com.steadydesk.knowledge.internal.TruthVersion;
import com.steadydesk.knowledge.internal.TruthVersions;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.platform.TextDiff;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One internal source-of-truth page per crisis: what everyone in the company must say and rely on. Opened by the
 * crisis module, edited by crisis leads, supervisors and the squad members it names; every save is a version with
 * its author and diff, and subscribers get a notice with that diff.
 */
@Service
public class SourceOfTruthManagement {

    private final TruthPages pages;
    private final TruthVersions versions;
    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ZoneId zone;

    SourceOfTruthManagement(TruthPages pages, TruthVersions versions, JdbcClient jdbc, CurrentUser currentUser, AuditLog audit,
            ApplicationEventPublisher events, Clock clock, @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.pages = pages;
        this.versions = versions;
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Opens the crisis's page with empty sections (version 1), or answers the existing one: calling twice is harmless. */
    @Transactional
    public SourceOfTruthPage openFor(long crisisId, String title) {
        Optional<TruthPage> existing = pages.findByCrisisId(crisisId);
        if (existing.isPresent()) {
            return existing.get().view();
        }
        Instant now = Instant.now(clock);
        String by = currentUser.username();
        TruthPage page = pages.save(TruthPage.open(crisisId, title, by, now));
        versions.save(TruthVersion.of(page, page.content().snapshot(zone), by, now));
        audit.record("knowledge.truth-opened", "crisis:" + crisisId, title);
        return page.view();
    }

    /** Lets these squad members edit the page too (on top of crisis leads and supervisors). */
    @Transactional
    public void allowEditors(long crisisId, Collection<String> usernames) {
        TruthPage page = load(crisisId);
        page.allowEditors(usernames);
        pages.save(page);
        audit.record("knowledge.truth-editors", "crisis:" + crisisId, String.join(",", usernames));
    }

    public Optional<SourceOfTruthPage> find(long crisisId) {
        return pages.findByCrisisId(crisisId).map(TruthPage::view);
    }

    public SourceOfTruthPage page(long crisisId) {
        return load(crisisId).view();
    }

    /** Whether the current user may edit: a crisis lead, a supervisor (or above), or a named squad member. */
    public boolean canEdit(long crisisId) {
        if (currentUser.hasRole(Role.CRISIS_LEAD) || currentUser.hasRole(Role.SUPERVISOR)) {
            return true;
        }
        return pages.findByCrisisId(crisisId).map(p -> p.isEditor(currentUser.username())).orElse(false);
    }

    /**
     * Saves the sections as a new version and tells subscribers; a save that changes nothing makes no version.
     * Answers the page as saved.
     */
    @Transactional
    public SourceOfTruthPage save(long crisisId, SourceOfTruthContent content, Integer baseVersion) {
        if (!canEdit(crisisId)) {
            throw new AccessDeniedException("only the crisis lead, supervisors and the squad edit this page");
        }
        TruthPage page = load(crisisId);
        if (!TextDiff.changed(page.content().snapshot(zone), content.snapshot(zone))) {
            return page.view();
        }
        Instant now = Instant.now(clock);
        String by = currentUser.username();
        page.revise(content, baseVersion, by, now);
        pages.save(page);
        versions.save(TruthVersion.of(page, content.snapshot(zone), by, now));
        events.publishEvent(new SourceOfTruthChanged(crisisId, page.getId(), page.getCurrentVersion(), by));
        return page.view();
    }

    public List<SourceOfTruthVersionSummary> history(long crisisId) {
        return versions.findByPageIdOrderByNumberDesc(load(crisisId).getId()).stream()
                .map(v -> new SourceOfTruthVersionSummary(v.getNumber(), v.getAuthor(), v.getCreatedAt())).toList();
    }

    /** The canonical text of one version. */
    public String snapshot(long crisisId, int number) {
        return loadVersion(load(crisisId).getId(), number).getSnapshot();
    }

    public VersionDiff diff(long crisisId, int from, int to) {
        long pageId = load(crisisId).getId();
        String before = loadVersion(pageId, from).getSnapshot();
        String after = loadVersion(pageId, to).getSnapshot();
        return new VersionDiff(from, to, TextDiff.html(before, after), TextDiff.plain(before, after));
    }

    /** Any member of staff may follow a page; following twice is harmless. */
    @Transactional
    public void subscribe(long crisisId) {
        load(crisisId);
        jdbc.sql("insert into kb_truth_subscriptions (crisis_id, username, since) values (?, ?, ?) on conflict do nothing")
                .params(crisisId, currentUser.username(), Timestamp.from(Instant.now(clock))).update();
    }

    @Transactional
    public void unsubscribe(long crisisId) {
        jdbc.sql("delete from kb_truth_subscriptions where crisis_id = ? and username = ?").params(crisisId, currentUser.username()).update();
    }

    public boolean subscribed(long crisisId) {
        return jdbc.sql("select count(*) from kb_truth_subscriptions where crisis_id = ? and username = ?")
                .params(crisisId, currentUser.username()).query(Integer.class).single() > 0;
    }

    public List<String> subscribers(long crisisId) {
        return jdbc.sql("select username from kb_truth_subscriptions where crisis_id = ? order by username").param(crisisId)
                .query(String.class).list();
    }

    private TruthPage load(long crisisId) {
        return pages.findByCrisisId(crisisId).orElseThrow(() -> new NotFoundException("source-of-truth page of crisis", crisisId));
    }

    private TruthVersion loadVersion(long pageId, int number) {
        return versions.findByPageIdAndNumber(pageId, number).orElseThrow(() -> new NotFoundException("version", number));
    }
}
