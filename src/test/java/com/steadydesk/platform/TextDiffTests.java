package com.steadydesk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class TextDiffTests {

    @Property
    void lineDiffRebuildsBothTexts(@ForAll @StringLength(max = 60) String a, @ForAll @StringLength(max = 60) String b) {
        assertRebuilds(TextDiff.lines(a.replace('x', '\n'), b.replace('y', '\n')), a.replace('x', '\n'), b.replace('y', '\n'));
    }

    @Property
    void wordDiffRebuildsBothTexts(@ForAll @StringLength(max = 60) String a, @ForAll @StringLength(max = 60) String b) {
        assertRebuilds(TextDiff.words(a, b), a, b);
    }

    @Property
    void identicalTextsAreOneEqualChunk(@ForAll @StringLength(min = 1, max = 80) String a) {
        assertThat(TextDiff.lines(a, a)).extracting(TextDiff.Chunk::op).containsExactly(TextDiff.Op.EQUAL);
    }

    @Test
    void marksChangedChineseCharactersInsideAChangedLine() {
        String html = TextDiff.html("退款将在3个工作日内到账\n其他不变\n", "退款将在5个工作日内到账\n其他不变\n");
        assertThat(html).contains("<del>3</del><ins>5</ins>").contains("其他不变");
    }

    @Test
    void inlineHtmlMarksChangedWordsWithoutAWrapper() {
        assertThat(TextDiff.inlineHtml("Hi <b>there</b>", "Hi <b>you</b>")).isEqualTo("Hi &lt;b&gt;<del>there</del><ins>you</ins>&lt;/b&gt;");
        assertThat(TextDiff.inlineHtml("退款3-5个工作日到账", "退款7天到账")).isEqualTo("退款<del>3-5个工作日</del><ins>7天</ins>到账");
        assertThat(TextDiff.inlineHtml("Your order ships within 48 hours.", "Your order usually ships within 48 hours."))
                .isEqualTo("Your order <ins>usually </ins>ships within 48 hours.");
    }

    @Test
    void escapesHtmlOfTheTexts() {
        assertThat(TextDiff.html("<b>a</b>", "<script>x</script>")).doesNotContain("<script").doesNotContain("<b>").contains("&lt;");
    }

    @Test
    void plainDiffShowsAddedAndRemovedLinesWithContext() {
        String before = "a\nb\nc\nd\ne\n";
        String after = "a\nb\nC\nd\ne\n";
        assertThat(TextDiff.plain(before, after)).contains("- c\n+ C\n").contains("  b\n").contains("  d\n");
    }

    private static void assertRebuilds(List<TextDiff.Chunk> chunks, String a, String b) {
        assertThat(chunks.stream().filter(c -> c.op() != TextDiff.Op.INSERT).map(TextDiff.Chunk::text).collect(Collectors.joining())).isEqualTo(a);
        assertThat(chunks.stream().filter(c -> c.op() != TextDiff.Op.DELETE).map(TextDiff.Chunk::text).collect(Collectors.joining())).isEqualTo(b);
        for (int i = 1; i < chunks.size(); i++) {
            assertThat(chunks.get(i).op()).as("no two neighbouring chunks of one kind").isNotEqualTo(chunks.get(i - 1).op());
        }
    }
}
