package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PinyinKeysTests {

    @Test
    void computesInitialsAndFullPinyin() {
        assertThat(PinyinKeys.initials("退款进度")).isEqualTo("tkjd");
        assertThat(PinyinKeys.full("退款进度")).isEqualTo("tuikuanjindu");
        assertThat(PinyinKeys.initials("App 闪退的处理")).isEqualTo("appstdcl");
        assertThat(PinyinKeys.looksLikePinyin("tkjd")).isTrue();
        assertThat(PinyinKeys.looksLikePinyin("退款")).isFalse();
    }
}
