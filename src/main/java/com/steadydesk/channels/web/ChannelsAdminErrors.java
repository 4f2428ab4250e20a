package com.steadydesk.channels.web;

import com.steadydesk.platform.DomainRuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** A rule broken on a channels admin screen (e.g. discarding twice, from two tabs) answers 409, not 500. */
@ControllerAdvice(assignableTypes = {QuarantineController.class, MailboxController.class})
class ChannelsAdminErrors {

    @ExceptionHandler(DomainRuleViolation.class)
    void conflict(DomainRuleViolation e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT, e.getMessage());
    }
}
