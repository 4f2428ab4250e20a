package com.steadydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTests {

    @Test
    void chineseTitlesBecomePinyin() {
        assertThat(Slugs.of("退款多久到账？")).isEqualTo("tui-kuan-duo-jiu-dao-zhang");
    }

    @Test
    void englishTitlesBecomeLowercaseWords() {
        assertThat(Slugs.of("How to reset your Password!")).isEqualTo("how-to-reset-your-password");
    }

    @Test
    void mixedTitlesKeepLatinWords() {
        assertThat(Slugs.of("iPhone 版 App 闪退")).isEqualTo("iphone-ban-app-shan-tui");
    }

    @Test
    void emptyTitlesStillGiveASlug() {
        assertThat(Slugs.of("？？")).isEqualTo("article");
    }
}
