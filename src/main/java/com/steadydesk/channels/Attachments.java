package com.steadydesk.channels;

import org.springframework.stereotype.Service;

/**
 * CONTRACT (skeleton): the channels helper implements it. Stores files (inbound attachments and the ones agents
 * add to replies and notes) with a size limit; a file over the limit is refused with an IllegalArgumentException.
 */
@Service
public class Attachments {

    public AttachmentRef store(String filename, String contentType, byte[] content) {
        throw new UnsupportedOperationException("contract");
    }

    public StoredAttachment load(long id) {
        throw new UnsupportedOperationException("contract");
    }

    /** An attachment with its bytes. */
    public record StoredAttachment(AttachmentRef ref, byte[] content) {
    }
}
