package com.steadydesk.channels.internal;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeVisitor;

/** HTML from outside: sanitised before anyone sees it, and turned into text when a mail has no text part. */
public final class MailHtml {

    private static final Safelist SAFELIST = Safelist.relaxed()
            .addProtocols("a", "href", "http", "https", "mailto", "tel")
            .addAttributes("a", "title")
            .addEnforcedAttribute("a", "rel", "nofollow noopener noreferrer");

    private MailHtml() {
    }

    /** Keeps formatting; drops scripts, styles, event handlers, javascript: links and everything not on the safelist. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        Document.OutputSettings settings = new Document.OutputSettings().prettyPrint(false);
        return Jsoup.clean(html, "", SAFELIST, settings);
    }

    /** Readable text: block elements and line breaks become new lines, entities decoded. */
    public static String toText(String html) {
        if (html == null) {
            return null;
        }
        Document doc = Jsoup.parse(html);
        doc.select("script, style, head").remove();
        StringBuilder text = new StringBuilder();
        doc.body().traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    text.append(t.getWholeText().replaceAll("\\s+", " "));
                } else if (node instanceof Element e && (e.normalName().equals("br") || e.isBlock()) && !text.isEmpty()
                        && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && e.isBlock() && !text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
                    text.append('\n');
                }
            }
        });
        return text.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n[ \\t]+", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }
}
