package com.steadydesk.crisis;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.crisis.internal.CrisisEvent;
import com.steadydesk.crisis.internal.CrisisEvents;
import com.steadydesk.identity.AuditLog;
import com.steadydesk.identity.CurrentUser;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import com.steadydesk.scripts.PlaceholderCatalogue;
import com.steadydesk.scripts.PlaceholderText;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The public crisis page: updates are written from templates, previewed and published by the lead. The page's
 * model is built once and served from memory until the next publish or close (a surge of readers never reaches
 * the database); other nodes rebuild it after {@code steadydesk.crisis.status-cache-ttl} at the latest.
 */
@Service
public class StatusPage {

    /** Closed crises stay on the page this long, so that readers see how it ended. */
    private static final Duration SHOW_CLOSED_FOR = Duration.ofDays(3);

    private final JdbcClient jdbc;
    private final CrisisEvents crises;
    private final CrisisTimeline timeline;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final HelpCenterNotices helpCenter;
    private final MailFooter mailFooter;
    private final Clock clock;
    private final ZoneId zone;
    private final String baseUrl;
    private final Duration ttl;
    private final PlaceholderCatalogue placeholders;
    private final MessageSource messages;
    private final AtomicReference<PublicStatus> cached = new AtomicReference<>();
    private final AtomicLong versions = new AtomicLong(System.currentTimeMillis());
    private final ReentrantLock rebuilding = new ReentrantLock();

    StatusPage(JdbcClient jdbc, CrisisEvents crises, CrisisTimeline timeline, CurrentUser currentUser, AuditLog audit,
            ApplicationEventPublisher events, HelpCenterNotices helpCenter, MailFooter mailFooter, Clock clock,
            @Value("${steadydesk.display-zone:Asia/Shanghai}") String zone,
            @Value("${steadydesk.base-url:http://localhost:8080}") String baseUrl,
            @Value("${steadydesk.crisis.status-cache-ttl:PT30S}") Duration ttl, PlaceholderCatalogue placeholders, MessageSource messages) {
        this.placeholders = placeholders;
        this.messages = messages;
        this.jdbc = jdbc;
        this.crises = crises;
        this.timeline = timeline;
        this.currentUser = currentUser;
        this.audit = audit;
        this.events = events;
        this.helpCenter = helpCenter;
        this.mailFooter = mailFooter;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.ttl = ttl;
    }

    /** The update templates: code → template. */
    public Map<String, UpdateTemplate> templates() {
        Map<String, UpdateTemplate> map = new LinkedHashMap<>();
        jdbc.sql("select * from crisis_update_templates order by code").query(rs -> {
            String types = rs.getString("crisis_types");
            map.put(rs.getString("code"), new UpdateTemplate(rs.getString("code"), rs.getString("phase"), rs.getString("body_zh"),
                    rs.getString("body_en"), types == null || types.isBlank() ? List.of() : List.of(types.split("\\s*,\\s*"))));
        });
        return map;
    }

    /** The templates that fit the crisis's type (a walk-out is not announced as a technical fault), in phase order. */
    public List<UpdateTemplate> templatesFor(CrisisType type) {
        return templates().values().stream().filter(t -> t.fits(type))
                .sorted(java.util.Comparator.comparingInt((UpdateTemplate t) -> PublicUpdate.PHASES.indexOf(t.phase()))
                        .thenComparing(t -> t.crisisTypes().isEmpty())).toList();
    }

    /**
     * Fills a template for the crisis (the status-page placeholders of {@link PlaceholderCatalogue}); the lead edits the
     * result before publishing. Unknown placeholders stay visible so that the preview shows them.
     */
    public UpdateDraft draftFromTemplate(CrisisId id, String templateCode, Instant nextUpdateAt) {
        CrisisEvent crisis = load(id);
        UpdateTemplate template = templates().get(templateCode);
        if (template == null) {
            throw new NotFoundException("update template", templateCode);
        }
        return draft(crisis, template, nextUpdateAt);
    }

    /**
     * The update the lead most likely publishes next, ready to send: the phase follows the crisis (investigating until
     * the first update, then the last update's phase; resolved once resolved), the template fits its type, and the
     * next update is due as the grade demands ({@link #nextUpdateDue}).
     */
    public UpdateDraft defaultDraft(CrisisId id) {
        CrisisEvent crisis = load(id);
        return draftFor(crisis, defaultPhase(crisis, updates(id)));
    }

    /** The statement that ends the crisis publicly, from the "resolved" template of its type (the close dialog's text). */
    public UpdateDraft resolutionDraft(CrisisId id) {
        return draftFor(load(id), "RESOLVED");
    }

    private UpdateDraft draftFor(CrisisEvent crisis, String phase) {
        UpdateTemplate template = templatesFor(crisis.getType()).stream().filter(t -> t.phase().equals(phase)).findFirst()
                .orElseThrow(() -> new NotFoundException("update template", phase));
        return draft(crisis, template, "RESOLVED".equals(phase) ? null : nextUpdateDue(crisis.getGrade(), Instant.now(clock)));
    }

    /** The code of the template {@link #defaultDraft} uses. */
    public String defaultTemplateCode(CrisisId id) {
        CrisisEvent crisis = load(id);
        String phase = defaultPhase(crisis, updates(id));
        return templatesFor(crisis.getType()).stream().filter(t -> t.phase().equals(phase)).map(UpdateTemplate::code).findFirst().orElse(null);
    }

    static String defaultPhase(CrisisEvent crisis, List<PublicUpdate> updates) {
        if (crisis.getStatus() == CrisisStatus.RESOLVED || crisis.getStatus() == CrisisStatus.CLOSED) {
            return "RESOLVED";
        }
        return updates.isEmpty() || "RESOLVED".equals(updates.get(0).phase()) ? "INVESTIGATING" : updates.get(0).phase();
    }

    /**
     * When the next public update is due: the graver the crisis, the sooner (major 30 min, moderate 1 h, minor 2 h),
     * rounded up to the next five minutes so that the promise reads naturally.
     */
    public static Instant nextUpdateDue(CrisisGrade grade, Instant now) {
        Duration after = grade == CrisisGrade.MAJOR ? Duration.ofMinutes(30) : grade == CrisisGrade.MODERATE ? Duration.ofHours(1)
                : Duration.ofHours(2);
        long fiveMinutes = Duration.ofMinutes(5).toSeconds();
        long seconds = now.plus(after).getEpochSecond();
        return Instant.ofEpochSecond((seconds + fiveMinutes - 1) / fiveMinutes * fiveMinutes);
    }

    private UpdateDraft draft(CrisisEvent crisis, UpdateTemplate template, Instant nextUpdateAt) {
        Map<String, String> zh = values(crisis, nextUpdateAt, "zh");
        Map<String, String> en = values(crisis, nextUpdateAt, "en");
        return new UpdateDraft(template.phase(), PlaceholderText.fill(template.bodyZh(), zh), PlaceholderText.fill(template.bodyEn(), en),
                nextUpdateAt);
    }

    /** Publishes an update: stored, on the timeline, on the status page at once, and sent to subscribers. */
    @Transactional
    public PublicUpdate publish(CrisisId id, UpdateDraft draft) {
        CrisisEvent crisis = load(id);
        // the clean-up checklist of a closed crisis sends one last "resolved" update; it must not bring the banner back
        boolean finalWord = crisis.getStatus() == CrisisStatus.CLOSED && "RESOLVED".equals(draft.phase());
        if (crisis.getStatus() != CrisisStatus.DECLARED && crisis.getStatus() != CrisisStatus.RESOLVED && !finalWord) {
            throw new DomainRuleViolation("crisis.publish.not-active", "only a declared crisis has public updates");
        }
        if (draft.bodyZh() == null || draft.bodyZh().isBlank()) {
            throw new IllegalArgumentException("an update needs a text");
        }
        // the catalogue's status-page placeholders are filled now; anything else (a reply's {{customer.name}}, a typo) would
        // reach the public verbatim, so it is refused
        String bodyZhFilled = PlaceholderText.fill(draft.bodyZh(), values(crisis, draft.nextUpdateAt(), "zh"));
        String bodyEnFilled = draft.bodyEn() == null ? null : PlaceholderText.fill(draft.bodyEn(), values(crisis, draft.nextUpdateAt(), "en"));
        List<String> left = new ArrayList<>(PlaceholderCatalogue.refusedIn(bodyZhFilled, PlaceholderCatalogue.Use.STATUS_PAGE, false));
        left.addAll(PlaceholderText.names(bodyZhFilled).stream().filter(n -> !left.contains(n)).toList());
        PlaceholderText.names(bodyEnFilled).stream().filter(n -> !left.contains(n)).forEach(left::add);
        if (!left.isEmpty()) {
            throw new DomainRuleViolation("crisis.publish.placeholder", "the update still has unfilled placeholders: "
                    + String.join(", ", left.stream().map(n -> "{{" + n + "}}").toList()));
        }
        draft = new UpdateDraft(draft.phase(), bodyZhFilled, bodyEnFilled, draft.nextUpdateAt());
        String phase = draft.phase() == null || !PublicUpdate.PHASES.contains(draft.phase()) ? "INVESTIGATING" : draft.phase();
        Instant now = Instant.now(clock);
        if (draft.nextUpdateAt() != null && !draft.nextUpdateAt().isAfter(now)) {
            throw new IllegalArgumentException("the next update must be in the future");
        }
        String bodyEn = draft.bodyEn() == null || draft.bodyEn().isBlank() ? draft.bodyZh().strip() : draft.bodyEn().strip();
        long updateId = jdbc.sql("""
                        insert into crisis_public_updates (crisis_id, phase, body_zh, body_en, author, published_at, next_update_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(id.value(), phase, draft.bodyZh().strip(), bodyEn, currentUser.username(), Timestamp.from(now),
                        draft.nextUpdateAt() == null ? null : Timestamp.from(draft.nextUpdateAt())).query(Long.class).single();
        timeline.append(id, "PUBLIC_UPDATE", "[" + phase + "] " + draft.bodyZh().strip(),
                CrisisTimeline.Caption.of("crisis.timeline.text.publicUpdate", "@crisis.phase." + phase, draft.bodyZh().strip(), bodyEn));
        audit.record("crisis.update-published", "crisis " + id.value(), phase);
        String link = "/status#crisis-" + id.value();
        if (!finalWord) {
            helpCenter.showBanner(id.value(), publicTitle(crisis, "zh"), link);
            mailFooter.show("crisis-" + id.value(), publicTitle(crisis, "zh") + " — 最新进展 / latest updates:", baseUrl + link);
        }
        events.publishEvent(new StatusUpdatePublished(id, updateId));
        invalidateAfterCommit();
        return updates(id).stream().filter(u -> u.id() == updateId).findFirst().orElseThrow();
    }

    /** Every public update of the crisis, newest first. */
    public List<PublicUpdate> updates(CrisisId id) {
        return jdbc.sql("select * from crisis_public_updates where crisis_id = ? order by id desc").param(id.value())
                .query(StatusPage::update).list();
    }

    public PublicUpdate update(long updateId) {
        return jdbc.sql("select * from crisis_public_updates where id = ?").param(updateId).query(StatusPage::update).optional()
                .orElseThrow(() -> new NotFoundException("public update", updateId));
    }

    /**
     * The page's model, from memory; rebuilt after a publish or close, or after the TTL. One reader rebuilds while
     * the others wait (nothing cached) or keep the stale copy (TTL passed): under a surge, hundreds of readers
     * arriving together must not all query the database.
     */
    public PublicStatus current() {
        PublicStatus status = cached.get();
        if (status != null && fresh(status)) {
            return status;
        }
        if (status == null) {
            rebuilding.lock();
        } else if (!rebuilding.tryLock()) {
            return status;
        }
        try {
            PublicStatus latest = cached.get();
            if (latest != null && fresh(latest)) {
                return latest;
            }
            long version = versions.get();
            PublicStatus built = build(version, Instant.now(clock));
            if (versions.get() == version) {
                cached.set(built); // not when a publish invalidated the page while this was read
            }
            return built;
        } finally {
            rebuilding.unlock();
        }
    }

    private boolean fresh(PublicStatus status) {
        return !status.builtAt().plus(ttl).isBefore(Instant.now(clock));
    }

    /** Drops the cached page (a crisis closed or changed what the public sees). */
    public void invalidate() {
        cached.set(null);
        versions.incrementAndGet();
    }

    private void invalidateAfterCommit() {
        invalidate();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate(); // a reader may have rebuilt it between publish and commit
                }
            });
        }
    }

    private PublicStatus build(long version, Instant now) {
        Map<Long, List<PublicUpdate>> byCrisis = new LinkedHashMap<>();
        jdbc.sql("""
                        select u.* from crisis_public_updates u join crises c on c.id = u.crisis_id
                        where c.status in ('DECLARED', 'RESOLVED') or (c.status = 'CLOSED' and c.closed_at > ?)
                        order by u.crisis_id desc, u.id desc""")
                .param(Timestamp.from(now.minus(SHOW_CLOSED_FOR)))
                .query((rs, n) -> update(rs, n)).list()
                .forEach(u -> byCrisis.computeIfAbsent(u.crisisId().value(), k -> new ArrayList<>()).add(u));
        List<PublicStatus.PublicCrisis> list = new ArrayList<>();
        for (var entry : byCrisis.entrySet()) {
            CrisisEvent c = crises.findById(entry.getKey()).orElseThrow();
            boolean over = c.getStatus() == CrisisStatus.CLOSED || "RESOLVED".equals(entry.getValue().get(0).phase());
            list.add(new PublicStatus.PublicCrisis(c.getId(), publicTitle(c, "zh"), publicTitle(c, "en"), c.getGrade(), over,
                    List.copyOf(affected(c, "zh")), List.copyOf(affected(c, "en")),
                    over ? null : entry.getValue().get(0).nextUpdateAt(), List.copyOf(entry.getValue())));
        }
        return new PublicStatus(version, now, List.copyOf(list));
    }

    /**
     * The title the public reads: the public title (English: the English title), else the crisis type's neutral wording
     * from the bundle. Never the internal title, which may name people, suppliers or causes not yet confirmed.
     */
    public String publicTitle(CrisisId id, String language) {
        return publicTitle(load(id), language);
    }

    private String publicTitle(CrisisEvent crisis, String language) {
        java.util.Locale locale = java.util.Locale.forLanguageTag(language);
        if ("en".equals(language) && crisis.getTitleEn() != null) {
            return crisis.getTitleEn();
        }
        if (crisis.getPublicTitle() != null && !"en".equals(language)) {
            return crisis.getPublicTitle();
        }
        return messages.getMessage("crisis.publicTitle.default." + crisis.getType(), null, crisis.getType().name(), locale);
    }

    /** Affected products (English names on the English page), channels and regions. */
    private List<String> affected(CrisisEvent crisis, String language) {
        List<String> affected = new ArrayList<>();
        List<String> products = crisis.getProducts();
        List<String> productsEn = crisis.getProductsEn();
        for (int i = 0; i < products.size(); i++) {
            boolean english = "en".equals(language) && i < productsEn.size() && !productsEn.get(i).isBlank();
            affected.add(english ? productsEn.get(i) : products.get(i));
        }
        affected.addAll(crisis.getChannels());
        affected.addAll(crisis.getRegions());
        return affected;
    }

    private Map<String, String> values(CrisisEvent crisis, Instant nextUpdateAt, String language) {
        List<String> affected = affected(crisis, language);
        Map<String, String> values = new LinkedHashMap<>(placeholders.fixedValues());
        values.put("crisis.title", publicTitle(crisis, language));
        values.put("crisis.affected", affected.isEmpty() ? ("en".equals(language) ? "being assessed" : "正在评估")
                : String.join("en".equals(language) ? ", " : "、", affected));
        if (nextUpdateAt != null) {
            values.put("crisis.next_update", DateTimeFormatter.ofPattern("en".equals(language) ? "HH:mm, MMM d" : "M月d日 HH:mm",
                    java.util.Locale.forLanguageTag(language)).format(nextUpdateAt.atZone(zone)) + ("en".equals(language) ? " (Beijing time)" : ""));
        }
        return values;
    }

    private CrisisEvent load(CrisisId id) {
        return crises.findById(id.value()).orElseThrow(() -> new NotFoundException("crisis", id.value()));
    }

    private static PublicUpdate update(ResultSet rs, int n) throws SQLException {
        Timestamp next = rs.getTimestamp("next_update_at");
        return new PublicUpdate(rs.getLong("id"), new CrisisId(rs.getLong("crisis_id")), rs.getString("phase"), rs.getString("body_zh"),
                rs.getString("body_en"), rs.getString("author"), rs.getTimestamp("published_at").toInstant(),
                next == null ? null : next.toInstant());
    }

    /** A template for public updates, with {{placeholders}}; {@code crisisTypes} empty: fits every type. */
    public record UpdateTemplate(String code, String phase, String bodyZh, String bodyEn, List<String> crisisTypes) {

        public boolean fits(CrisisType type) {
            return crisisTypes.isEmpty() || (type != null && crisisTypes.contains(type.name()));
        }
    }

    /** An update as the lead edits it before publishing. */
    public record UpdateDraft(String phase, String bodyZh, String bodyEn, Instant nextUpdateAt) {
    }
}
