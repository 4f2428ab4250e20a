package com.steadydesk.channels.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps bots and floods off the public contact form: a signed start time (a form sent back faster than a person
 * types is a bot), and a per-client-address rate limit counted in PostgreSQL so that it holds across nodes. Client
 * addresses are kept only as hashes.
 */
@Component
public class ContactGuard {

    private static final String SECRET_NAME = "contact-form";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChannelsProperties properties;
    private volatile byte[] secret;

    ContactGuard(JdbcClient jdbc, Clock clock, ChannelsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** A token for the hidden field: the time the form was shown, signed. */
    public String issueToken() {
        String millis = String.valueOf(Instant.now(clock).toEpochMilli());
        return millis + "." + sign(millis);
    }

    /** Checks the token handed back with the form. */
    public TokenCheck check(String token) {
        if (token == null || !token.matches("\\d{1,19}\\.[A-Za-z0-9_-]+")) {
            return TokenCheck.INVALID;
        }
        String millis = token.substring(0, token.indexOf('.'));
        if (!MessageDigest.isEqual(sign(millis).getBytes(StandardCharsets.US_ASCII),
                token.substring(token.indexOf('.') + 1).getBytes(StandardCharsets.US_ASCII))) {
            return TokenCheck.INVALID;
        }
        Duration age = Duration.between(Instant.ofEpochMilli(Long.parseLong(millis)), Instant.now(clock));
        if (age.compareTo(properties.contactMinFill()) < 0) {
            return TokenCheck.TOO_FAST;
        }
        return age.compareTo(Duration.ofDays(1)) > 0 ? TokenCheck.EXPIRED : TokenCheck.OK;
    }

    /**
     * Counts a submission from this client address and answers whether it is within the limit. A transaction lock
     * on the address makes concurrent submissions on several nodes count one after the other.
     */
    @Transactional
    public boolean admit(String clientAddress, String outcome) {
        String key = hash(clientAddress == null ? "unknown" : clientAddress);
        jdbc.sql("select pg_advisory_xact_lock(3003, hashtext(?))").param(key).query(Object.class).list();
        Instant now = Instant.now(clock);
        long recent = jdbc.sql("select count(*) from contact_form_submissions where client_key = ? and at > ?")
                .params(key, Timestamp.from(now.minus(properties.contactWindow()))).query(Long.class).single();
        if (recent >= properties.contactMaxPerWindow()) {
            return false;
        }
        jdbc.sql("insert into contact_form_submissions (client_key, at, outcome) values (?, ?, ?)")
                .params(key, Timestamp.from(now), outcome).update();
        return true;
    }

    /** Rows older than a day count for nothing any more. */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void prune() {
        jdbc.sql("delete from contact_form_submissions where at < ?").param(Timestamp.from(Instant.now(clock).minus(Duration.ofDays(1)))).update();
    }

    private String sign(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(value.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One secret for every node, created by whichever node needs it first. */
    private byte[] secret() {
        if (secret == null) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            jdbc.sql("insert into channel_secrets (name, value) values (?, ?) on conflict (name) do nothing")
                    .params(SECRET_NAME, HexFormat.of().formatHex(fresh)).update();
            secret = HexFormat.of().parseHex(jdbc.sql("select value from channel_secrets where name = ?").param(SECRET_NAME)
                    .query(String.class).single());
        }
        return secret;
    }

    private static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Result of checking the form's start-time token. */
    public enum TokenCheck {
        OK, TOO_FAST, EXPIRED, INVALID
    }
}
