package com.steadydesk.knowledge.internal;

import com.steadydesk.knowledge.SourceOfTruthChanged;
import com.steadydesk.knowledge.SourceOfTruthManagement;
import com.steadydesk.notifications.StaffNotices;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Sends each subscriber of a source-of-truth page (except the one who saved) a notice with what changed. */
@Component
class TruthSubscribersNotifier {

    private final SourceOfTruthManagement truth;
    private final StaffNotices notices;

    TruthSubscribersNotifier(SourceOfTruthManagement truth, StaffNotices notices) {
        this.truth = truth;
        this.notices = notices;
    }

    @ApplicationModuleListener(id = "knowledge.truth-subscribers")
    void on(SourceOfTruthChanged event) {
        List<String> recipients = truth.subscribers(event.crisisId()).stream().filter(u -> !u.equals(event.author())).toList();
        if (recipients.isEmpty()) {
            return;
        }
        var page = truth.page(event.crisisId());
        String diff = event.version() > 1 ? truth.diff(event.crisisId(), event.version() - 1, event.version()).text()
                : truth.snapshot(event.crisisId(), event.version());
        String subject = "【事实页更新 Source of truth updated】" + page.title() + " v" + event.version();
        String body = page.title() + " — v" + event.version() + " · " + event.author() + "\n\n" + diff;
        notices.notify(recipients, subject, body, "/knowledge/crisis/" + event.crisisId());
    }
}
