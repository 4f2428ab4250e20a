package com.steadydesk.knowledge;

import java.time.Instant;
import java.util.List;

/** A crisis's source-of-truth page as shown: its current content, version and extra editors (squad members). */
public record SourceOfTruthPage(long id, long crisisId, String title, SourceOfTruthContent content, int currentVersion,
        Instant updatedAt, String updatedBy, List<String> editors) {
}
