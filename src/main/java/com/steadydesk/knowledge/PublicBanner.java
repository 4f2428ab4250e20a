package com.steadydesk.knowledge;

/** The crisis banner shown on public pages (help center, contact, status), linking to the public crisis page. */
public record PublicBanner(long crisisId, String title, String link) {
}
