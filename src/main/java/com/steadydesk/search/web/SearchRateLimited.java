package com.steadydesk.search.web;

/** A user searched more often than the per-minute limit allows; {@code retryAfterSeconds} until the next search may run. */
class SearchRateLimited extends RuntimeException {

    private final int perMinute;
    private final long retryAfterSeconds;

    SearchRateLimited(int perMinute, long retryAfterSeconds) {
        super("At most " + perMinute + " searches a minute; try again in " + retryAfterSeconds + " s.");
        this.perMinute = perMinute;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int perMinute() {
        return perMinute;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
