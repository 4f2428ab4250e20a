package com.steadydesk.notifications.web;

import com.steadydesk.identity.CurrentUser;
import com.steadydesk.notifications.StaffNotices;
import com.steadydesk.platform.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The current user's notices: the list, marking read, and the unread count the layout badge polls. */
@Controller
@RequestMapping("/notices")
class NoticesController {

    /** Every member of staff gets notices, including crisis leads and reviewers without an agent role. */
    static final String STAFF = "hasAnyRole('TEMP_AGENT', 'CRISIS_LEAD', 'REVIEWER')";

    private final StaffNotices notices;
    private final CurrentUser currentUser;

    private final java.time.ZoneId zone;

    NoticesController(StaffNotices notices, CurrentUser currentUser,
            @org.springframework.beans.factory.annotation.Value("${steadydesk.display-zone:Asia/Shanghai}") String zone) {
        this.notices = notices;
        this.currentUser = currentUser;
        this.zone = java.time.ZoneId.of(zone);
    }

    @Bean
    static NavigationItem noticesNavigation() {
        return new NavigationItem("nav.notices", "/notices", 95, "TEMP_AGENT", "CRISIS_LEAD", "REVIEWER");
    }

    @GetMapping
    @PreAuthorize(STAFF)
    String list(@RequestParam(required = false) String cursor, Model model) {
        String me = currentUser.username();
        model.addAttribute("page", notices.recent(me, cursor, 30));
        model.addAttribute("unread", notices.unreadCount(me));
        model.addAttribute("zone", zone);
        return "notifications/notices";
    }

    /** Plain badge text: empty when nothing is unread, so the layout can show it as is. */
    @GetMapping(value = "/unread-count", produces = MediaType.TEXT_HTML_VALUE)
    @PreAuthorize(STAFF)
    ResponseEntity<String> unreadCount() {
        int count = notices.unreadCount(currentUser.username());
        String html = count == 0 ? "" : "<span class=\"badge danger\" title=\"unread\">" + (count > 99 ? "99+" : count) + "</span>";
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(html);
    }

    @PostMapping("/{id}/read")
    @PreAuthorize(STAFF)
    String markRead(@PathVariable long id, @RequestParam(required = false) String open) {
        notices.markRead(currentUser.username(), id);
        var notice = notices.find(id);
        if (open != null && notice.link() != null && notice.link().startsWith("/")) {
            return "redirect:" + notice.link();
        }
        return "redirect:/notices";
    }

    /** Someone else's notice is as good as missing. */
    @org.springframework.web.bind.annotation.ExceptionHandler(com.steadydesk.platform.NotFoundException.class)
    ResponseEntity<String> notFound() {
        return ResponseEntity.status(org.springframework.http.HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN).body("not found");
    }

    @PostMapping("/read-all")
    @PreAuthorize(STAFF)
    String markAllRead() {
        notices.markAllRead(currentUser.username());
        return "redirect:/notices";
    }
}
