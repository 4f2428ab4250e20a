package com.steadydesk.channels.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes header text: RFC 2047 encoded-words and raw 8-bit bytes. Written by hand rather than with
 * MimeUtility.decodeText because senders split one GBK or UTF-8 character across two encoded-words (each word
 * alone is undecodable; the bytes of adjacent words with the same charset must be joined first) and label GBK as
 * GB2312.
 */
final class HeaderText {

    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BLANK = Pattern.compile("[ \\t\\r\\n]*");

    private HeaderText() {
    }

    /** The header value as text; null stays null. Raw 8-bit values (parsed by Jakarta Mail as Latin-1) are re-decoded. */
    static String decode(String value) {
        return decode(value, null);
    }

    /**
     * As {@link #decode(String)}, with raw 8-bit bytes decoded in the charset the message declares ({@code charsetHint},
     * from its first text part or its own Content-Type) before detection and the fallbacks.
     */
    static String decode(String value, String charsetHint) {
        if (value == null) {
            return null;
        }
        String unfolded = value.replaceAll("\\r?\\n[ \\t]", " ");
        String text = rawEightBit(unfolded)
                ? MailCharsets.decodeWithHint(unfolded.getBytes(StandardCharsets.ISO_8859_1), charsetHint) : unfolded;
        return decodeWords(text).replace("\u0000", "").strip();
    }

    private static boolean rawEightBit(String value) {
        boolean high = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF) {
                return false; // already decoded text, not Latin-1 bytes
            }
            high |= c >= 0x80;
        }
        return high;
    }

    private static String decodeWords(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder out = new StringBuilder();
        int pos = 0;
        String pendingCharset = null;
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        while (m.find()) {
            String between = text.substring(pos, m.start());
            boolean adjacent = pendingCharset != null && BLANK.matcher(between).matches();
            String charset = m.group(1);
            if (!adjacent || !charset.equalsIgnoreCase(pendingCharset)) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] bytes = wordBytes(m.group(2), m.group(3));
            if (bytes == null) { // not decodable: keep as written
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                out.append(m.group());
            } else {
                pending.writeBytes(bytes);
                pendingCharset = charset;
            }
            pos = m.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text.substring(pos));
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (charset != null && pending.size() > 0) {
            out.append(new String(pending.toByteArray(), MailCharsets.forLabel(charset)));
        }
        pending.reset();
    }

    private static byte[] wordBytes(String encoding, String encoded) {
        try {
            if (encoding.toUpperCase(Locale.ROOT).equals("B")) {
                // strict, so that a garbled word stays visible rather than silently vanishing; missing padding is common
                // over-padded words ("suLK1A===") are as common as missing padding: pad the bare data afresh
                String bare = encoded.replaceAll("=+$", "");
                String padded = bare + "===".substring(0, (4 - bare.length() % 4) % 4);
                return Base64.getDecoder().decode(padded);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int i = 0; i < encoded.length(); i++) {
                char c = encoded.charAt(i);
                if (c == '_') {
                    bytes.write(' ');
                } else if (c == '=' && i + 2 < encoded.length()) {
                    bytes.write(Integer.parseInt(encoded.substring(i + 1, i + 3), 16));
                    i += 2;
                } else {
                    bytes.write(c);
                }
            }
            return bytes.toByteArray();
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
