package com.steadydesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxKeyTests {

    @TempDir Path dir;

    @Test
    void theFirstStartWritesAnOwnerOnlyKeyFileBesideTheDataThatLaterStartsReuse() throws Exception {
        String dataDirectory = dir.resolve("data/postgres").toString();

        String sealed = SecretBoxKey.load("", dataDirectory, false).seal("imap-pw");
        SecretBox afterRestart = SecretBoxKey.load(null, dataDirectory, false);

        Path file = dir.resolve("data/secrets.key");
        assertThat(file).exists();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        assertThat(afterRestart.open(sealed)).isEqualTo("imap-pw");
    }

    @Test
    void theConfiguredKeyWinsOverTheFile() {
        String key = Base64.getEncoder().encodeToString(SecretBox.randomKey());
        String dataDirectory = dir.resolve("data/postgres").toString();

        String sealed = SecretBoxKey.load(key, dataDirectory, false).seal("smtp-pw");

        assertThat(new SecretBox(Base64.getDecoder().decode(key)).open(sealed)).isEqualTo("smtp-pw");
        assertThat(dir.resolve("data/secrets.key")).doesNotExist();
    }

    @Test
    void aThrowAwayDatabaseGetsAKeyForThisRunOnlyAndNoFile() {
        SecretBox first = SecretBoxKey.load("", "", false);
        SecretBox second = SecretBoxKey.load("", "", false);

        assertThatThrownBy(() -> second.open(first.seal("pw"))).isInstanceOf(SecretBox.Unreadable.class);
    }

    @Test
    void aBadConfiguredKeyStopsTheStartWithoutShowingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> SecretBoxKey.load(shortKey, "", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("steadydesk.secrets.key").hasMessageContaining("32 bytes").hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> SecretBoxKey.load("not base64!", "", false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not valid base64").hasMessageNotContaining("not base64!");
    }
}
