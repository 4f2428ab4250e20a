package com.steadydesk.search.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ViewerMaskingTests {

    /** Stands in for the customers module's policy: any run of 7+ digits is masked. */
    final UnaryOperator<String> digits = text -> text.replaceAll("\\d{3}\\d{4,}", "***");

    @Test
    void masksContactDataEvenWhenAHighlightSplitsIt() {
        String snippet = "客户电话 <mark>138</mark>12345678，要求&lt;退款&gt; <mark>退款</mark>";
        assertThat(ViewerMasking.maskSnippet(snippet, digits))
                .isEqualTo("客户电话 ***，要求&lt;<mark>退款</mark>&gt; <mark>退款</mark>")
                .doesNotContain("12345678");
    }

    @Test
    void keepsEscapingOfEverythingButTheHighlights() {
        assertThat(ViewerMaskingTests.this.digits.apply("x")).isEqualTo("x");
        assertThat(ViewerMasking.maskSnippet("&lt;script&gt;alert(1)&lt;/script&gt; <mark>发票</mark>", digits))
                .isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt; <mark>发票</mark>");
    }
}
