package com.steadydesk.inbox;

import java.time.Instant;

/**
 * The customer's satisfaction rating of a ticket: a score from 1 to 5 (a two-button survey records 5 for good and 1
 * for bad), an optional comment, when it was given and who recorded it (an agent, or the survey's system user).
 */
public record SatisfactionRating(TicketId ticketId, int score, String comment, Instant ratedAt, String recordedBy) {

    /** Lowest and highest score; 4 and 5 count as a good rating in CSAT. */
    public static final int MIN_SCORE = 1, MAX_SCORE = 5, GOOD_FROM = 4;

    public SatisfactionRating {
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new IllegalArgumentException("a satisfaction score is between " + MIN_SCORE + " and " + MAX_SCORE);
        }
    }

    public boolean good() {
        return score >= GOOD_FROM;
    }
}
