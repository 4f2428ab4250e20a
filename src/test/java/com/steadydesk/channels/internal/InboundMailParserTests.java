package com.steadydesk.channels.internal;

import static com.steadydesk.channels.internal.MailFixtures.ascii;
import static com.steadydesk.channels.internal.MailFixtures.b64;
import static com.steadydesk.channels.internal.MailFixtures.encodedWord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.steadydesk.channels.internal.InboundMailParser.ParsedMail;
import com.steadydesk.channels.internal.InboundMailParser.UnparseableMailException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class InboundMailParserTests {

    final InboundMailParser parser = new InboundMailParser();

    @Test
    void decodesGbkSubjectAndBody() {
        String subject = "订单退款进度查询，麻烦尽快处理";
        ParsedMail mail = parser.parse(MailFixtures.plain("<gbk-1@example.cn>", encodedWord(subject, "GBK", "GBK"), "GBK", "GBK",
                "您好，我的订单 20261129001 还没有退款。"));
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.textBody()).contains("我的订单 20261129001 还没有退款");
        assertThat(mail.fromAddress()).isEqualTo("zhangsan@example.cn");
        assertThat(mail.fromName()).isEqualTo("张三");
        assertThat(mail.messageId()).isEqualTo("<gbk-1@example.cn>");
    }

    @Test
    void decodesGbkCharactersLabelledGb2312() {
        // 镕 and 珺 are GBK-only (not in GB2312); real mail labels such text GB2312 anyway
        String subject = "朱镕基同学的账户问题（珺）";
        ParsedMail mail = parser.parse(MailFixtures.plain("<gb-1@example.cn>", encodedWord(subject, "gb2312", "GBK"), "gb2312", "GBK",
                "联系人：王珺，电话 13800138000"));
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.textBody()).contains("联系人：王珺");
    }

    @Test
    void joinsEncodedWordsThatSplitACharacter() {
        byte[] gbk = "退款".getBytes(Charset.forName("GBK")); // 4 bytes; split after the 3rd
        String first = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(gbk, 0, 3));
        String second = Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(gbk, 3, 4));
        ParsedMail mail = parser.parse(MailFixtures.plain("<split@example.cn>", "=?GBK?B?" + first + "?=\r\n =?GBK?B?" + second + "?= OK",
                "utf-8", "UTF-8", "x"));
        assertThat(mail.subject()).isEqualTo("退款 OK");
    }

    @Test
    void decodesQuotedPrintableEncodedWordsAndGb18030() {
        String q = "=?GB18030?Q?" + qp("售后") + "?= =?utf-8?Q?_=E9=97=AE=E9=A2=98?=";
        ParsedMail mail = parser.parse(MailFixtures.plain("<q@example.cn>", q, "GB18030", "GB18030", "𠀀 扩展字符"));
        assertThat(mail.subject()).isEqualTo("售后 问题");
        assertThat(mail.textBody()).contains("𠀀 扩展字符");
    }

    @Test
    void decodesBig5Body() {
        String subject = "帳戶無法登入";
        ParsedMail mail = parser.parse(MailFixtures.plain("<big5@example.tw>", encodedWord(subject, "Big5", "Big5"), "big5", "Big5",
                "您好，我的帳戶從昨天開始無法登入，請協助處理。"));
        assertThat(mail.subject()).isEqualTo(subject);
        assertThat(mail.textBody()).contains("我的帳戶從昨天開始無法登入");
    }

    @Test
    void decodesIso2022JpBody() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String body = "注文の配送状況を教えてください。";
        MailFixtures.write(out, "From: tanaka@example.jp\r\nTo: support@steadydesk.test\r\nSubject: "
                + encodedWord("配送について", "ISO-2022-JP", "ISO-2022-JP") + "\r\nMessage-ID: <jp@example.jp>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        out.writeBytes(body.getBytes(Charset.forName("ISO-2022-JP")));
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        ParsedMail mail = parser.parse(out.toByteArray());
        assertThat(mail.subject()).isEqualTo("配送について");
        assertThat(mail.textBody()).contains(body);
    }

    @Test
    void decodesGbkBodiesMislabelledAsAscii() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MailFixtures.write(out, "From: lisi@example.cn\r\nTo: support@steadydesk.test\r\nSubject: x\r\nMessage-ID: <ascii@example.cn>\r\n"
                + "Content-Type: text/plain; charset=us-ascii\r\nContent-Transfer-Encoding: 8bit\r\n\r\n");
        out.writeBytes("包裹破损，申请换货".getBytes(Charset.forName("GBK")));
        assertThat(parser.parse(out.toByteArray()).textBody()).isEqualTo("包裹破损，申请换货");
    }

    @Test
    void decodesRawEightBitGbkSubject() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MailFixtures.write(out, "From: lisi@example.cn\r\nTo: support@steadydesk.test\r\nSubject: ");
        out.writeBytes("发票开错了".getBytes(Charset.forName("GBK")));
        MailFixtures.write(out, "\r\nMessage-ID: <raw@example.cn>\r\n\r\nplain\r\n");
        assertThat(parser.parse(out.toByteArray()).subject()).isEqualTo("发票开错了");
    }

    @Test
    void sanitisesHtmlAndDerivesTextWhenThereIsNoPlainPart() {
        String html = "<html><body><p onclick=\"steal()\">您好<script>alert('x')</script></p>"
                + "<p><a href=\"javascript:alert(1)\">点我</a> <a href=\"https://example.cn/o/1\">订单</a></p></body></html>";
        byte[] raw = ascii("From: a@example.cn\nTo: support@steadydesk.test\nSubject: html\nMessage-ID: <h@example.cn>\n"
                + "MIME-Version: 1.0\nContent-Type: text/html; charset=GBK\nContent-Transfer-Encoding: base64\n\n"
                + b64(html, "GBK") + "\n");
        ParsedMail mail = parser.parse(raw);
        assertThat(mail.sanitizedHtml()).doesNotContain("script", "onclick", "javascript:", "alert")
                .contains("您好", "https://example.cn/o/1");
        assertThat(mail.textBody()).contains("您好").contains("点我").doesNotContain("<", "alert");
    }

    @Test
    void readsNestedAlternativeAndMixedWithAttachmentsAndThreadingHeaders() {
        String raw = """
                From: "=?utf-8?B?%s?=" <Wang.Wu@Example.CN>
                To: support@steadydesk.test
                Subject: Re: [#10023] =?utf-8?B?%s?=
                Message-ID:   <reply-2@example.cn>
                In-Reply-To: <abc@steadydesk.test> (王五's message)
                References: <root@steadydesk.test>
                 <abc@steadydesk.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=big5
                Content-Transfer-Encoding: base64

                %s
                --inner
                Content-Type: text/html; charset=utf-8
                Content-Transfer-Encoding: base64

                %s
                --inner--
                --outer
                Content-Type: application/pdf; name="=?gb2312?B?%s?="
                Content-Disposition: attachment; filename="=?gb2312?B?%s?="
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --outer--
                """.formatted(b64("王五", "UTF-8"), b64("退款问题", "UTF-8"), b64("純文字版本", "Big5"), b64("<p>HTML 版本</p>", "UTF-8"),
                b64("发票.pdf", "GBK"), b64("发票.pdf", "GBK"));
        ParsedMail mail = parser.parse(ascii(raw));
        assertThat(mail.fromAddress()).isEqualTo("wang.wu@example.cn");
        assertThat(mail.fromName()).isEqualTo("王五");
        assertThat(mail.subject()).isEqualTo("Re: [#10023] 退款问题");
        assertThat(mail.textBody()).isEqualTo("純文字版本");
        assertThat(mail.sanitizedHtml()).contains("HTML 版本");
        assertThat(mail.messageId()).isEqualTo("<reply-2@example.cn>");
        assertThat(mail.inReplyTo()).isEqualTo("<abc@steadydesk.test>");
        assertThat(mail.references()).containsExactly("<root@steadydesk.test>", "<abc@steadydesk.test>");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("发票.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.content(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        });
    }

    @Test
    void refusesAMultipartWithoutItsBoundary() {
        assertThatThrownBy(() -> parser.parse(MailFixtures.brokenMultipart("<broken@example.cn>")))
                .isInstanceOf(UnparseableMailException.class);
    }

    @Test
    void refusesAMessageWithoutSender() {
        assertThatThrownBy(() -> parser.parse(ascii("To: support@steadydesk.test\nSubject: who?\n\nhello\n")))
                .isInstanceOf(UnparseableMailException.class).hasMessageContaining("From");
    }

    @Test
    void readsMessageIdFromRawHeadersEvenWhenTheBodyIsBroken() {
        assertThat(InboundMailParser.messageIdOf(MailFixtures.brokenMultipart("<b@x>"))).isEqualTo("<b@x>");
        assertThat(InboundMailParser.messageIdOf(ascii("Subject: x\nMessage-Id:\n <folded@x>\n\nbody\n"))).isEqualTo("<folded@x>");
        assertThat(InboundMailParser.messageIdOf(ascii("Subject: x\n\nMessage-ID: <in-body@x>\n"))).isNull();
    }

    private static String qp(String text) {
        StringBuilder sb = new StringBuilder();
        for (byte b : text.getBytes(Charset.forName("GB18030"))) {
            sb.append('=').append(String.format("%02X", b & 0xFF));
        }
        return sb.toString();
    }

    @Test
    void decodesRawEightBitHeadersInTheCharsetTheMessageDeclares() {
        assertThat(parser.parse(com.steadydesk.channels.HostileMail.eightBit("Big5", "帳戶無法登入", "t-big5")).subject()).isEqualTo("帳戶無法登入");
        assertThat(parser.parse(com.steadydesk.channels.HostileMail.eightBit("EUC-KR", "계정에 로그인할 수 없습니다", "t-kr")).subject())
                .isEqualTo("계정에 로그인할 수 없습니다");
        ParsedMail japanese = parser.parse(com.steadydesk.channels.HostileMail.eightBit("Shift_JIS", "配送について", "t-jp"));
        assertThat(japanese.subject()).isEqualTo("配送について");
        assertThat(japanese.fromName()).isEqualTo("配送について");
        assertThat(parser.parse(com.steadydesk.channels.HostileMail.eightBit("ISO-8859-1", "Réclamation reçue à Zürich", "t-l1")).subject())
                .isEqualTo("Réclamation reçue à Zürich");
    }

    @Test
    void decodesAnOverPaddedEncodedWord() {
        ParsedMail mail = parser.parse(MailFixtures.plain("<pad@example.cn>", "=?gb18030?B?suLK1A===?=", "utf-8", "UTF-8", "x"));
        assertThat(mail.subject()).isEqualTo("测试");
    }

    @Test
    void keepsAnRfc2231Latin1FilenameReadable() {
        ParsedMail mail = parser.parse(ascii("""
                From: file@example.de
                To: support@steadydesk.test
                Subject: 2231
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                see file
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename*=iso-8859-1''test-attachment-%E4%F6%FC%DF.pdf
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename="=?iso-8859-1?Q?r=E9sum=E9.pdf?="

                x
                --b--
                """));
        assertThat(mail.attachments()).extracting(InboundMailParser.MailAttachment::filename)
                .containsExactly("test-attachment-äöüß.pdf", "résumé.pdf");
    }

    @Test
    void readsTheCharsetOfHtmlFromItsMetaTag() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(ascii("From: meta@example.cn\nTo: support@steadydesk.test\nSubject: meta\nMIME-Version: 1.0\n"
                + "Content-Type: text/html\nContent-Transfer-Encoding: 8bit\n\n<html><head><meta http-equiv=\"Content-Type\" "
                + "content=\"text/html; charset=gb2312\"></head><body><p>"));
        raw.writeBytes("退款申请已提交".getBytes(Charset.forName("GBK")));
        raw.writeBytes(ascii("</p></body></html>\n"));
        ParsedMail mail = parser.parse(raw.toByteArray());
        assertThat(mail.textBody()).contains("退款申请已提交");
        assertThat(mail.sanitizedHtml()).contains("退款申请已提交");
    }

    @Test
    void readsABodyWithANulByte() {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        raw.writeBytes(ascii("From: nul@example.cn\nTo: support@steadydesk.test\nSubject: nul\nContent-Type: text/plain; charset=utf-8\n\nbefore"));
        raw.write(0);
        raw.writeBytes(ascii("after\n"));
        ParsedMail mail = parser.parse(raw.toByteArray());
        assertThat(mail.textBody()).contains("beforeafter").doesNotContain("\u0000");
    }

    @Test
    void keepsASenderAddressThatIsNotAValidEmailAddressAsWritten() {
        assertThat(parser.parse(ascii("From: root@localhost\nSubject: cron\n\nout of disk\n")).fromAddress()).isEqualTo("root@localhost");
        assertThat(parser.parse(ascii("From: \"john..doe\"@example.com\nSubject: q\n\nq\n")).fromAddress()).isEqualTo("\"john..doe\"@example.com");
        assertThat(parser.parse(ascii("From: undisclosed-recipients:;\nSubject: q\n\nq\n")).fromAddress()).isNotBlank();
    }
}
