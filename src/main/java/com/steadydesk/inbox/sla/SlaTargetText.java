package com.steadydesk.inbox.sla;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Targets in words, as admins think of them: "30 秒", "4 个工作小时", "30 minutes". */
@Component
class SlaTargetText {

    private final MessageSource messages;

    SlaTargetText(MessageSource messages) {
        this.messages = messages;
    }

    String of(Duration target, boolean businessTime, Locale locale) {
        if (target == null) {
            return messages.getMessage("sla.noTarget", null, locale);
        }
        long s = target.toSeconds();
        String prefix = businessTime ? "sla.duration.business." : "sla.duration.";
        // seconds up to 90 ("60 秒" reads as the service standard says it), then the largest whole unit
        if (s > 90 && s % 3600 == 0) {
            return messages.getMessage(prefix + "hours", new Object[] {s / 3600}, locale);
        }
        if (s > 90 && s % 60 == 0) {
            return messages.getMessage(prefix + "minutes", new Object[] {s / 60}, locale);
        }
        return messages.getMessage(prefix + "seconds", new Object[] {s}, locale);
    }
}
