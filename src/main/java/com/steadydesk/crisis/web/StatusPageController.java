package com.steadydesk.crisis.web;

import com.steadydesk.crisis.PublicStatus;
import com.steadydesk.crisis.StatusPage;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The public crisis status page at /status: no login, Chinese and English, light enough for a phone. A surge of
 * readers is served from memory: the page is rendered once per language for each version of {@link StatusPage}'s
 * model (a publish or close makes a new one) and kept as bytes, plain and gzipped. Browsers and proxies may keep it
 * 10 seconds and revalidate with the ETag.
 */
@Controller
class StatusPageController {

    private static final String TEMPLATE = "crisis/status";

    private final StatusPage statusPage;
    private final ThymeleafViewResolver views;
    /** Language → the page rendered from one version of the model. */
    private final Map<String, RenderedPage> rendered = new ConcurrentHashMap<>();

    StatusPageController(StatusPage statusPage, ThymeleafViewResolver views) {
        this.statusPage = statusPage;
        this.views = views;
    }

    @GetMapping("/status")
    @PreAuthorize("permitAll()")
    void status(HttpServletRequest request, HttpServletResponse response, Locale locale) throws Exception {
        PublicStatus status = statusPage.current();
        String language = "en".equals(locale.getLanguage()) ? "en" : "zh";
        String etag = "\"s" + status.version() + "-" + status.builtAt().toEpochMilli() + "-" + language + "\"";
        response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.maxAge(Duration.ofSeconds(10)).cachePublic().getHeaderValue());
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (new ServletWebRequest(request, response).checkNotModified(etag)) {
            return;
        }
        RenderedPage page = rendered.get(language);
        if (page == null || page.status() != status) {
            synchronized (rendered) { // one reader renders a new version, the others wait for it instead of rendering too
                page = rendered.get(language);
                if (page == null || page.status() != status) {
                    page = render(status, language, locale, request, response);
                    rendered.put(language, page);
                }
            }
        }
        boolean gzip = acceptsGzip(request);
        byte[] body = gzip ? page.gzipped() : page.html();
        response.setContentType(page.contentType());
        if (gzip) {
            // Tomcat's own compression leaves a response alone that already has a Content-Encoding
            response.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Renders the template into memory. The page holds nothing of the reader: no session, no CSRF token, no name. */
    private RenderedPage render(PublicStatus status, String language, Locale locale, HttpServletRequest request,
            HttpServletResponse response) throws Exception {
        View view = views.resolveViewName(TEMPLATE, locale);
        if (view == null) {
            throw new IllegalStateException("no view for " + TEMPLATE);
        }
        var capture = new ContentCachingResponseWrapper(response);
        view.render(Map.of("status", status, "english", "en".equals(language)), request, capture);
        byte[] html = capture.getContentAsByteArray();
        String contentType = capture.getContentType() == null ? "text/html;charset=UTF-8" : capture.getContentType();
        return new RenderedPage(status, html, gzip(html), contentType);
    }

    private static boolean acceptsGzip(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
        return accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
    }

    private static byte[] gzip(byte[] bytes) {
        var out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** One rendering of the page: for the model version {@code status}, as HTML and gzipped HTML. */
    private record RenderedPage(PublicStatus status, byte[] html, byte[] gzipped, String contentType) {
    }
}
