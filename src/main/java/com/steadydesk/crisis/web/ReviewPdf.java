package com.steadydesk.crisis.web;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.steadydesk.crisis.CrisisReview;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The review as PDF: the print template ({@code crisis/review-pdf}) rendered in the reader's language, then laid out by
 * openhtmltopdf with a CJK font embedded. Without such a font the PDF still comes, with a notice that Chinese text
 * cannot be shown and that the Markdown export has everything.
 */
@Component
class ReviewPdf {

    static final String FONT_FAMILY = "SteadyDesk CJK";

    private final ITemplateEngine templates;
    private final CjkFont font;
    private final CrisisTimes times;

    ReviewPdf(ITemplateEngine templates, CjkFont font, CrisisTimes times) {
        this.templates = templates;
        this.font = font;
        this.times = times;
    }

    /** Whether Chinese text can be shown in the PDF (the review screen warns when not). */
    boolean showsChinese() {
        return font.file().isPresent();
    }

    byte[] render(long crisisId, CrisisReview review, Locale locale) {
        Context context = new Context(locale);
        context.setVariable("review", review);
        context.setVariable("crisisId", crisisId);
        context.setVariable("times", times);
        context.setVariable("cjk", showsChinese());
        context.setVariable("canEdit", false); // the PDF shows the written sections read-only
        String html = templates.process("crisis/review-pdf", context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font.file().ifPresent(file -> builder.useFont(file, FONT_FAMILY));
            builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
