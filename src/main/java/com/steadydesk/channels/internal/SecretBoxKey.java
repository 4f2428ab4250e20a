package com.steadydesk.channels.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the key of the {@link SecretBox} comes from, in this order: the setting {@code steadydesk.secrets.key}
 * (base64 of 32 bytes; deployments set {@code STEADYDESK_SECRETS_KEY}); a throw-away embedded database (tests) gets a
 * key for this run only, as its data dies with it; otherwise the file {@code secrets.key} next to the embedded
 * database's data directory ({@code ./data/secrets.key}), created on first start readable by the owner only.
 * Logs which source it used, never the key.
 */
final class SecretBoxKey {

    static final String FILE_NAME = "secrets.key";
    private static final Logger log = LoggerFactory.getLogger(SecretBoxKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private SecretBoxKey() {
    }

    /**
     * @param configuredKey    {@code steadydesk.secrets.key}, blank when not set
     * @param dataDirectory    {@code steadydesk.embedded-db.data-directory}, blank for a throw-away embedded database
     * @param externalDatabase true when {@code spring.datasource.url} is set (the embedded database is not used)
     */
    static SecretBox load(String configuredKey, String dataDirectory, boolean externalDatabase) {
        if (configuredKey != null && !configuredKey.isBlank()) {
            SecretBox box = new SecretBox(decode(configuredKey.strip(), "the setting steadydesk.secrets.key (STEADYDESK_SECRETS_KEY)"));
            log.info("Mailbox passwords are sealed with the key from steadydesk.secrets.key (STEADYDESK_SECRETS_KEY)");
            return box;
        }
        boolean throwAway = dataDirectory == null || dataDirectory.isBlank();
        if (throwAway && !externalDatabase) {
            log.info("Mailbox passwords are sealed with a key made for this run only (throw-away embedded database)");
            return SecretBox.withRandomKey();
        }
        Path file = keyFile(throwAway ? "./data/postgres" : dataDirectory);
        SecretBox box = new SecretBox(readOrCreate(file));
        if (externalDatabase) {
            // every node of a shared database must seal with the same key: a file per node cannot give that
            log.warn("Mailbox passwords are sealed with the key in {}; with an external database set STEADYDESK_SECRETS_KEY "
                    + "instead, the same on every node", file);
        } else {
            log.info("Mailbox passwords are sealed with the key in {}", file);
        }
        return box;
    }

    /** {@code secrets.key} beside the data directory, so that backing up or deleting {@code ./data/} takes both. */
    static Path keyFile(String dataDirectory) {
        Path data = Path.of(dataDirectory).toAbsolutePath().normalize();
        Path parent = data.getParent();
        return (parent == null ? data : parent).resolve(FILE_NAME);
    }

    private static byte[] readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                try {
                    return create(file);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it just now: use theirs
                }
            }
            warnIfOthersCanRead(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file, e);
        }
    }

    private static byte[] create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] key = SecretBox.randomKey();
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // created owner-only, so the key is never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        log.info("Created a new secrets key file {} (keep it with the database backups: without it stored mailbox "
                + "passwords cannot be read)", file);
        return key;
    }

    private static void warnIfOthersCanRead(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The secrets key file {} can be read by other users; limit it to its owner (chmod 600)", file);
        }
    }

    /** The 32 key bytes of a base64 text; the error names the source, never the value. */
    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key in " + source + " is not valid base64", null);
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalStateException("The key in " + source + " must be base64 of " + SecretBox.KEY_BYTES
                    + " bytes (e.g. `openssl rand -base64 32`), not " + key.length);
        }
        return key;
    }
}
