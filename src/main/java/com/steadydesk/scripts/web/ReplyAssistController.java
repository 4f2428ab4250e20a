package com.steadydesk.scripts.web;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.identity.UserSummary;
import com.steadydesk.scripts.Placeholder;
import com.steadydesk.scripts.PlaceholderCatalogue;
import com.steadydesk.scripts.ScriptId;
import com.steadydesk.scripts.ScriptManagement;
import com.steadydesk.scripts.ScriptManagement.SuggestionRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reply assistant the inbox embeds on its ticket page ({@code <section id="reply-assist" hx-post=...>}): suggestions for
 * the customer's latest message, a search over approved scripts, snippets by category and the composer
 * (static/js/scripts-composer.js) that inserts scripts into {@code #reply-body}, fills placeholders and records use.
 */
@Controller
class ReplyAssistController {

    private final ScriptManagement scripts;
    private final CurrentUser currentUser;
    private final String statusUrl;
    private final String serverFilled;
    private final PlaceholderCatalogue catalogue;

    ReplyAssistController(ScriptManagement scripts, CurrentUser currentUser, PlaceholderCatalogue catalogue) {
        this.catalogue = catalogue;
        this.scripts = scripts;
        this.currentUser = currentUser;
        this.statusUrl = catalogue.statusUrl();
        // the inbox fills these on sending (e.g. ticket.subject): the composer does not ask the agent for them
        this.serverFilled = String.join(",", new java.util.TreeSet<>(PlaceholderCatalogue.namesFor(PlaceholderCatalogue.Use.TICKET_REPLY)));
    }

    @PostMapping("/scripts/fragments/reply-assist")
    @PreAuthorize(ScriptsApiController.READERS)
    String replyAssist(@RequestParam(required = false) Long ticketId, @RequestParam(required = false) String ticketNumber,
            @RequestParam(required = false) String customerName, @RequestParam(defaultValue = "false") boolean vip,
            @RequestParam(required = false) String segment, @RequestParam(required = false) String text, Model model) {
        model.addAttribute("suggestions", scripts.suggestions(new SuggestionRequest(text, vip, segment, 5)));
        model.addAttribute("snippets", scripts.snippets());
        model.addAttribute("categoryById", scripts.categories().stream().collect(Collectors.toMap(c -> c.code(), c -> c)));
        model.addAttribute("ticketId", ticketId);
        model.addAttribute("ticketNumber", ticketNumber);
        model.addAttribute("customerName", customerName);
        model.addAttribute("text", text);
        model.addAttribute("agentName", currentUser.summary().map(UserSummary::displayName).orElse(currentUser.username()));
        model.addAttribute("statusUrl", statusUrl);
        model.addAttribute("serverFilled", serverFilled);
        // the values the composer fills at once, as name=value pairs (URL-encoded) keyed by the catalogue's names
        var values = new java.util.LinkedHashMap<String, String>(catalogue.fixedValues());
        values.put("customer.name", customerName);
        values.put("ticket.number", ticketNumber);
        values.put("agent.name", (String) model.getAttribute("agentName"));
        model.addAttribute("autoValues", values.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().isBlank())
                .map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(Collectors.joining("&")));
        return "scripts/reply-assist";
    }

    @GetMapping("/scripts/fragments/reply-assist/search")
    @PreAuthorize(ScriptsApiController.READERS)
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("found", q == null || q.isBlank() ? List.of() : scripts.searchApproved(q, 10));
        return "scripts/reply-assist :: found";
    }

    /** Called by the composer when a script is inserted into a reply. */
    @PostMapping("/scripts/{id}/used")
    @PreAuthorize(ScriptsApiController.READERS)
    ResponseEntity<Void> used(@PathVariable long id, @RequestParam(required = false) Long ticketId, @RequestParam(required = false) String text) {
        scripts.recordUse(new ScriptId(id), ticketId, text);
        return ResponseEntity.noContent().build();
    }

    /** The placeholders of a script as the composer reads them: {@code name|label|required} joined by newlines. */
    static String placeholderData(List<Placeholder> placeholders) {
        return placeholders.stream().map(p -> p.name() + "|" + p.label() + "|" + p.required()).collect(Collectors.joining("\n"));
    }
}
