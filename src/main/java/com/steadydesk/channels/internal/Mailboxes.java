package com.steadydesk.channels.internal;

import com.steadydesk.platform.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mailboxes table. Poll progress is written by its own statements so that it never overwrites an admin's edit. */
@Repository
public class Mailboxes {

    private static final String COLUMNS = """
            id, name, address, display_name, imap_host, imap_port, imap_ssl, imap_username, imap_password,
            smtp_host, smtp_port, smtp_ssl, smtp_starttls, smtp_username, smtp_password, poll_seconds, active, is_default,
            last_uid, uidvalidity, last_polled_at, last_error""";

    private final JdbcClient jdbc;

    Mailboxes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Mailbox> all() {
        return jdbc.sql("select " + COLUMNS + " from mailboxes order by is_default desc, name, id").query(Mailboxes::map).list();
    }

    public List<Mailbox> active() {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where active order by id").query(Mailboxes::map).list();
    }

    public Optional<Mailbox> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where id = ?").param(id).query(Mailboxes::map).optional();
    }

    public Mailbox get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("mailbox", id));
    }

    public Optional<Mailbox> findDefault() {
        return jdbc.sql("select " + COLUMNS + " from mailboxes where is_default").query(Mailboxes::map).optional();
    }

    public boolean isEmpty() {
        return jdbc.sql("select count(*) from mailboxes").query(Long.class).single() == 0;
    }

    /**
     * Inserts or updates the settings; making one mailbox the default takes it from the others in the same transaction.
     * Passwords must come sealed ({@link Mailbox#create}): plain text never reaches the table.
     */
    public long save(Mailbox m) {
        if (m.sealedImapPassword() != null && !SecretBox.isSealed(m.sealedImapPassword())
                || m.sealedSmtpPassword() != null && !SecretBox.isSealed(m.sealedSmtpPassword())) {
            throw new IllegalArgumentException("mailbox passwords must be sealed before they are saved");
        }
        if (m.isDefault()) {
            jdbc.sql("update mailboxes set is_default = false where is_default and id is distinct from ?").param(m.id()).update();
        }
        if (m.id() == null) {
            return jdbc.sql("""
                            insert into mailboxes (name, address, display_name, imap_host, imap_port, imap_ssl, imap_username,
                              imap_password, smtp_host, smtp_port, smtp_ssl, smtp_starttls, smtp_username, smtp_password,
                              poll_seconds, active, is_default)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(m.name(), m.address(), m.displayName(), m.imapHost(), m.imapPort(), m.imapSsl(), m.imapUsername(),
                            m.sealedImapPassword(), m.smtpHost(), m.smtpPort(), m.smtpSsl(), m.smtpStarttls(), m.smtpUsername(),
                            m.sealedSmtpPassword(), m.pollSeconds(), m.active(), m.isDefault())
                    .query(Long.class).single();
        }
        jdbc.sql("""
                        update mailboxes set name = ?, address = ?, display_name = ?, imap_host = ?, imap_port = ?, imap_ssl = ?,
                          imap_username = ?, imap_password = ?, smtp_host = ?, smtp_port = ?, smtp_ssl = ?, smtp_starttls = ?,
                          smtp_username = ?, smtp_password = ?, poll_seconds = ?, is_default = ?, last_uid = ?, uidvalidity = ?,
                          version = version + 1
                        where id = ?""")
                .params(m.name(), m.address(), m.displayName(), m.imapHost(), m.imapPort(), m.imapSsl(), m.imapUsername(),
                        m.sealedImapPassword(), m.smtpHost(), m.smtpPort(), m.smtpSsl(), m.smtpStarttls(), m.smtpUsername(),
                        m.sealedSmtpPassword(), m.pollSeconds(), m.isDefault(), m.lastUid(), m.uidValidity(), m.id())
                .update();
        return m.id();
    }

    public void setActive(long id, boolean active) {
        jdbc.sql("update mailboxes set active = ?, version = version + 1 where id = ?").params(active, id).update();
    }

    /** Progress after a message is stored: committed with the message, so a crash never skips or repeats much. */
    public void advance(long id, long uidValidity, long lastUid) {
        jdbc.sql("update mailboxes set uidvalidity = ?, last_uid = greatest(last_uid, ?) where id = ?")
                .params(uidValidity, lastUid, id).update();
    }

    /** A new UIDVALIDITY means every UID changed: start from the beginning (Message-IDs keep out what we have). */
    public void resetUids(long id, long uidValidity) {
        jdbc.sql("update mailboxes set uidvalidity = ?, last_uid = 0 where id = ?").params(uidValidity, id).update();
    }

    public void polled(long id, Instant at, String error) {
        jdbc.sql("update mailboxes set last_polled_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(at), error, id).update();
    }

    /** An error found outside a poll (e.g. a password that cannot be opened for sending), shown on the mailbox. */
    public void recordError(long id, String error) {
        jdbc.sql("update mailboxes set last_error = ? where id = ?").params(error, id).update();
    }

    /** Passwords still stored as plain text (saved before they were sealed), as (id, column, value). */
    List<StoredPassword> plainPasswords() {
        return jdbc.sql("""
                        select id, 'imap_password' as field, imap_password as value from mailboxes where imap_password is not null
                        union all
                        select id, 'smtp_password', smtp_password from mailboxes where smtp_password is not null""")
                .query((rs, n) -> new StoredPassword(rs.getLong("id"), rs.getString("field"), rs.getString("value")))
                .stream().filter(p -> !SecretBox.isSealed(p.value())).toList();
    }

    /**
     * Replaces one stored value by its sealed form, only if it is still the value read: a concurrent edit or another
     * node sealing it first wins, so running this twice changes nothing. Answers whether it replaced it.
     */
    boolean replacePassword(StoredPassword stored, String sealed) {
        String column = switch (stored.field()) {
            case "imap_password" -> "imap_password";
            case "smtp_password" -> "smtp_password";
            default -> throw new IllegalArgumentException(stored.field());
        };
        return jdbc.sql("update mailboxes set " + column + " = ? where id = ? and " + column + " = ?")
                .params(sealed, stored.mailboxId(), stored.value()).update() == 1;
    }

    /** One password column of one mailbox as stored. */
    record StoredPassword(long mailboxId, String field, String value) {
    }

    private static Mailbox map(ResultSet rs, int n) throws SQLException {
        Timestamp polled = rs.getTimestamp("last_polled_at");
        return new Mailbox(rs.getLong("id"), rs.getString("name"), rs.getString("address"), rs.getString("display_name"),
                rs.getString("imap_host"), rs.getInt("imap_port"), rs.getBoolean("imap_ssl"), rs.getString("imap_username"),
                rs.getString("imap_password"), rs.getString("smtp_host"), rs.getInt("smtp_port"), rs.getBoolean("smtp_ssl"),
                rs.getBoolean("smtp_starttls"), rs.getString("smtp_username"), rs.getString("smtp_password"),
                rs.getInt("poll_seconds"), rs.getBoolean("active"), rs.getBoolean("is_default"), rs.getLong("last_uid"),
                rs.getObject("uidvalidity", Long.class), polled == null ? null : polled.toInstant(), rs.getString("last_error"));
    }
}
