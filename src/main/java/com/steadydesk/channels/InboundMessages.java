package com.steadydesk.channels;

import com.steadydesk.channels.internal.InboundMessageStore;
import com.steadydesk.platform.NotFoundException;
import org.springframework.stereotype.Service;

/** Read access to parsed inbound messages (inbox fetches one when it hears {@link InboundMessageReceived}). */
@Service
public class InboundMessages {

    private final InboundMessageStore store;

    InboundMessages(InboundMessageStore store) {
        this.store = store;
    }

    /** The parsed message; 404 ({@link NotFoundException}) when there is none or it is not parsed (quarantined, discarded). */
    public ParsedInboundMessage get(InboundMessageId id) {
        return store.findParsed(id.value()).orElseThrow(() -> new NotFoundException("parsed inbound message", id.value()));
    }
}
