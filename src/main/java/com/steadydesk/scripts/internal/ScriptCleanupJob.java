package com.steadydesk.scripts.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every quarter hour: scripts whose expiry passed or whose crisis closed leave the search index and are logged for
 * clean-up. Agents never depend on this job: every query checks expiry and crisis state with the clock itself.
 */
@Component
class ScriptCleanupJob {

    private static final Logger log = LoggerFactory.getLogger(ScriptCleanupJob.class);

    private final ScriptCatalog catalog;
    private final ScriptIndexing indexing;

    ScriptCleanupJob(ScriptCatalog catalog, ScriptIndexing indexing) {
        this.catalog = catalog;
        this.indexing = indexing;
    }

    @Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
    void sweep() {
        List<ScriptCatalog.Row> candidates = catalog.cleanupCandidates();
        for (ScriptCatalog.Row row : candidates) {
            try {
                indexing.refresh(row.id().value());
            } catch (RuntimeException e) {
                log.warn("Could not remove script {} from the index", row.id().value(), e);
            }
        }
        if (!candidates.isEmpty()) {
            log.info("{} scripts expired or belong to a closed crisis and wait for clean-up at /scripts/cleanup", candidates.size());
        }
    }
}
