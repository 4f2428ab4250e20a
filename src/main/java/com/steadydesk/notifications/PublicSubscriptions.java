package com.steadydesk.notifications;

import com.steadydesk.channels.OutboundMail;
import com.steadydesk.channels.OutgoingEmail;
import com.steadydesk.platform.DomainRuleViolation;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import com.steadydesk.customers.EmailAddress;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers who follow the public status page by email: double opt-in (a confirmation link first), one-click
 * unsubscribe, both by signed tokens that need no login. {@link #publish} sends a notice to every confirmed
 * subscriber through channels' outbound mail (which retries) and to every active webhook (retried here).
 */
@Service
public class PublicSubscriptions {

    static final String CONFIRM = "c", UNSUBSCRIBE = "u";
    /** Subscription requests one client address may make per {@link #WINDOW}. */
    public static final int PER_CLIENT = 5;
    static final java.time.Duration WINDOW = java.time.Duration.ofMinutes(10);
    /** How long a pending confirmation stands before the address may be sent another. */
    static final java.time.Duration RESEND_AFTER = java.time.Duration.ofMinutes(10);

    private final JdbcClient jdbc;
    private final OutboundMail mail;
    private final Clock clock;
    private final String baseUrl;

    PublicSubscriptions(JdbcClient jdbc, OutboundMail mail, Clock clock, @Value("${steadydesk.base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /**
     * Registers the address (or re-sends the confirmation to a pending or unsubscribed one) and mails the
     * confirmation link. An address already confirmed gets nothing new, so the form reveals nothing about it.
     */
    @Transactional
    public void subscribe(String email, String language) {
        subscribe(email, language, null);
    }

    /**
     * {@link #subscribe(String, String)} from the public form: at most {@value #PER_CLIENT} requests per client address
     * in {@link #WINDOW} (else {@link TooManyRequests}), and an address that has a confirmation pending gets no new one
     * until {@link #RESEND_AFTER} has passed (the form answers the same, so it reveals nothing).
     */
    @Transactional
    public void subscribe(String email, String language, String clientAddress) {
        String address = email == null ? "" : email.strip();
        if (!EmailAddress.isValid(address)) {
            throw new IllegalArgumentException("not an email address: " + email);
        }
        String lang = "en".equals(language) ? "en" : "zh-CN";
        Instant now = Instant.now(clock);
        if (clientAddress != null) {
            String key = sha256(clientAddress);
            long recent = jdbc.sql("select count(*) from subscription_requests where client_key = ? and at > ?")
                    .params(key, Timestamp.from(now.minus(WINDOW))).query(Long.class).single();
            if (recent >= PER_CLIENT) {
                throw new TooManyRequests();
            }
            jdbc.sql("insert into subscription_requests (client_key, at) values (?, ?)").params(key, Timestamp.from(now)).update();
        }
        Optional<Subscriber> existing = find(address);
        if (existing.isPresent() && existing.get().confirmed() && !existing.get().unsubscribed()) {
            return;
        }
        if (existing.isPresent() && jdbc.sql("""
                        select count(*) from notification_subscribers where id = ? and confirmation_sent_at > ?""")
                .params(existing.get().id(), Timestamp.from(now.minus(RESEND_AFTER))).query(Long.class).single() > 0) {
            return; // a confirmation is on its way: one pending mail per address
        }
        long id = existing.map(Subscriber::id).orElseGet(() -> jdbc.sql("""
                        insert into notification_subscribers (email, language, created_at) values (?, ?, ?) returning id""")
                .params(address, lang, Timestamp.from(now)).query(Long.class).single());
        jdbc.sql("""
                        update notification_subscribers set language = ?, confirmed_at = null, unsubscribed_at = null,
                          confirmation_sent_at = ? where id = ?""")
                .params(lang, Timestamp.from(now), id).update();
        String link = baseUrl + "/status/subscriptions/confirm?token=" + token(id, CONFIRM);
        boolean en = "en".equals(lang);
        mail.queue(new OutgoingEmail(null, address, null, en ? "Please confirm your subscription to status updates" : "请确认订阅服务状态更新",
                (en ? "Open this link to get every status update by email:\n" : "请打开以下链接，确认通过邮件接收服务状态更新：\n") + link
                        + (en ? "\n\nIf you did not ask for this, ignore this mail." : "\n\n如果这不是您本人的操作，请忽略本邮件。"),
                null, null, List.of(), List.of(), "subscription-confirm:" + id));
    }

    /** Confirms the subscription the token was made for; answers false for a bad or foreign token. */
    @Transactional
    public boolean confirm(String token) {
        return subscriberOf(token, CONFIRM).map(id -> {
            jdbc.sql("update notification_subscribers set confirmed_at = coalesce(confirmed_at, ?), unsubscribed_at = null where id = ?")
                    .params(Timestamp.from(Instant.now(clock)), id).update();
            return true;
        }).orElse(false);
    }

    /** One click: no login, no question; answers false for a bad token. Unsubscribing twice is harmless. */
    @Transactional
    public boolean unsubscribe(String token) {
        return subscriberOf(token, UNSUBSCRIBE).map(id -> {
            jdbc.sql("update notification_subscribers set unsubscribed_at = coalesce(unsubscribed_at, ?) where id = ?")
                    .params(Timestamp.from(Instant.now(clock)), id).update();
            return true;
        }).orElse(false);
    }

    public Optional<Subscriber> find(String email) {
        return jdbc.sql("select * from notification_subscribers where lower(email) = lower(?)").param(email == null ? "" : email.strip())
                .query((rs, n) -> new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("language"),
                        rs.getTimestamp("confirmed_at") != null, rs.getTimestamp("unsubscribed_at") != null)).optional();
    }

    /** Confirmed subscribers still subscribed. */
    public long activeCount() {
        return jdbc.sql("select count(*) from notification_subscribers where confirmed_at is not null and unsubscribed_at is null")
                .query(Long.class).single();
    }

    /** Queues the notice to every confirmed subscriber (in their language, with an unsubscribe link) and every active webhook. */
    @Transactional
    public int publish(PublicNotice notice) {
        Instant now = Instant.now(clock);
        List<Subscriber> subscribers = jdbc.sql("""
                        select * from notification_subscribers where confirmed_at is not null and unsubscribed_at is null order by id""")
                .query((rs, n) -> new Subscriber(rs.getLong("id"), rs.getString("email"), rs.getString("language"), true, false)).list();
        for (Subscriber s : subscribers) {
            boolean en = "en".equals(s.language());
            String subject = en ? notice.subjectEn() : notice.subjectZh();
            String unsubscribe = baseUrl + "/status/subscriptions/unsubscribe?token=" + token(s.id(), UNSUBSCRIBE);
            String body = (en ? notice.textEn() : notice.textZh()) + (notice.link() == null ? "" : "\n\n" + notice.link())
                    + (en ? "\n\nUnsubscribe: " : "\n\n退订：") + unsubscribe;
            long delivery = jdbc.sql("""
                            insert into notification_deliveries (notice_ref, channel, subscriber_id, subject, body, status, created_at)
                            values (?, 'EMAIL', ?, ?, ?, 'QUEUED', ?) returning id""")
                    .params(notice.ref(), s.id(), subject, body, Timestamp.from(now)).query(Long.class).single();
            mail.queue(new OutgoingEmail(null, s.email(), null, subject, body, null, null, List.of(), List.of(), "public-notice:" + delivery));
        }
        int hooks = jdbc.sql("""
                        insert into notification_deliveries (notice_ref, channel, webhook_id, subject, body, status, next_attempt_at, created_at)
                        select ?, 'WEBHOOK', id, ?, ?, 'QUEUED', ?, ? from notification_webhooks where active""")
                .params(notice.ref(), notice.subjectZh(), WebhookNotifier.payload(notice), Timestamp.from(now), Timestamp.from(now)).update();
        return subscribers.size() + hooks;
    }

    /** The deliveries of a notice, oldest first. */
    public List<Delivery> deliveries(String noticeRef) {
        return jdbc.sql("""
                        select d.*, coalesce(s.email, w.name) as recipient from notification_deliveries d
                        left join notification_subscribers s on s.id = d.subscriber_id left join notification_webhooks w on w.id = d.webhook_id
                        where d.notice_ref = ? order by d.id""").param(noticeRef).query(PublicSubscriptions::delivery).list();
    }

    /** Deliveries given up, newest first (shown to staff so that nobody believes a customer was told when not). */
    public List<Delivery> failures(int limit) {
        return jdbc.sql("""
                        select d.*, coalesce(s.email, w.name) as recipient from notification_deliveries d
                        left join notification_subscribers s on s.id = d.subscriber_id left join notification_webhooks w on w.id = d.webhook_id
                        where d.status = 'FAILED' order by d.id desc limit ?""").param(limit).query(PublicSubscriptions::delivery).list();
    }

    /** A signed token "id.purpose.signature" for a link in a mail. */
    String token(long subscriberId, String purpose) {
        String data = subscriberId + "." + purpose;
        return data + "." + sign(data);
    }

    private Optional<Long> subscriberOf(String token, String purpose) {
        if (token == null) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[1].equals(purpose) || !parts[0].matches("\\d{1,18}")) {
            return Optional.empty();
        }
        String expected = sign(parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), parts[2].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        long id = Long.parseLong(parts[0]);
        return jdbc.sql("select count(*) from notification_subscribers where id = ?").param(id).query(Long.class).single() > 0
                ? Optional.of(id) : Optional.empty();
    }

    private String sign(String data) {
        String secret = jdbc.sql("select secret from notification_signing_key where id = 1").query(String.class).single();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static Delivery delivery(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new Delivery(rs.getLong("id"), rs.getString("notice_ref"), rs.getString("channel"), rs.getString("recipient"),
                rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant());
    }

    /** An email subscriber. */
    public record Subscriber(long id, String email, String language, boolean confirmed, boolean unsubscribed) {

        public boolean active() {
            return confirmed && !unsubscribed;
        }

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The client asked too often; answered with 429 and a message. */
    public static class TooManyRequests extends RuntimeException {
        public TooManyRequests() {
            super("too many subscription requests from this client");
        }
    }
}
