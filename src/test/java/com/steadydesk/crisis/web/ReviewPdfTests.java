package com.steadydesk.crisis.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.steadydesk.crisis.CrisisReview;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Which fonts the PDF may embed, and the PDF a server without one still gets. */
class ReviewPdfTests {

    static final String NOTO_CJK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
    static final String WQY = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    static SpringTemplateEngine templates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/crisis");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }

    static CrisisReview review() {
        Instant reported = Instant.parse("2026-03-02T01:00:00Z");
        return CrisisReview.of(new CrisisReview.Facts("Payment outage 支付中断", reported, reported, reported.plus(Duration.ofHours(5)), true,
                List.of(), List.of(reported.plus(Duration.ofMinutes(25))), 0, Map.of(), null, 0, null, null, List.of(), List.of(),
                CrisisReview.Notes.EMPTY));
    }

    @Test
    void fontsWithCffOutlinesAreNotEmbeddable() {
        assumeTrue(new File(NOTO_CJK).isFile(), "Noto Sans CJK is not installed");
        assertThat(new CjkFont(NOTO_CJK, List.of()).file()).isEmpty();
    }

    @Test
    void aConfiguredTrueTypeFontIsTakenBeforeTheSystemFonts() {
        assumeTrue(new File(WQY).isFile(), "WenQuanYi Micro Hei is not installed");
        assertThat(new CjkFont(WQY, List.of("/nonexistent/font.ttf")).file()).contains(new File(WQY));
        assertThat(new CjkFont(" ", List.of("/nonexistent/font.ttf", WQY)).file()).contains(new File(WQY));
    }

    @Test
    void withoutAFontThePdfStillComesWithANoticeAndTheLatinText() throws Exception {
        ReviewPdf pdf = new ReviewPdf(templates(), new CjkFont("/nonexistent/font.ttf", List.of()), new CrisisTimes("Asia/Shanghai"));
        assertThat(pdf.showsChinese()).isFalse();

        try (PDDocument document = Loader.loadPDF(pdf.render(7, review(), Locale.ENGLISH))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("No Chinese font could be embedded").contains("Review: Payment outage").contains("0h 25min")
                    .contains("no data");
        }
    }

    @Test
    void withATrueTypeCjkFontTheChineseTextIsInThePdf() throws Exception {
        assumeTrue(new File(WQY).isFile(), "WenQuanYi Micro Hei is not installed");
        ReviewPdf pdf = new ReviewPdf(templates(), new CjkFont(WQY, List.of()), new CrisisTimes("Asia/Shanghai"));

        try (PDDocument document = Loader.loadPDF(pdf.render(7, review(), Locale.SIMPLIFIED_CHINESE))) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("复盘：Payment outage 支付中断").contains("首次响应时长 中位数").contains("无数据").contains("0h 25min")
                    .doesNotContain("No Chinese font");
        }
    }
}
