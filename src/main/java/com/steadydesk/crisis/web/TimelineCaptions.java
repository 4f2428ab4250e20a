package com.steadydesk.crisis.web;

import com.steadydesk.crisis.TimelineEntry;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A timeline entry's caption in the reader's language ({@code ${@timelineCaptions.of(e, #locale)}}): system entries carry
 * a bundle key whose {@code @key} arguments are labels (a grade, a type); entries people wrote are shown as written.
 */
@Component("timelineCaptions")
class TimelineCaptions {

    private final MessageSource messages;

    TimelineCaptions(MessageSource messages) {
        this.messages = messages;
    }

    public String of(TimelineEntry entry, Locale locale) {
        if (entry.textKey() == null) {
            return entry.caption();
        }
        Object[] args = entry.textArgs().stream()
                .map(a -> a.startsWith("@") ? messages.getMessage(a.substring(1), null, a.substring(1), locale) : a).toArray();
        return messages.getMessage(entry.textKey(), args, entry.caption(), locale);
    }
}
