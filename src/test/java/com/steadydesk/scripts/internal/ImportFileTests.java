package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImportFileTests {

    @Test
    void readsQuotedCsvWithNewlinesAndABom() {
        byte[] bytes = ("\uFEFFtitle,body\n\"退款\",\"第一行\n第二行, 含逗号\"\r\nx,\"say \"\"hi\"\"\"\n").getBytes(StandardCharsets.UTF_8);
        assertThat(ImportFile.rows("a.csv", bytes)).containsExactly(List.of("title", "body"), List.of("退款", "第一行\n第二行, 含逗号"),
                List.of("x", "say \"hi\""));
    }

    @Test
    void fallsBackToGbk() {
        byte[] gbk = "标题,正文\n退款进度,您好\n".getBytes(Charset.forName("GBK"));
        assertThat(ImportFile.rows("gbk.csv", gbk)).containsExactly(List.of("标题", "正文"), List.of("退款进度", "您好"));
    }

    @Test
    void aBareQuoteInsideACellIsTextAndDoesNotSwallowTheFollowingRows() {
        byte[] bytes = "title,category,body\n屏幕碎了,售后,屏幕 6.1\" 碎了，请问怎么保修\n退款进度,售后,您好\n".getBytes(StandardCharsets.UTF_8);
        assertThat(ImportFile.rows("a.csv", bytes)).containsExactly(List.of("title", "category", "body"),
                List.of("屏幕碎了", "售后", "屏幕 6.1\" 碎了，请问怎么保修"), List.of("退款进度", "售后", "您好"));
    }
}
