package com.steadydesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTests {

    final SecretBox box = SecretBox.withRandomKey();

    @Test
    void aSealedValueOpensToWhatWentIn() {
        String sealed = box.seal("邮箱密码 p@ss:word");

        assertThat(sealed).startsWith("v1:").doesNotContain("p@ss");
        assertThat(SecretBox.isSealed(sealed)).isTrue();
        assertThat(box.open(sealed)).isEqualTo("邮箱密码 p@ss:word");
        assertThat(box.seal(null)).isNull();
        assertThat(box.open(null)).isNull();
    }

    @Test
    void everyValueGetsItsOwnIv() {
        String first = box.seal("same");
        String second = box.seal("same");

        assertThat(first).isNotEqualTo(second);
        // 12-byte IV + 4 bytes of text + 16-byte tag
        assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(12 + 4 + 16);
    }

    @Test
    void anotherKeyOrAChangedValueCannotBeOpened() {
        String sealed = box.seal("secret");
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> SecretBox.withRandomKey().open(sealed)).isInstanceOf(SecretBox.Unreadable.class)
                .hasMessageContaining("another key");
        assertThatThrownBy(() -> box.open(tampered)).isInstanceOf(SecretBox.Unreadable.class);
        assertThatThrownBy(() -> box.open("secret")).isInstanceOf(SecretBox.Unreadable.class).hasMessageContaining("not sealed");
        assertThatThrownBy(() -> box.open("v1:%%%")).isInstanceOf(SecretBox.Unreadable.class);
        assertThat(SecretBox.isSealed("secret")).isFalse();
    }

    @Test
    void onlyA256BitKeyIsAccepted() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }
}
