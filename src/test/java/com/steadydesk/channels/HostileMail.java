package com.steadydesk.channels;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/** Hand-made hostile messages: broken address headers, NUL bytes, raw 8-bit headers, odd encodings, huge and deep ones. */
public final class HostileMail {

    private HostileMail() {
    }

    public static List<byte[]> all() {
        List<byte[]> all = new ArrayList<>();
        // address headers a strict parser or server chokes on
        all.add(ascii(headers("\"odd \"quote\" name\" <odd@example.com>", "undisclosed-recipients:;", "<h-addr1@hostile.test>", "quoted")
                + "\r\nbody\r\n"));
        all.add(ascii(headers("root@localhost", "support@steadydesk.test", "<h-addr2@hostile.test>", "root") + "\r\nfrom root\r\n"));
        all.add(ascii(headers("z@z", "support@steadydesk.test", "<h-addr3@hostile.test>", "short") + "\r\nz\r\n"));
        all.add(ascii(headers("\"john..doe\"@example.com", "support@steadydesk.test", "<h-addr4@hostile.test>", "quoted local")
                + "\r\nquoted local part\r\n"));
        all.add(ascii(headers("a@b@example.com", "support@steadydesk.test", "<h-addr5@hostile.test>", "two at") + "\r\ntwo @\r\n"));
        all.add(ascii(headers("Someone <>", "\"a, b\" <ab@example.com>, <<x@y>>, ;;;", "<h-addr6@hostile.test>", "empty addr")
                + "\r\nempty\r\n"));
        all.add(ascii("To: support@steadydesk.test\r\nSubject: no sender\r\nMessage-ID: <h-nofrom@hostile.test>\r\n\r\nwho am I\r\n"));
        // a NUL byte in the body
        all.add(bytes(ascii(headers("nul@example.com", "support@steadydesk.test", "<h-nul@hostile.test>", "nul")
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nbefore"), new byte[] {0}, ascii("after\r\n")));
        // raw 8-bit headers in the charset the body declares
        all.add(eightBit("Big5", "帳戶無法登入", "h-big5"));
        all.add(eightBit("EUC-KR", "계정에 로그인할 수 없습니다", "h-euckr"));
        all.add(eightBit("Shift_JIS", "配送について", "h-sjis"));
        all.add(eightBit("ISO-8859-1", "Réclamation reçue à Zürich", "h-latin1"));
        // an over-padded encoded word, an RFC 2231 Latin-1 filename, an encoded-word filename
        all.add(ascii(headers("pad@example.cn", "support@steadydesk.test", "<h-pad@hostile.test>", "=?gb18030?B?suLK1A===?=")
                + "\r\npadded\r\n"));
        all.add(ascii(headers("file@example.de", "support@steadydesk.test", "<h-2231@hostile.test>", "2231")
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename*=iso-8859-1''test-attachment-%E4%F6%FC%DF.pdf\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"));
        // HTML whose charset is only in <meta>
        all.add(bytes(ascii(headers("meta@example.cn", "support@steadydesk.test", "<h-meta@hostile.test>", "meta")
                + "Content-Type: text/html\r\nContent-Transfer-Encoding: 8bit\r\n\r\n<html><head><meta charset=\"gbk\"></head><body>"),
                "退款申请".getBytes(Charset.forName("GBK")), ascii("</body></html>\r\n")));
        // ten thousand recipients
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            many.append(i == 0 ? "" : ",\r\n ").append("r").append(i).append("@example.com");
        }
        all.add(ascii(headers("many@example.com", many.toString(), "<h-many@hostile.test>", "many") + "\r\nto everyone\r\n"));
        // deep multiparts
        all.add(ascii(headers("deep@example.com", "support@steadydesk.test", "<h-deep@hostile.test>", "deep") + deep(60)));
        all.add(ascii(headers("deep2@example.com", "support@steadydesk.test", "<h-deep2@hostile.test>", "deep 10") + deep(10)));
        // a very large attachment (12 MB of random bytes)
        byte[] big = new byte[12 * 1024 * 1024];
        new Random(7).nextBytes(big);
        all.add(ascii(headers("big@example.com", "support@steadydesk.test", "<h-big@hostile.test>", "big")
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nbig file\r\n"
                + "--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"big.bin\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(big) + "\r\n--b--\r\n"));
        // an exact duplicate, and the same Message-ID with different content
        byte[] original = ascii(headers("dup@example.com", "support@steadydesk.test", "<h-dup@hostile.test>", "dup") + "\r\nfirst\r\n");
        all.add(original);
        all.add(original.clone());
        all.add(ascii(headers("dup@example.com", "support@steadydesk.test", "<h-dup@hostile.test>", "dup") + "\r\nsecond, different\r\n"));
        // garbage
        all.add(ascii("this is not a mail at all\r\n"));
        all.add(bytes(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0, 1, 2, 3}, ascii("\r\n\r\n")));
        return all;
    }

    private static String headers(String from, String to, String messageId, String subject) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Mon, 7 Dec 2026 08:00:00 +0800\r\nMIME-Version: 1.0\r\n";
    }

    public static byte[] eightBit(String charset, String text, String id) {
        Charset cs = Charset.forName(charset);
        return bytes(ascii("From: "), ("\"" + text + "\" <" + id + "@example.com>").getBytes(cs), ascii("\r\nTo: support@steadydesk.test\r\nSubject: "),
                text.getBytes(cs), ascii("\r\nMessage-ID: <" + id + "@hostile.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="
                        + charset + "\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"), text.getBytes(cs), ascii("\r\n"));
    }

    private static String deep(int levels) {
        StringBuilder head = new StringBuilder("Content-Type: multipart/mixed; boundary=\"d0\"\r\n\r\n");
        for (int i = 0; i < levels; i++) {
            head.append("--d").append(i).append("\r\nContent-Type: multipart/mixed; boundary=\"d").append(i + 1).append("\"\r\n\r\n");
        }
        head.append("--d").append(levels).append("\r\nContent-Type: text/plain\r\n\r\ndeep inside\r\n--d").append(levels).append("--\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            head.append("--d").append(i).append("--\r\n");
        }
        return head.toString();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
