package com.steadydesk.channels;

import org.springframework.stereotype.Service;

/** CONTRACT (skeleton): the channels helper implements it. Read access to parsed inbound messages. */
@Service
public class InboundMessages {

    public ParsedInboundMessage get(InboundMessageId id) {
        throw new UnsupportedOperationException("contract");
    }
}
