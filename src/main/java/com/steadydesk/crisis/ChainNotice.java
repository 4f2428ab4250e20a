package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/** A report sent to one level of the chain; open until someone acknowledges it or it escalates. */
public record ChainNotice(long id, CrisisId crisisId, CrisisGrade grade, int level, List<String> recipients, List<String> channels,
        Instant sentAt, Instant ackDueAt, Instant acknowledgedAt, String acknowledgedBy, Instant escalatedAt) {

    public boolean open() {
        return acknowledgedAt == null && escalatedAt == null;
    }

    /** Open and past its acknowledgement time. */
    public boolean overdueAt(Instant now) {
        return open() && !ackDueAt.isAfter(now);
    }
}
