package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Property(tries = 200)
    void theDiffRebuildsBothTexts(@ForAll @StringLength(max = 60) String before, @ForAll @StringLength(max = 60) String after) {
        var parts = TextDiff.diff(before, after);
        assertThat(parts.stream().filter(p -> p.op() != '+').map(TextDiff.Part::text).collect(Collectors.joining())).isEqualTo(before);
        assertThat(parts.stream().filter(p -> p.op() != '-').map(TextDiff.Part::text).collect(Collectors.joining())).isEqualTo(after);
    }

    @Test
    void marksWordsAndChineseCharactersAndEscapesHtml() {
        assertThat(TextDiff.html("退款3-5个工作日到账", "退款7天到账")).contains("<del>").contains("<ins>").startsWith("退款");
        assertThat(TextDiff.html("Hi <b>there</b>", "Hi <b>you</b>")).isEqualTo("Hi &lt;b&gt;<del>there</del><ins>you</ins>&lt;/b&gt;");
    }
}
