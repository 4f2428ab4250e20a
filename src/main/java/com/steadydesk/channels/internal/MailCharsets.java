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

    /** Decodes unlabelled bytes: strict UTF-8 if it fits, else GB18030 (the most common legacy charset of our senders). */
    static String decodeUnlabelled(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    static String decode(byte[] bytes, String label) {
        if (!known(label) || (isAscii(label) && hasHighBytes(bytes))) {
            // unlabelled, unknown, or "us-ascii" that is not: mail clients that forgot to label their GBK or UTF-8
            return decodeUnlabelled(bytes);
        }
        return new String(bytes, forLabel(label));
    }

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
