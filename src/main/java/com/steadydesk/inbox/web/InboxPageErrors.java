package com.steadydesk.inbox.web;

import com.steadydesk.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * The inbox screens answer a ticket (or user) that does not exist with 404 and a value that cannot be right (a
 * tampered cursor, an unknown action) with 400, on the shared error page in the user's language, never with 500.
 */
@ControllerAdvice(assignableTypes = {InboxController.class, HandoverController.class, SatisfactionController.class})
class InboxPageErrors {

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest() {
        return page(HttpStatus.BAD_REQUEST);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error/4xx", status);
        page.addObject("status", status.value());
        return page;
    }
}
