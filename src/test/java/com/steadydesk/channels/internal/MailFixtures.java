package com.steadydesk.channels.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Builds raw RFC 822 messages byte by byte, in the charsets real senders use. */
public final class MailFixtures {

    private MailFixtures() {
    }

    public static String b64(String text, String charset) {
        return Base64.getEncoder().encodeToString(text.getBytes(Charset.forName(charset)));
    }

    public static String encodedWord(String text, String label, String javaCharset) {
        return "=?" + label + "?B?" + b64(text, javaCharset) + "?=";
    }

    /** A single-part text/plain mail whose body is written in {@code javaCharset} and labelled {@code label}. */
    public static byte[] plain(String messageId, String subjectHeader, String label, String javaCharset, String body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "From: =?UTF-8?B?" + b64("张三", "UTF-8") + "?= <zhangsan@example.cn>\r\n"
                + "To: support@steadydesk.test\r\n"
                + "Subject: " + subjectHeader + "\r\n"
                + (messageId == null ? "" : "Message-ID: " + messageId + "\r\n")
                + "Date: Sun, 29 Nov 2026 10:00:00 +0800\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=" + label + "\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n");
        write(out, Base64.getMimeEncoder().encodeToString(body.getBytes(Charset.forName(javaCharset))) + "\r\n");
        return out.toByteArray();
    }

    /** A mail whose body claims to be multipart but has none of its boundaries: unreadable. */
    public static byte[] brokenMultipart(String messageId) {
        return ("From: broken@example.cn\r\n"
                + "To: support@steadydesk.test\r\n"
                + "Subject: broken\r\n"
                + "Message-ID: " + messageId + "\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"never-used\"\r\n\r\n"
                + "this body has no boundary at all\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] ascii(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    static void write(ByteArrayOutputStream out, String ascii) {
        out.writeBytes(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
