package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestTextCheckTests {

    @Test
    void readsUtf8AndRefusesNulBrokenEscapesAndBytesThatAreNotUtf8() {
        assertThat(RequestTextCheck.readable(null)).isTrue();
        assertThat(RequestTextCheck.readable("q=%E9%80%80%E6%AC%BE&lang=en&x=a+b")).isTrue();
        assertThat(RequestTextCheck.readable("/help/articles/tui-kuan")).isTrue();
        assertThat(RequestTextCheck.readable("q=%00")).isFalse();
        assertThat(RequestTextCheck.readable("q=a\0b")).isFalse();
        assertThat(RequestTextCheck.readable("q=%C0%AF")).isFalse();
        assertThat(RequestTextCheck.readable("q=%FF")).isFalse();
        assertThat(RequestTextCheck.readable("q=50%")).isFalse();
        assertThat(RequestTextCheck.readable("q=%G1")).isFalse();
        assertThat(RequestTextCheck.readable("q=%E9%80")).isFalse();
    }
}
