package com.steadydesk.inbox.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formats stored UTC instants in the display zone (Asia/Shanghai by default) for the inbox screens. */
@Component("inboxTimes")
class DisplayTimes {

    private final ZoneId zone;
    private final Clock clock;
    private final DateTimeFormatter full = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final DateTimeFormatter today = DateTimeFormatter.ofPattern("HH:mm");
    private final DateTimeFormatter thisYear = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    DisplayTimes(@Value("${steadydesk.display-zone:Asia/Shanghai}") String zone, Clock clock) {
        this.zone = ZoneId.of(zone);
        this.clock = clock;
    }

    /** Full date and time, e.g. 2026-03-01 16:05. */
    public String full(Instant at) {
        return at == null ? "" : full.format(at.atZone(zone));
    }

    /** Short: time only today, month-day this year, full otherwise. */
    public String brief(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(zone);
        var now = Instant.now(clock).atZone(zone);
        if (local.toLocalDate().equals(now.toLocalDate())) {
            return today.format(local);
        }
        return local.getYear() == now.getYear() ? thisYear.format(local) : full.format(local);
    }

    /** Minutes until the instant (negative when past), for SLA badges. */
    public long minutesUntil(Instant at) {
        return at == null ? 0 : Duration.between(Instant.now(clock), at).toMinutes();
    }

    public String zone() {
        return zone.getId();
    }
}
