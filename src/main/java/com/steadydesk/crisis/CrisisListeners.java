package com.steadydesk.crisis;

import com.steadydesk.channels.MailFooter;
import com.steadydesk.inbox.TicketId;
import com.steadydesk.inbox.TicketManagement;
import com.steadydesk.inbox.TicketMessage;
import com.steadydesk.inbox.TicketOpened;
import com.steadydesk.knowledge.HelpCenterNotices;
import com.steadydesk.notifications.PublicNotice;
import com.steadydesk.notifications.PublicSubscriptions;
import com.steadydesk.scripts.ScriptManagement;
import org.springframework.beans.factory.annotation.Value;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Reactions that must not be lost: new tickets that mention a crisis's keywords are linked to it, and a closed
 * crisis's traces in lower modules are cleaned up (crisis-only scripts hidden for review, help-center banner and
 * callouts removed, mail footer back to normal) and verified on its clean-up checklist.
 */
@Component
class CrisisListeners {

    private final CrisisManagement crises;
    private final TicketManagement tickets;
    private final CrisisTimeline timeline;
    private final ScriptManagement scripts;
    private final HelpCenterNotices helpCenter;
    private final MailFooter mailFooter;
    private final StatusPage statusPage;
    private final PublicSubscriptions subscriptions;
    private final CrisisCleanup cleanup;
    private final String baseUrl;

    CrisisListeners(CrisisManagement crises, TicketManagement tickets, CrisisTimeline timeline, ScriptManagement scripts,
            HelpCenterNotices helpCenter, MailFooter mailFooter, StatusPage statusPage, PublicSubscriptions subscriptions, CrisisCleanup cleanup,
            @Value("${steadydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.statusPage = statusPage;
        this.subscriptions = subscriptions;
        this.cleanup = cleanup;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.crises = crises;
        this.tickets = tickets;
        this.timeline = timeline;
        this.scripts = scripts;
        this.helpCenter = helpCenter;
        this.mailFooter = mailFooter;
    }

    @ApplicationModuleListener(id = "crisis.link-by-keyword")
    void on(TicketOpened event) {
        List<CrisisDetails> candidates = crises.withKeywords();
        if (candidates.isEmpty()) {
            return;
        }
        String subject = tickets.find(event.ticketId()).map(t -> t.subject()).orElse("");
        String body = tickets.messages(event.ticketId()).stream().findFirst().map(TicketMessage::bodyText).orElse("");
        for (CrisisDetails crisis : candidates) {
            if (CrisisManagement.mentions(crisis, subject) || CrisisManagement.mentions(crisis, body)) {
                crises.linkTickets(crisis.id(), List.of(new TicketId(event.ticketId().value())), CrisisManagement.BY_KEYWORD);
            }
        }
    }

    @ApplicationModuleListener(id = "crisis.notify-subscribers")
    void on(StatusUpdatePublished event) {
        PublicUpdate update = statusPage.update(event.updateId());
        CrisisDetails crisis = crises.find(event.crisisId());
        String titleEn = crisis.titleEn() == null ? crisis.title() : crisis.titleEn();
        subscriptions.publish(new PublicNotice("crisis-update:" + update.id(), "【服务状态更新】" + crisis.title(), "[Status update] " + titleEn,
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
