package com.steadydesk.channels;

import com.steadydesk.channels.internal.ChannelsProperties;
import com.steadydesk.platform.NotFoundException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Stores files (inbound attachments and the ones agents add to replies and notes) with a size limit
 * ({@code steadydesk.channels.max-attachment-bytes}); a file over the limit is refused with an IllegalArgumentException.
 */
@Service
public class Attachments {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final long maxBytes;

    Attachments(JdbcClient jdbc, Clock clock, ChannelsProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxBytes = properties.maxAttachmentBytes();
    }

    /** Stores the file in the caller's transaction. */
    public AttachmentRef store(String filename, String contentType, byte[] content) {
        if (content == null) {
            throw new IllegalArgumentException("attachment without content");
        }
        if (content.length > maxBytes) {
            throw new IllegalArgumentException("attachment " + filename + " has " + content.length + " bytes, more than the limit of "
                    + maxBytes);
        }
        String name = filename == null || filename.isBlank() ? "attachment" : filename.strip();
        name = name.length() > 500 ? name.substring(0, 500) : name;
        String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType.strip();
        long id = jdbc.sql("""
                        insert into attachments (filename, content_type, size, sha256, content, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(name, type, content.length, sha256(content), content, Timestamp.from(Instant.now(clock)))
                .query(Long.class).single();
        return new AttachmentRef(id, name, type, content.length);
    }

    public StoredAttachment load(long id) {
        return jdbc.sql("select id, filename, content_type, size, content from attachments where id = ?").param(id)
                .query((rs, n) -> new StoredAttachment(new AttachmentRef(rs.getLong("id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size")), rs.getBytes("content")))
                .optional().orElseThrow(() -> new NotFoundException("attachment", id));
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attachment with its bytes. */
    public record StoredAttachment(AttachmentRef ref, byte[] content) {
    }
}
