package com.steadydesk.knowledge.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTests {

    final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void rendersMarkdown() {
        assertThat(renderer.html("# 标题\n\n- **一**\n- [链接](https://example.com)"))
                .contains("<h1>标题</h1>").contains("<strong>一</strong>").contains("href=\"https://example.com\"");
    }

    @Test
    void rendersGitHubTablesWithTheirAlignment() {
        String html = renderer.html("""
                | 会员等级 | 退款时限 |
                | :--- | ---: |
                | 普通 | 7 天 |
                | 金卡 | 15 天 |
                """);
        assertThat(html).contains("<table>").contains("<thead>").contains("<th align=\"left\">会员等级</th>")
                .contains("<td align=\"right\">15 天</td>").doesNotContain("| :---");
    }

    @Test
    void tableCellsStayEscaped() {
        String html = renderer.html("| a | b |\n| - | - |\n| <script>alert(1)</script> | <img src=x onerror=alert(1)> |\n");
        assertThat(html).contains("<td>").doesNotContain("<script").doesNotContain("onerror");
    }

    @Test
    void dropsScriptsEventHandlersAndJavascriptLinks() {
        String html = renderer.html("<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))");
        assertThat(html).doesNotContain("<script").doesNotContain("onerror").doesNotContain("javascript:");
    }

    @Test
    void snippetsKeepOnlyMarks() {
        assertThat(renderer.snippet("<mark>退款</mark><img src=x onerror=1>")).isEqualTo("<mark>退款</mark>");
    }
}
