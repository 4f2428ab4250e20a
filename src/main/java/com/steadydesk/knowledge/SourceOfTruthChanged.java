package com.steadydesk.knowledge;

/** The source-of-truth page of a crisis was saved as a new version. */
public record SourceOfTruthChanged(long crisisId, long pageId, int version, String author) {
}
