package com.steadydesk.crisis.web;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.fontbox.ttf.OTFParser;
import org.apache.fontbox.ttf.OpenTypeFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Finds a font with Chinese glyphs that PDFBox can embed in a PDF: the configured file
 * ({@code steadydesk.pdf.cjk-font}) first, then common system fonts of Debian/Ubuntu, Fedora, macOS and Windows.
 * Only TrueType outlines qualify: PDFBox cannot subset CFF-based fonts such as Noto Sans CJK or Source Han Sans (see
 * docs/decisions/0006). Nothing is downloaded; without a font the PDF says so and points to the Markdown export.
 */
@Component
class CjkFont {

    private static final Logger log = LoggerFactory.getLogger(CjkFont.class);
    private static final int PROBE = '中';

    static final List<String> SYSTEM_FONTS = List.of(
            "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",              // Debian/Ubuntu fonts-wqy-microhei
            "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",                // fonts-wqy-zenhei
            "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",   // fonts-droid-fallback
            "/usr/share/fonts/truetype/arphic/uming.ttc",                  // fonts-arphic-uming
            "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",              // Fedora
            "/usr/share/fonts/wqy-zenhei/wqy-zenhei.ttc",
            "/usr/share/fonts/google-droid-sans-fonts/DroidSansFallbackFull.ttf",
            "/System/Library/Fonts/STHeiti Light.ttc",                     // macOS
            "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
            "/Library/Fonts/Arial Unicode.ttf",
            "C:/Windows/Fonts/msyh.ttc",                                   // Windows: Microsoft YaHei, SimSun
            "C:/Windows/Fonts/simsun.ttc");

    private final List<String> candidates;
    private final AtomicBoolean searched = new AtomicBoolean();
    private volatile File found;

    @Autowired
    CjkFont(@Value("${steadydesk.pdf.cjk-font:}") String configured) {
        this(configured, SYSTEM_FONTS);
    }

    CjkFont(String configured, List<String> systemFonts) {
        List<String> all = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            all.add(configured.strip());
        }
        all.addAll(systemFonts);
        this.candidates = List.copyOf(all);
    }

    /** The font file to embed, looked up once (parsing fonts is slow); empty when no usable font exists. */
    Optional<File> file() {
        if (!searched.get()) {
            synchronized (this) {
                if (!searched.get()) {
                    found = candidates.stream().map(File::new).filter(CjkFont::usable).findFirst().orElse(null);
                    if (found == null) {
                        log.warn("No embeddable CJK font found (tried {}); PDFs cannot show Chinese text. Set steadydesk.pdf.cjk-font "
                                + "to a TrueType font file, e.g. from Debian's fonts-wqy-microhei.", candidates);
                    }
                    searched.set(true);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean usable(File file) {
        if (!file.isFile() || !file.canRead()) {
            return false;
        }
        String name = file.getName().toLowerCase(java.util.Locale.ROOT);
        try {
            if (name.endsWith(".ttc")) {
                List<Boolean> ok = new ArrayList<>();
                try (TrueTypeCollection collection = new TrueTypeCollection(file)) {
                    collection.processAllFonts(font -> ok.add(embeddable(font)));
                }
                return !ok.isEmpty() && ok.stream().allMatch(b -> b);
            }
            try (TrueTypeFont font = name.endsWith(".otf") ? new OTFParser().parse(new RandomAccessReadBufferedFile(file))
                    : new TTFParser().parse(new RandomAccessReadBufferedFile(file))) {
                return embeddable(font);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Font {} cannot be used for PDFs: {}", file, e.getMessage());
            return false;
        }
    }

    private static boolean embeddable(TrueTypeFont font) throws IOException {
        if (font instanceof OpenTypeFont otf && otf.isPostScript()) {
            log.info("Font {} has CFF outlines, which PDFBox cannot subset; skipped", font.getName());
            return false;
        }
        var cmap = font.getUnicodeCmapLookup(false);
        return cmap != null && cmap.getGlyphId(PROBE) > 0;
    }
}
