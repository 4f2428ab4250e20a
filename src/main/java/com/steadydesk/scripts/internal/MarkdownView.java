package com.steadydesk.scripts.internal;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/** Renders a script body (Markdown) to safe HTML: raw HTML is escaped by commonmark, the result cleaned by jsoup. */
@Component
public class MarkdownView {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    public String html(String markdown) {
        String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
        return Jsoup.clean(html, Safelist.basic());
    }

    /** Plain text of the Markdown (for search and the reply box, which takes plain text). */
    public String plain(String markdown) {
        return Jsoup.parse(html(markdown)).wholeText().strip();
    }
}
