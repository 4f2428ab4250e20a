package com.steadydesk.inbox;

import com.steadydesk.customers.CustomerId;
import java.util.regex.Pattern;

/**
 * A call an agent logs. With {@code ticketId} it is added to that ticket; without, a new PHONE ticket is opened for
 * {@code customerId}, or for the customer identified by {@code callerPhone} when no customer id is given.
 *
 * @param subject     the new ticket's subject; when blank, {@link #subjectFrom} of the summary
 * @param statusAfter the ticket's status after the call, as the agent chose it; null keeps it (a new ticket opens OPEN)
 */
public record PhoneCall(TicketId ticketId, CustomerId customerId, String callerName, String callerPhone, String subject,
        String summary, CallOutcome outcome, TicketStatus statusAfter) {

    /** Phone, order and card numbers: they belong in the call record, not in a subject every list shows. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d[\\d \\-]{4,}\\d");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{P}\\s]+|[\\p{P}\\s&&[^?？!！]]+$");
    private static final int SUBJECT_MAX = 80;

    /** The first line of a call summary without runs of digits, trimmed of dangling punctuation; empty when nothing is left. */
    public static String subjectFrom(String summary) {
        if (summary == null) {
            return "";
        }
        String line = DIGIT_RUN.matcher(summary.strip()).replaceAll(" ").lines().findFirst().orElse("");
        line = EDGE_PUNCTUATION.matcher(line.replaceAll("[ \\t]{2,}", " ")).replaceAll("").strip();
        return line.length() > SUBJECT_MAX ? line.substring(0, SUBJECT_MAX) + "…" : line;
    }
}
