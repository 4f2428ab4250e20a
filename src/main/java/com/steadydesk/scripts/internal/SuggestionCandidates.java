package com.steadydesk.scripts.internal;

import com.steadydesk.platform.AfterCommit;
import com.steadydesk.scripts.Audience;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.platform.ReadThroughCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * What suggestions need to know about the scripts the search index returned, from memory: the approved version if agents
 * may see it, and how often each was used on tickets of a topic. Two SQL round trips per suggestion were a third of its
 * time, more on a busy database. Expiry is checked against the clock on every read; this node forgets a script as soon
 * as it is approved, retired or used, or its crisis closes (after commit); what other nodes change is seen within
 * {@link #MAX_AGE}.
 */
@Component
public class SuggestionCandidates {

    static final Duration MAX_AGE = Duration.ofSeconds(10);
    private static final int MAX_ENTRIES = 200_000;

    /** The approved version of a script that agents may see, as far as suggestions need it. */
    public record Candidate(ScriptId id, String title, long categoryId, String language, Audience audience, String segment, Instant expiresAt,
            String body, List<Placeholder> placeholders) {
    }

    private record UsageKey(long scriptId, String topic) {
    }

    private final ReadThroughCache<Long, Candidate> visible;
    private final ReadThroughCache<UsageKey, Long> usage;
    private final Clock clock;

    SuggestionCandidates(ScriptCatalog catalog, Clock clock) {
        this.clock = clock;
        this.visible = new ReadThroughCache<>(ids -> {
            Map<Long, Candidate> byId = new HashMap<>();
            catalog.visibleUnlessExpired(ids).forEach((id, r) -> byId.put(id, new Candidate(r.id(), r.title(), r.categoryId(), r.language(),
                    r.audience(), r.segment(), r.expiresAt(), r.body(), r.placeholders())));
            return byId;
        }, MAX_AGE, MAX_ENTRIES);
        this.usage = new ReadThroughCache<>(keys -> {
            Map<UsageKey, Long> counts = new HashMap<>();
            // one batch per topic; a suggestion asks for a single topic
            keys.stream().map(UsageKey::topic).distinct().forEach(topic -> catalog.usageCounts(
                    keys.stream().filter(k -> Objects.equals(k.topic(), topic)).map(UsageKey::scriptId).toList(), topic)
                    .forEach((id, n) -> counts.put(new UsageKey(id, topic), n)));
            keys.forEach(k -> counts.putIfAbsent(k, 0L));
            return counts;
        }, MAX_AGE, MAX_ENTRIES);
    }

    /** The candidates agents may see now, in the order of the ids. */
    public List<Candidate> visible(Collection<Long> ids) {
        Map<Long, Candidate> byId = visible.getAll(ids);
        Instant now = clock.instant();
        return ids.stream().map(byId::get).filter(Objects::nonNull).filter(c -> c.expiresAt() == null || c.expiresAt().isAfter(now)).toList();
    }

    /** How often each script was used on tickets of the topic (null: on any ticket); scripts never used count 0. */
    public Map<Long, Long> usageCounts(Collection<Long> ids, String topic) {
        Map<Long, Long> counts = new HashMap<>();
        usage.getAll(ids.stream().map(id -> new UsageKey(id, topic)).toList()).forEach((k, n) -> counts.put(k.scriptId(), n));
        return counts;
    }

    /** The script was approved or retired: forget its version once the transaction commits. */
    public void changed(long scriptId) {
        AfterCommit.run(() -> visible.evictIf(id -> id == scriptId));
    }

    /** The script was used: forget its counts once the transaction commits. */
    public void used(long scriptId) {
        AfterCommit.run(() -> usage.evictIf(k -> k.scriptId() == scriptId));
    }

    /** A crisis closed: its scripts are hidden; they are not known by id here, so forget every version. */
    public void crisisClosed() {
        AfterCommit.run(visible::evictAll);
    }
}
