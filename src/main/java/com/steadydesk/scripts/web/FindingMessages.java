package com.steadydesk.scripts.web;

import com.steadydesk.scripts.LintFinding;
import com.steadydesk.scripts.Severity;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns lint findings into sentences in the reader's language. */
@Component
class FindingMessages {

    private final MessageSource messages;

    FindingMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<FindingView> of(List<LintFinding> findings, Locale locale) {
        return findings.stream().map(f -> new FindingView(f.severity(), f.rule(),
                messages.getMessage(f.messageKey(), f.args().toArray(), f.messageKey(), locale), f.excerpt(), f.start())).toList();
    }

    String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** A finding ready to show. */
    record FindingView(Severity severity, String rule, String message, String excerpt, int start) {

        public String css() {
            return switch (severity) {
                case ERROR -> "danger";
                case WARNING -> "warn";
                case INFO -> "";
            };
        }
    }
}
