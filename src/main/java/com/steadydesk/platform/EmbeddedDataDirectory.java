package com.steadydesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL's data directory ({@code ./data/postgres}) as found on disk before the server starts: which
 * PostgreSQL major made it, whether a server of an earlier, killed SteadyDesk still runs on it, and the passwords kept
 * beside it ({@code ./data/postgres-superuser.password}, {@code ./data/postgres-steadydesk.password}, owner-only), so
 * that backing up or deleting {@code ./data/} takes them along.
 */
final class EmbeddedDataDirectory {

    static final String SUPERUSER_PASSWORD_FILE = "postgres-superuser.password";
    static final String APPLICATION_PASSWORD_FILE = "postgres-" + EmbeddedDatabase.APPLICATION_ROLE + ".password";
    /** The lock file zonky holds while its JVM runs the server: free while a server runs means that JVM is gone. */
    static final String ZONKY_LOCK_FILE = "epg-lock";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDataDirectory.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom random = new SecureRandom();

    private final Path dir;

    EmbeddedDataDirectory(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The passwords of the superuser (used by the bootstrap only) and of the application's role. */
    record Passwords(String superuser, String application) {

        static Passwords random() {
            return new Passwords(generate(), generate());
        }
    }

    /**
     * Refuses a data directory made by another PostgreSQL major: the server could not open it (a 14 directory of an
     * earlier SteadyDesk, for one). The data stays as it is; the message says how to carry it over or start afresh.
     */
    void refuseOtherMajor(int serverMajor) throws IOException {
        Path version = dir.resolve("PG_VERSION");
        if (!Files.exists(version)) {
            return;
        }
        String found = Files.readString(version, StandardCharsets.US_ASCII).strip();
        if (found.equals(Integer.toString(serverMajor))) {
            return;
        }
        String message = "The embedded database in " + dir + " was made by PostgreSQL " + found + ", but this SteadyDesk runs "
                + "PostgreSQL " + serverMajor + ", which cannot open it. The data is left as it is. To keep it: dump it with "
                + "the previous SteadyDesk version (pg_dump of the database 'steadydesk'), move " + dir + " aside and restore "
                + "the dump into this version (pg_restore, as the README's database section describes). For a demo: delete "
                + dir.getParent() + " and start again.";
        log.error(message);
        throw new IllegalStateException(message);
    }

    /**
     * Stops a server left running on this directory by a SteadyDesk that ended without stopping it ({@code kill -9}):
     * it would hold the directory and the next start would fail. A server whose JVM still runs (zonky's lock is held)
     * is left alone and reported. Waits for the server's process to end, not for a fixed time.
     */
    void stopOrphanedServer() throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        if (heldByLiveProcess()) {
            String message = "Another SteadyDesk (or another program) is using the embedded database in " + dir
                    + " (PostgreSQL process " + postmaster.get().pid() + "); stop it first, or give this one its own "
                    + "STEADYDESK_EMBEDDED_DB_DATA_DIRECTORY.";
            log.error(message);
            throw new IllegalStateException(message);
        }
        ProcessHandle server = postmaster.get();
        log.warn("An embedded PostgreSQL (process {}) is still running on {}, left behind by a SteadyDesk that ended without "
                + "stopping it (e.g. kill -9); stopping it before starting afresh", server.pid(), dir);
        // SIGTERM: PostgreSQL's smart shutdown; the dead JVM's connections are gone already, so it ends at once
        server.destroy();
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn("The left-behind PostgreSQL (process {}) did not stop within 60 s; killing it", server.pid());
            server.destroyForcibly();
            awaitExit(server);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping the left-behind PostgreSQL " + server.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot stop the left-behind PostgreSQL " + server.pid(), e);
        }
        log.info("Stopped the left-behind embedded PostgreSQL (process {})", server.pid());
    }

    /** The postmaster named by {@code postmaster.pid}, when that process still lives and is a PostgreSQL server. */
    Optional<ProcessHandle> runningPostmaster() throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
        long pid;
        try {
            pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        // a stale pid file's number may belong to an unrelated process by now: only a postgres process is ours to stop
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres")).orElse(false));
    }

    private boolean heldByLiveProcess() throws IOException {
        Path lockFile = dir.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping PostgreSQL " + process.pid(), e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot stop PostgreSQL " + process.pid(), e);
        }
    }

    /**
     * The passwords from their files beside the data directory, made on first start. A database made earlier whose
     * superuser password file is gone cannot be opened: that is said plainly rather than failing on a login.
     */
    Passwords passwords() throws IOException {
        Path superuserFile = superuserPasswordFile();
        if (!Files.exists(superuserFile) && Files.exists(dir.resolve("PG_VERSION"))) {
            String message = "The embedded database in " + dir + " needs its superuser password file " + superuserFile
                    + ", which is missing. Restore it from the backup of " + dir.getParent() + ", or, for a demo, delete "
                    + dir.getParent() + " and start again.";
            log.error(message);
            throw new IllegalStateException(message);
        }
        return new Passwords(readOrCreate(superuserFile), readOrCreate(dir.resolveSibling(APPLICATION_PASSWORD_FILE)));
    }

    /** {@code postgres-superuser.password}; initdb reads the superuser's password from it (first line). */
    Path superuserPasswordFile() {
        return dir.resolveSibling(SUPERUSER_PASSWORD_FILE);
    }

    /**
     * Every start writes the host-based authentication anew: password (scram-sha-256) for every connection, TCP only
     * from 127.0.0.1 (the server listens nowhere else either).
     */
    static void writeHostBasedAuthentication(Path dataDirectory) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), """
                    # Written by SteadyDesk before every start of its embedded PostgreSQL; edits here are overwritten.
                    # TYPE  DATABASE  USER  ADDRESS       METHOD
                    local   all       all                 scram-sha-256
                    host    all       all   127.0.0.1/32  scram-sha-256
                    """, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write pg_hba.conf of the embedded PostgreSQL", e);
        }
    }

    /** The superuser's password for initdb of a throw-away server, in an owner-only file deleted after the start. */
    static Path temporaryPasswordFile(String password) throws IOException {
        Path file = Files.createTempFile("steadydesk-pg", ".password");
        restrictToOwner(file);
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        return file;
    }

    static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}", file, e);
        }
    }

    private static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            try {
                return create(file);
            } catch (FileAlreadyExistsException raced) {
                // another process created it just now: use theirs
            }
        }
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)
                && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
            log.warn("The database password file {} can be read by other users; limit it to its owner (chmod 600)", file);
        }
        String password = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (!password.matches("[A-Za-z0-9]{16,}")) {
            throw new IllegalStateException("The database password file " + file + " must hold one password of at least 16 "
                    + "letters and digits");
        }
        return password;
    }

    private static String create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        String password = generate();
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // created owner-only, so the password is never readable by others, not even for a moment
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
            restrictToOwner(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        log.info("Created the embedded database's password file {} (owner-only; keep it with the data)", file);
        return password;
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
            file.toFile().setWritable(false, false);
            file.toFile().setWritable(true, true);
        }
    }

    /** 32 letters and digits: about 187 bits, and safe to inline in SQL and in initdb's password file. */
    private static String generate() {
        var sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
