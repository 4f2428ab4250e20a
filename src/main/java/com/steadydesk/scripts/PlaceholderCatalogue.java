package com.steadydesk.scripts;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one list of automatic placeholders (docs/scripts-placeholders.md, docs/decisions/0009): each name, where it may
 * be used and who fills it. The linter, the reply composer, the inbox (single and bulk replies), the crisis status page
 * and subscriber notifications all ask this list, so that a text accepted in one place is never refused in another.
 */
@Component
public class PlaceholderCatalogue {

    /** Where a text with placeholders goes. */
    public enum Use {
        /** An agent's reply on one ticket (reply box, API). */
        TICKET_REPLY,
        /** The same reply sent by the crisis lead to many linked tickets. */
        BULK_REPLY,
        /** A public update on the crisis status page. */
        STATUS_PAGE,
        /** The mail or message that carries a public update to subscribers. */
        NOTIFICATION
    }

    /** Who supplies the value. */
    public enum FilledBy {
        /** The inbox, from the ticket and its customer, when the reply is sent. */
        INBOX_FROM_TICKET,
        /** The inbox, from the person sending the reply (the lead who started a bulk reply). */
        INBOX_FROM_SENDER,
        /** The application's public address ({@code steadydesk.base-url}). */
        BASE_URL,
        /** The crisis module, from the crisis the public update belongs to. */
        CRISIS
    }

    /** One automatic placeholder. */
    public record Entry(String name, Set<Use> uses, FilledBy filledBy, String description) {

        public boolean allowedIn(Use use) {
            return uses.contains(use);
        }
    }

    private static final Set<Use> REPLIES = EnumSet.of(Use.TICKET_REPLY, Use.BULK_REPLY);

    /** Every automatic placeholder; any other dotted name is unknown, any dotless name is typed by the agent. */
    public static final List<Entry> ENTRIES = List.of(
            new Entry("customer.name", REPLIES, FilledBy.INBOX_FROM_TICKET, "the customer's name from the ticket"),
            new Entry("ticket.number", REPLIES, FilledBy.INBOX_FROM_TICKET, "the ticket number"),
            new Entry("ticket.subject", REPLIES, FilledBy.INBOX_FROM_TICKET, "the ticket's subject"),
            new Entry("agent.name", REPLIES, FilledBy.INBOX_FROM_SENDER, "the display name of the person who sends the reply"),
            new Entry("crisis.status_url", EnumSet.of(Use.TICKET_REPLY, Use.BULK_REPLY, Use.STATUS_PAGE, Use.NOTIFICATION),
                    FilledBy.BASE_URL, "the public status page (steadydesk.base-url + /status)"),
            new Entry("crisis.title", EnumSet.of(Use.STATUS_PAGE, Use.NOTIFICATION), FilledBy.CRISIS,
                    "the crisis's public title (never the internal one)"),
            new Entry("crisis.affected", EnumSet.of(Use.STATUS_PAGE, Use.NOTIFICATION), FilledBy.CRISIS,
                    "affected products, channels and regions, in the reader's language"),
            new Entry("crisis.next_update", EnumSet.of(Use.STATUS_PAGE, Use.NOTIFICATION), FilledBy.CRISIS,
                    "when the next public update is due"));

    private static final Map<String, Entry> BY_NAME = ENTRIES.stream()
            .collect(Collectors.toMap(Entry::name, e -> e, (a, b) -> a, LinkedHashMap::new));

    private final String statusUrl;

    PlaceholderCatalogue(@Value("${steadydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.statusUrl = baseUrl.replaceAll("/+$", "") + "/status";
    }

    public static Optional<Entry> entry(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** Whether the name is an automatic placeholder at all (dotted names must be). */
    public static boolean known(String name) {
        return BY_NAME.containsKey(name);
    }

    /** The automatic placeholders a text for this use may contain. */
    public static Set<String> namesFor(Use use) {
        return ENTRIES.stream().filter(e -> e.allowedIn(use)).map(Entry::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The placeholders of the text that nobody will fill for this use: unknown or not meant for it (e.g.
     * {@code {{customer.name}}} on the public page), and, unless {@code manualAllowed}, every name the agent types.
     */
    public static List<String> refusedIn(String text, Use use, boolean manualAllowed) {
        List<String> refused = new ArrayList<>();
        for (String name : PlaceholderText.names(text)) {
            boolean manual = PlaceholderText.NAME.matcher(name).matches() && !name.contains(".");
            boolean allowed = manual ? manualAllowed : entry(name).map(e -> e.allowedIn(use)).orElse(false);
            if (!allowed) {
                refused.add(name);
            }
        }
        return refused;
    }

    /** Values that are the same wherever the text goes (the status page's address). */
    public Map<String, String> fixedValues() {
        return Map.of("crisis.status_url", statusUrl);
    }

    public String statusUrl() {
        return statusUrl;
    }
}
