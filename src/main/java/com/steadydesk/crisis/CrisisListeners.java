package com.steadydesk.crisis;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketOpened;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.notifications.PublicNotice;
import com.steadydesk.notifications.PublicSubscriptions;
import com.steadydesk.scripts.ScriptManagement;
import org.springframework.beans.factory.annotation.Value;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reactions that must not be lost: new tickets that mention a crisis's keywords are linked to it, and a closed
 * crisis's traces in lower modules are cleaned up (crisis-only scripts hidden for review, help-center banner and
 * callouts removed, mail footer back to normal) and verified on its clean-up checklist.
 */
@Component
class CrisisListeners {

    private static final Logger log = LoggerFactory.getLogger(CrisisListeners.class);

    private final CrisisManagement crises;
    private final ApplicationEventPublisher events;
    private final CrisisTimeline timeline;
    private final ScriptManagement scripts;
    private final HelpCenterNotices helpCenter;
    private final MailFooter mailFooter;
    private final StatusPage statusPage;
    private final PublicSubscriptions subscriptions;
    private final CrisisCleanup cleanup;
    private final String baseUrl;

    CrisisListeners(CrisisManagement crises, CrisisTimeline timeline, ScriptManagement scripts,
            HelpCenterNotices helpCenter, MailFooter mailFooter, StatusPage statusPage, PublicSubscriptions subscriptions, CrisisCleanup cleanup,
            ApplicationEventPublisher events, @Value("${steadydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.events = events;
        this.statusPage = statusPage;
        this.subscriptions = subscriptions;
        this.cleanup = cleanup;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.crises = crises;
        this.timeline = timeline;
        this.scripts = scripts;
        this.helpCenter = helpCenter;
        this.mailFooter = mailFooter;
    }

    /**
     * Synchronous, inside the transaction that opens the ticket, and only an in-memory match against the declared
     * crises' keywords (cached): most tickets match nothing and cost nothing more. A match is handed on as an event
     * stored with the ticket, so the link is made reliably but outside the intake's transaction.
     */
    @EventListener
    void on(TicketOpened event) {
        try {
            for (CrisisDetails crisis : crises.withKeywords()) {
                if (CrisisManagement.mentions(crisis, event.subject()) || CrisisManagement.mentions(crisis, event.firstMessage())) {
                    events.publishEvent(new TicketMatchedCrisisKeywords(crisis.id(), event.ticketId()));
                }
            }
        } catch (RuntimeException e) {
            // never fail an intake over the auto-link; the lead can still link the ticket from the cockpit
            log.warn("Keyword match for ticket {} failed: {}", event.ticketId().value(), e.toString());
        }
    }

    @ApplicationModuleListener(id = "crisis.link-ticket-by-keyword")
    void on(TicketMatchedCrisisKeywords event) {
        crises.linkTickets(event.crisisId(), List.of(event.ticketId()), CrisisManagement.BY_KEYWORD);
    }

    @ApplicationModuleListener(id = "crisis.notify-subscribers")
    void on(StatusUpdatePublished event) {
        PublicUpdate update = statusPage.update(event.updateId());
        // the public title: subscribers never read the internal one
        subscriptions.publish(new PublicNotice("crisis-update:" + update.id(), "【服务状态更新】" + statusPage.publicTitle(event.crisisId(), "zh"),
                "[Status update] " + statusPage.publicTitle(event.crisisId(), "en"),
                update.bodyZh(), update.bodyEn(), baseUrl + "/status#crisis-" + event.crisisId().value()));
    }

    @ApplicationModuleListener(id = "crisis.clean-up-on-close")
    void on(CrisisClosed event) {
        long id = event.crisisId().value();
        statusPage.invalidate();
        scripts.crisisClosed(id);
        helpCenter.clearAll(id);
        mailFooter.clear(footerKey(event.crisisId()));
        timeline.appendAs("system", event.crisisId(), "CLEAN_UP", "crisis-only scripts hidden and listed for retire/keep; "
                + "help-center banner and callouts removed; mail footer notice cleared; keyword auto-link off; status page refreshed");
        // subscribers hear that it is over from the final update the lead sends from the checklist, not from here
        cleanup.verifyNoticesRemoved(event.crisisId());
    }

    /** The key of the crisis's notice under outgoing mail. */
    static String footerKey(CrisisId id) {
        return "crisis-" + id.value();
    }
}
