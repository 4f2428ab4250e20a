package com.steadydesk.channels.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class HeaderTextTests {

    @Property
    void decodesWhatWasEncodedInAnyOfTheChineseCharsetsEvenWhenSplitMidCharacter(@ForAll("chinese") String text,
            @ForAll("charsets") String charset, @ForAll @IntRange(min = 1, max = 40) int cut) {
        byte[] bytes = text.getBytes(Charset.forName(charset.equals("gb2312") ? "GBK" : charset));
        int at = Math.min(cut, bytes.length - 1);
        String header = "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, 0, at)) + "?=\r\n "
                + "=?" + charset + "?B?" + Base64.getEncoder().encodeToString(Arrays.copyOfRange(bytes, at, bytes.length)) + "?=";
        assertThat(HeaderText.decode(header)).isEqualTo(text);
    }

    @Property
    void leavesPlainTextAlone(@ForAll("ascii") String text) {
        assertThat(HeaderText.decode(text)).isEqualTo(text.strip());
    }

    @Test
    void keepsTextBetweenWordsAndUndecodableWords() {
        assertThat(HeaderText.decode("Re: =?utf-8?Q?=E9=80=80=E6=AC=BE?= [#10023] =?utf-8?B?!!!?=")).isEqualTo("Re: 退款 [#10023] =?utf-8?B?!!!?=");
        assertThat(HeaderText.decode("=?utf-8?B?5L2g?= =?gbk?B?usM=?=")).isEqualTo("你好");
        assertThat(HeaderText.decode(null)).isNull();
    }

    @Provide
    Arbitrary<String> chinese() {
        // common hanzi (GB2312 level 1 range in Unicode order is not contiguous; these are in GBK and Big5 both)
        return Arbitraries.of("退", "款", "订", "单", "发", "货", "客", "服", "问", "题", "您", "好", "请", "尽", "快", "处", "理", "谢")
                .list().ofMinSize(2).ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> charsets() {
        return Arbitraries.of("UTF-8", "GBK", "gb2312", "GB18030");
    }

    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60).filter(s -> !s.contains("=?"));
    }
}
