package com.steadydesk.knowledge.internal;

import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.springframework.stereotype.Component;

/**
 * Article Markdown to HTML. Authors may mix in HTML, but only what jsoup's relaxed safe list allows survives
 * (no scripts, styles, event handlers or javascript: links), because public pages show it to anyone.
 */
@Component
public class MarkdownRenderer {

    private static final Safelist SAFE = Safelist.relaxed()
            .addProtocols("a", "href", "http", "https", "mailto", "#")
            .addEnforcedAttribute("a", "rel", "nofollow noopener")
            .addAttributes("th", "align")
            .addAttributes("td", "align");

    /** GitHub-style pipe tables: policies and price lists are tables, and authors paste them from GitHub or Typora. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    public String html(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return "";
        }
        String raw = renderer.render(parser.parse(markdown));
        return Jsoup.clean(raw, "", SAFE, new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }

    /** A search snippet as shown: only the {@code <mark>} highlights survive, whatever the index handed back. */
    public String snippet(String html) {
        return html == null ? "" : Jsoup.clean(html, "", Safelist.none().addTags("mark"), new org.jsoup.nodes.Document.OutputSettings().prettyPrint(false));
    }

    /** The visible text only: what search indexes and snippets quote. */
    public String text(String markdown) {
        return Jsoup.parse(html(markdown)).text();
    }
}
