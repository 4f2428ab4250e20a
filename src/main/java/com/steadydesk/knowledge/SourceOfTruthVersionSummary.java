package com.steadydesk.knowledge;

import java.time.Instant;

/** One saved version of a source-of-truth page. */
public record SourceOfTruthVersionSummary(int number, String author, Instant createdAt) {
}
