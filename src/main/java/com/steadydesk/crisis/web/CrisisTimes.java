package com.steadydesk.crisis.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formats instants in the display zone for the crisis templates ({@code ${@crisisTimes.full(t)}}). */
@Component("crisisTimes")
class CrisisTimes {

    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final ZoneId zone;

    CrisisTimes(@Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String full(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(zone));
    }

    public String brief(Instant at) {
        return at == null ? "" : SHORT.format(at.atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
