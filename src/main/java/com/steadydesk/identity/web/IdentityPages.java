package com.steadydesk.identity.web;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What identity's pages share: the zone times are shown in (stored UTC, shown in {@code steadydesk.display-zone}) and
 * messages for flash notices, which are resolved before the redirect because the layout prints them as text.
 */
@ControllerAdvice(assignableTypes = {UserAdminController.class, AccountController.class, AuditLogController.class})
class IdentityPages {

    private final ZoneId zone;
    private final MessageSource messages;

    IdentityPages(@Value("${steadydesk.display-zone:Asia/Shanghai}") ZoneId zone, MessageSource messages) {
        this.zone = zone;
        this.messages = messages;
    }

    @ModelAttribute("zone")
    ZoneId zone() {
        return zone;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
