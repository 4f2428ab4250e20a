package com.steadydesk.crisis;

import java.time.Instant;
import java.util.List;

/** The short report form: what (type, title, description), since when, and example tickets. */
public record NewCrisisReport(CrisisType type, String title, String description, Instant occurringSince, List<Long> exampleTicketIds) {

    public NewCrisisReport {
        exampleTicketIds = exampleTicketIds == null ? List.of() : List.copyOf(exampleTicketIds);
    }
}
