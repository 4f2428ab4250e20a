package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/**
 * What the public status page shows: the crises made public and still open (or closed in the last days), each with
 * its affected services and every public update, newest first. {@code version} changes whenever anything here does.
 */
public record PublicStatus(long version, Instant builtAt, List<PublicCrisis> crises) {

    public boolean allClear() {
        return crises.stream().allMatch(PublicCrisis::over);
    }

    /** A crisis as the public sees it. */
    public record PublicCrisis(long id, String title, String titleEn, CrisisGrade grade, boolean over, List<String> affected,
            List<String> affectedEn, Instant nextUpdateAt, List<PublicUpdate> updates) {
    }
}
