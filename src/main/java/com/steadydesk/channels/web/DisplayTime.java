package com.steadydesk.channels.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Formats stored UTC instants in the display zone ({@code steadydesk.display-zone}) for the admin screens. */
@Component("channelsTime")
class DisplayTime {

    private final DateTimeFormatter format;

    DisplayTime(@Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of(zone));
    }

    public String format(Instant instant) {
        return instant == null ? "" : format.format(instant);
    }
}
