package com.steadydesk.channels;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Notices appended to every outgoing mail, e.g. the crisis module's "service disruption: latest updates at ..."
 * with a link to the status page. Keyed so that the owner can replace or clear its own notice.
 */
@Service
public class MailFooter {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailFooter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Shows (or replaces) the notice with this key; {@code url} may be null. */
    public void show(String key, String text, String url) {
        if (key == null || key.isBlank() || text == null || text.isBlank()) {
            throw new IllegalArgumentException("a footer notice needs a key and a text");
        }
        if (url != null && !url.isBlank() && !url.strip().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("a footer link must be an http(s) address");
        }
        jdbc.sql("""
                        insert into mail_footer_notices (notice_key, text, url, updated_at) values (?, ?, ?, ?)
                        on conflict (notice_key) do update set text = excluded.text, url = excluded.url, updated_at = excluded.updated_at""")
                .params(key, text.strip(), url == null || url.isBlank() ? null : url.strip(), Timestamp.from(Instant.now(clock)))
                .update();
    }

    public void clear(String key) {
        jdbc.sql("delete from mail_footer_notices where notice_key = ?").param(key).update();
    }

    /** Active notices, oldest first. */
    public List<FooterNotice> current() {
        return jdbc.sql("select notice_key, text, url from mail_footer_notices order by updated_at, notice_key")
                .query((rs, n) -> new FooterNotice(rs.getString("notice_key"), rs.getString("text"), rs.getString("url"))).list();
    }

    /** The text body with the active notices below it. */
    public String appendToText(String text, List<FooterNotice> notices) {
        if (notices.isEmpty()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text == null ? "" : text.stripTrailing()).append("\n\n--\n");
        for (FooterNotice notice : notices) {
            sb.append(notice.text());
            if (notice.url() != null) {
                sb.append("\n").append(notice.url());
            }
            sb.append("\n");
        }
        return sb.toString();
    }

    /** The HTML body with the notices below it, escaped; null stays null (the mail then has no HTML part). */
    public String appendToHtml(String html, List<FooterNotice> notices) {
        if (html == null || notices.isEmpty()) {
            return html;
        }
        StringBuilder sb = new StringBuilder("<hr><div class=\"steadydesk-notice\">");
        for (FooterNotice notice : notices) {
            sb.append("<p>").append(HtmlUtils.htmlEscape(notice.text()));
            if (notice.url() != null) {
                String url = HtmlUtils.htmlEscape(notice.url());
                sb.append("<br><a href=\"").append(url).append("\">").append(url).append("</a>");
            }
            sb.append("</p>");
        }
        sb.append("</div>");
        int body = html.toLowerCase(java.util.Locale.ROOT).lastIndexOf("</body>");
        return body < 0 ? html + sb : html.substring(0, body) + sb + html.substring(body);
    }

    /** One notice shown under outgoing mail. */
    public record FooterNotice(String key, String text, String url) {
    }
}
