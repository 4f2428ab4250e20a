package com.steadydesk.crisis;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.notifications.StaffNotices;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells single people what happened to something of theirs: the person who reported a suspected crisis when it is
 * acknowledged, declared (with its grade) or dismissed, and a crisis task's assignee when the task is given to them.
 * Staff notices reach people of either language, so the text is written in Chinese and in English from the bundles.
 * Nobody is told of their own action.
 */
@Component
class CrisisStaffNotices {

    private final StaffNotices staffNotices;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    CrisisStaffNotices(StaffNotices staffNotices, CurrentUser currentUser, MessageSource messages) {
        this.staffNotices = staffNotices;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    /** {@code what}: acknowledged, declared, dismissed (bundle keys crisis.notice.reporter.*). */
    void tellReporter(CrisisId crisis, String reporter, String what, String title, String detailKeyPrefix, String detail) {
        tell(reporter, crisis, "crisis.notice.reporter." + what, title, detailKeyPrefix, detail);
    }

    void tellAssignee(CrisisId crisis, String assignee, String taskTitle) {
        tell(assignee, crisis, "crisis.notice.task", taskTitle, null, null);
    }

    private void tell(String username, CrisisId crisis, String key, String title, String detailKeyPrefix, String detail) {
        if (username == null || username.isBlank() || username.equals(currentUser.username()) || "system".equals(username)) {
            return;
        }
        String zh = text(key, Locale.SIMPLIFIED_CHINESE, crisis, title, detailKeyPrefix, detail);
        String en = text(key, Locale.ENGLISH, crisis, title, detailKeyPrefix, detail);
        String subjectZh = messages.getMessage(key + ".subject", new Object[] {crisis.value(), title}, Locale.SIMPLIFIED_CHINESE);
        String subjectEn = messages.getMessage(key + ".subject", new Object[] {crisis.value(), title}, Locale.ENGLISH);
        staffNotices.notify(List.of(username), subjectZh + " / " + subjectEn, zh + "\n\n" + en, "/crisis/" + crisis.value());
    }

    private String text(String key, Locale locale, CrisisId crisis, String title, String detailKeyPrefix, String detail) {
        // a detail may be a code (a grade) shown through its label, or free text (a dismissal reason)
        String shown = detail == null ? "" : detailKeyPrefix == null ? detail : messages.getMessage(detailKeyPrefix + detail, null, detail, locale);
        return messages.getMessage(key + ".body", new Object[] {crisis.value(), title, shown, currentUser.username()}, locale);
    }
}
