package com.steadydesk.channels;

import org.springframework.stereotype.Service;

/** CONTRACT (skeleton): the channels helper implements it. Queues mail for SMTP delivery with retries. */
@Service
public class OutboundMail {

    /** Stores the mail for delivery (in the caller's transaction) and answers its Message-ID. */
    public QueuedEmail queue(OutgoingEmail email) {
        throw new UnsupportedOperationException("contract");
    }
}
