package com.steadydesk.knowledge;

/** The difference between two versions: HTML with {@code <ins>}/{@code <del>} for pages, +/- lines for mail and API. */
public record VersionDiff(int from, int to, String html, String text) {
}
