package com.steadydesk.scripts.web;

import com.steadydesk.platform.DomainRuleViolation;
import com.steadydesk.platform.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The library's screens answer a missing (or, for agents, not yet approved) script with 404 and a broken rule with 409. */
@ControllerAdvice(assignableTypes = {ScriptPagesController.class, ReplyAssistController.class, ScriptImportController.class,
        ScriptAdminController.class})
class ScriptPageErrors {

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<String> notFound(NotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    @ExceptionHandler(DomainRuleViolation.class)
    ResponseEntity<String> ruleViolation(DomainRuleViolation e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
