package com.steadydesk.crisis;

import java.time.LocalDate;
import java.util.List;

/** How many tickets are linked, and how many were linked per day (the trend), oldest day first. */
public record LinkedTicketStats(long total, List<DayCount> perDay) {

    /** Tickets linked on one day (display zone). */
    public record DayCount(LocalDate day, long count) {
    }
}
