package com.steadydesk.channels;

/** A stored attachment, without its bytes. */
public record AttachmentRef(long id, String filename, String contentType, long size) {
}
