package com.steadydesk.channels.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Charset labels as real mail uses them. Mail labelled GB2312 routinely contains GBK characters (and GBK mail
 * GB18030 ones), so the whole family decodes as GB18030, their superset; Big5 likewise as its Windows superset.
 */
final class MailCharsets {

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Map<String, String> SUPERSETS = Map.of(
            "gb2312", "GB18030", "gbk", "GB18030", "x-gbk", "GB18030", "cp936", "GB18030", "euc-cn", "GB18030",
            "x-euc-cn", "GB18030", "csgb2312", "GB18030", "big5", "x-windows-950", "ks_c_5601-1987", "x-windows-949",
            "us-ascii", "windows-1252");

    private MailCharsets() {
    }

    /** The charset to decode a label with; UTF-8 when the label is missing or unknown. */
    static Charset forLabel(String label) {
        if (label == null || label.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        String name = label.trim().replace("\"", "").replace("'", "");
        int language = name.indexOf('*'); // RFC 2231 language suffix: gb2312*zh
        if (language > 0) {
            name = name.substring(0, language);
        }
        name = SUPERSETS.getOrDefault(name.toLowerCase(Locale.ROOT), name);
        try {
            return Charset.forName(name);
        } catch (RuntimeException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    /** True when the label names a charset Java knows (after the superset mapping). */
    static boolean known(String label) {
        if (label == null || label.isBlank()) {
            return false;
        }
        String name = SUPERSETS.getOrDefault(label.trim().toLowerCase(Locale.ROOT), label.trim());
        try {
            return Charset.isSupported(name);
        } catch (RuntimeException illegal) {
            return false;
        }
    }

    /**
     * Decodes unlabelled bytes: strict UTF-8 if it fits, else what ICU's detector is reasonably sure of, else GB18030
     * (the most common legacy charset of our senders).
     */
    static String decodeUnlabelled(byte[] bytes) {
        return decodeWithHint(bytes, null);
    }

    /**
     * Decodes bytes that carry no label of their own (raw 8-bit header text) with the charset the message declares
     * ({@code hint}); then strict UTF-8, then detection, then GB18030. A declared single-byte charset (Latin-1 and
     * the like) decodes any bytes without error, so valid multi-byte UTF-8 is preferred over it: a UTF-8 header in a
     * Latin-1 message is common, the reverse forming valid UTF-8 by chance is not.
     */
    static String decodeWithHint(byte[] bytes, String hint) {
        if (known(hint) && !isAscii(hint)) {
            Charset declared = forLabel(hint);
            boolean singleByte = declared.newEncoder().maxBytesPerChar() <= 1.0f;
            if (!(singleByte && strict(bytes, StandardCharsets.UTF_8) != null)) {
                String text = strict(bytes, declared);
                if (text != null) {
                    return text;
                }
            }
        }
        String utf8 = strict(bytes, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return utf8;
        }
        Charset detected = detect(bytes);
        if (detected != null) {
            String text = strict(bytes, detected);
            if (text != null) {
                return text;
            }
        }
        return new String(bytes, GB18030);
    }

    /** ICU's best guess when it is at least fairly confident (short header text often is not). */
    private static Charset detect(byte[] bytes) {
        try {
            com.ibm.icu.text.CharsetDetector detector = new com.ibm.icu.text.CharsetDetector();
            detector.setText(bytes);
            com.ibm.icu.text.CharsetMatch match = detector.detect();
            if (match == null || !known(match.getName())) {
                return null;
            }
            Charset charset = forLabel(match.getName());
            // on a few bytes of GBK the detector likes to guess a single-byte charset (Greek, Cyrillic): those guesses
            // must be confident, multi-byte ones (Big5, EUC-KR, Shift_JIS, GB18030) need only be fair
            boolean singleByte = charset.newEncoder().maxBytesPerChar() <= 1.0f;
            return match.getConfidence() >= (singleByte ? 70 : 30) ? charset : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String strict(byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException | RuntimeException e) {
            return null;
        }
    }

    static String decode(byte[] bytes, String label) {
        if (!known(label) || (isAscii(label) && hasHighBytes(bytes))) {
            // unlabelled, unknown, or "us-ascii" that is not: mail clients that forgot to label their GBK or UTF-8
            return decodeUnlabelled(bytes);
        }
        return new String(bytes, forLabel(label));
    }

    /** The charset an HTML document names in a {@code <meta>} tag in its first 4 KB, or null. */
    static String metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, 4096), StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern META_CHARSET = java.util.regex.Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean isAscii(String label) {
        String name = label.trim().toLowerCase(Locale.ROOT);
        return name.equals("us-ascii") || name.equals("ascii");
    }

    private static boolean hasHighBytes(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }
}
