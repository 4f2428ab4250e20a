package com.steadydesk.customers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactMaskingTests {

    final ContactMasking masking = new ContactMasking(() -> false);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678        | 138****5678
            138 1234 5678      | 138****5678
            138-1234-5678      | 138****5678
            +86 138 1234 5678  | +86 *******5678
            +8613812345678     | +86 *******5678
            0086 13812345678   | +86 *******5678
            １３８００１３８０００   | 138****8000
            +1 (415) 555-0199  | +1 ******0199
            010-12345678       | 010****5678
            (021) 5550123      | 02******23
            +1 415 555 0142    | +1 ******0142
            12345678           | 12****78
            110                | ***
            """)
    void masksPhonesKeepingTheFirstThreeAndLastFourDigitsOfLongNumbersAndOnlyTheCountryCodeAndLastFourOfInternationalOnes(String phone, String masked) {
        assertThat(masking.maskPhone(phone)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            zhang@example.com      | z***@example.com
            Zhang.Wei@Example.CN   | Z***@Example.CN
            a@example.com          | a***@example.com
            13812345678@qq.com     | 1***@qq.com
            not-an-email           | n***
            """)
    void masksEmailsToFirstCharacterAndDomain(String email, String masked) {
        assertThat(masking.maskEmail(email)).isEqualTo(masked);
    }

    @Test
    void leavesNullAndBlankAlone() {
        assertThat(masking.maskPhone(null)).isNull();
        assertThat(masking.maskEmail(null)).isNull();
        assertThat(masking.maskText(null)).isNull();
        assertThat(masking.maskPhone(" ")).isEqualTo(" ");
    }

    @Test
    void masksEmailsAndPhoneNumbersInsideText() {
        String text = "您好，我的手机是13812345678，备用 +86 139-0000-1111，座机010-62345678，邮箱 zhang.wei@example.com，订单号 20231115123456789。";
        assertThat(masking.maskText(text)).isEqualTo(
                "您好，我的手机是138****5678，备用 +86 *******1111，座机010****5678，邮箱 z***@example.com，订单号 202**********6789。");
    }

    @Test
    void masksAnAddressMadeOfAPhoneNumberAsAnAddress() {
        assertThat(masking.maskText("请回复到 13812345678@qq.com 谢谢")).isEqualTo("请回复到 1***@qq.com 谢谢");
    }

    @Test
    void leavesTextWithoutContactsUnchanged() {
        String text = "物流延误，订单 A10023 预计 3 天内发出，补偿 20 元优惠券。Order 12345 ships soon.";
        assertThat(masking.maskText(text)).isEqualTo(text);
    }

    @Test
    void masksProfilesOnlyForViewersWithoutTheRight() {
        var profile = new CustomerProfile(new CustomerId(1), "陈静", List.of("chenjing@example.com"), List.of("13812345678"),
                List.of("shop:U10023"), VipTier.GOLD, "wangfang", "助理电话 13800138000", null, false);
        CustomerProfile masked = masking.profileForViewer(profile);
        assertThat(masked.masked()).isTrue();
        assertThat(masked.emails()).containsExactly("c***@example.com");
        assertThat(masked.phones()).containsExactly("138****5678");
        assertThat(masked.notes()).isEqualTo("助理电话 138****8000");
        assertThat(masked.externalIds()).containsExactly("shop:U10023");
        assertThat(new ContactMasking(() -> true).profileForViewer(profile)).isSameAs(profile);
    }

    @Property
    void maskedMobileKeepsOnlyItsFirstThreeAndLastFourDigits(@ForAll("mobiles") String mobile, @ForAll("formats") int format) {
        String masked = masking.maskPhone(written(mobile, format));
        assertThat(masked).isEqualTo(format >= 3 ? "+86 *******" + mobile.substring(7) : mobile.substring(0, 3) + "****" + mobile.substring(7));
    }

    @Property
    void maskedTextNeverContainsAWholeMobileNumberItHid(@ForAll("mobiles") String mobile, @ForAll("formats") int format,
            @ForAll("prose") String before, @ForAll("prose") String after) {
        String masked = masking.maskText(before + written(mobile, format) + after);
        assertThat(masked.replaceAll("[^0-9*]", "")).doesNotContain(mobile.substring(3, 7) + mobile.substring(7));
        assertThat(masked).contains((format >= 3 ? "*******" : mobile.substring(0, 3) + "****") + mobile.substring(7))
                .startsWith(before).endsWith(after);
    }

    @Property
    void maskingPhonesIsIdempotent(@ForAll @StringLength(max = 30) String anything) {
        String once = masking.maskPhone(anything);
        assertThat(masking.maskPhone(once)).isEqualTo(once);
    }

    @Property
    void maskingEmailsIsIdempotent(@ForAll("emails") String email) {
        String once = masking.maskEmail(email);
        assertThat(masking.maskEmail(once)).isEqualTo(once);
        assertThat(once).doesNotContain(email.substring(1, email.indexOf('@')) + "@");
    }

    @Property
    void maskingTextIsIdempotent(@ForAll("textsWithContacts") String text) {
        String once = masking.maskText(text);
        assertThat(masking.maskText(once)).isEqualTo(once);
    }

    @Property
    void maskingAnyTextIsIdempotent(@ForAll @StringLength(max = 60) String text) {
        String once = masking.maskText(text);
        assertThat(masking.maskText(once)).isEqualTo(once);
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
    }

    @Provide
    Arbitrary<Integer> formats() {
        return Arbitraries.integers().between(0, 4);
    }

    @Provide
    Arbitrary<String> prose() {
        return Arbitraries.oneOf(Arbitraries.of("", " ", "我的手机：", "请联系 ", "，谢谢", " call me", "。", "（", "）"),
                Arbitraries.strings().withChars("稳客服订单退款abc XYZ，。：").ofMaxLength(8));
    }

    @Provide
    Arbitrary<String> emails() {
        return Combinators.combine(Arbitraries.strings().withCharRange('a', 'z').withChars("._0123456789").ofMinLength(2).ofMaxLength(12),
                Arbitraries.of("example.com", "example.cn", "qq.com", "mail.example.org"))
                .as((local, domain) -> local + "@" + domain);
    }

    @Provide
    Arbitrary<String> textsWithContacts() {
        Arbitrary<String> piece = Arbitraries.oneOf(prose(), emails(),
                Combinators.combine(mobiles(), formats()).as(ContactMaskingTests::written),
                Arbitraries.of("010-12345678", "(021) 5550123", "+1 415 555 0142", "+44 7700 900123", "20231115123456789", "A10023"));
        // pieces are set apart by a space, as in real messages: an address glued to digits glued to another address
        // ("a@example.com13000000000.b@example.cn") reads as one long address and is outside what masking promises
        return piece.list().ofMaxSize(6).map(pieces -> String.join(" ", pieces));
    }

    // ---- what a temporary agent may never read ----------------------------------------------------------------------
    //
    // A number "survives" masking when 5 of its digits in a row can be read from the masked text: the digits of the text
    // are read after NFKC (full-width digits count), with spaces, dots, dashes, slashes, brackets and '+' between them
    // ignored, so "138 0013" reads as 1380013. Five, because a masked number keeps at most 4 digits in a row (its last
    // four; a domestic number also its first three, the carrier prefix shown everywhere as 138****8000), so any 5 in a row
    // of the number can only come from a leak; and four hidden digits confirmed one window at a time is the oracle. The
    // digits checked are the subscriber's: a written country code (+86, +1) is public and is kept.

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            我的手机是１３８００１３８０００谢谢        | 13800138000
            座机 021-1234-5678 找李经理             | 02112345678
            call 010 8765 4321 now                | 01087654321
            号码138 0013 8000                      | 13800138000
            号码138.0013.8000。                    | 13800138000
            号码138/0013/8000                      | 13800138000
            座机02112345678转分机                   | 02112345678
            +86 138 0013 8000                     | 13800138000
            请拨+1 (415) 555-0199                  | 4155550199
            or (415) 555-0199 after 6pm           | 4155550199
            电话：１３８　００１３　８０００           | 13800138000
            138 - 0013 - 8000                     | 13800138000
            """)
    void masksEveryWrittenFormOfAPhoneNumber(String text, String digits) {
        String masked = masking.maskText(text);
        assertThat(windowsSurviving(digits, masked)).as(masked).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            张三@例子.中国                          | 张三@           | 张***@例子.中国
            发给张三@例子.中国谢谢                    | 张三@           | 发***@例子.中国谢谢
            write to user@bücher.de please        | user@           | u***@bücher.de
            müller.jürgen@bücher.de               | müller.jürgen@  | m***@bücher.de
            请发到zhang.wei@example.com            | zhang.wei@      | 请发到z***@example.com
            邮箱：ｚｈａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ           | zhang@          | z***@example.com
            """)
    // Chinese prose glued to a Chinese local part cannot be told apart from it: all of it is masked, which errs safe.
    void masksEmailAddressesWithNonAsciiLocalPartsAndDomains(String text, String localPart, String maskedAddress) {
        String masked = masking.maskText(text);
        assertThat(masked).doesNotContain(localPart).contains(maskedAddress);
    }

    @Test
    void keepsDatesAmountsAndTicketNumbers() {
        String text = "2026-12-07 下单，金额 1299.00 元，工单 #10023，验证码 6 位，Order 12345 on 2026/12/7, due 07.12.2026 or 12/31/2026.";
        assertThat(masking.maskText(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            李明        | 李*
            欧阳娜娜    | 欧***
            Li Ming     | L***
            李*         | 李*
            L***        | L***
            """)
    void masksNamesToTheirFirstCharacter(String name, String masked) {
        assertThat(masking.maskName(name)).isEqualTo(masked);
    }

    @Test
    void queriesOfViewersWhoSeeMaskedDataLoseTheirContactTokens() {
        assertThat(masking.queryForViewer("李明 13000002222")).isEqualTo("李明");
        assertThat(masking.queryForViewer("130****2222")).isEmpty();
        assertThat(masking.queryForViewer("130 0000 2222 退款")).isEqualTo("退款");
        assertThat(masking.queryForViewer("zhang@example.com")).isEmpty();
        assertThat(masking.queryForViewer("物流 #10023")).isEqualTo("物流 #10023");
        assertThat(masking.queryLosesContacts("李明 13000002222")).isTrue();
        assertThat(masking.queryLosesContacts("物流  延迟")).isFalse();
        assertThat(new ContactMasking(() -> true).queryForViewer("13000002222")).isEqualTo("13000002222");
    }

    @Property(tries = 500)
    void noFiveDigitsInARowOfAPhoneNumberSurviveInAnyFormat(@ForAll("phones") Phone phone, @ForAll("prose") String before,
            @ForAll("prose") String after) {
        String masked = masking.maskText(before + phone.written() + after);
        assertThat(windowsSurviving(phone.subscriberDigits(), masked)).as(masked).isEmpty();
    }

    @Property(tries = 500)
    void nothingOfAnEmailLocalPartButItsFirstCharacterSurvives(@ForAll("anyEmails") String email, @ForAll("prose") String before,
            @ForAll("prose") String after) {
        String masked = masking.maskText(before + email + after);
        String local = email.substring(0, email.indexOf('@'));
        assertThat(masked).as(masked).doesNotContain(local.substring(1) + "@").contains("***@");
    }

    /** A phone number as someone wrote it, and the digits that identify the subscriber. */
    record Phone(String written, String subscriberDigits) {
        @Override
        public String toString() {
            return written;
        }
    }

    @Provide
    Arbitrary<Phone> phones() {
        Arbitrary<String> landlines = Combinators.combine(Arbitraries.of("010", "021", "0755", "0571"), Arbitraries.strings().numeric().ofLength(8))
                .as((area, local) -> area + local.replaceFirst("^0", "6"));
        Arbitrary<String> us = Combinators.combine(Arbitraries.integers().between(200, 999), Arbitraries.integers().between(200, 999),
                Arbitraries.strings().numeric().ofLength(4)).as((a, b, c) -> a + "" + b + c);
        Arbitrary<Phone> domestic = Combinators.combine(Arbitraries.oneOf(mobiles(), landlines), Arbitraries.of(" ", "-", ".", "/", "", " - ", "\u3000"),
                Arbitraries.of(true, false)).as((digits, sep, fullWidth) -> new Phone(fullWidth(grouped(digits, sep), fullWidth), digits));
        Arbitrary<Phone> chinaInternational = Combinators.combine(mobiles(), Arbitraries.of("+86 ", "+86", "0086 ", "+86-", "＋８６ "), Arbitraries.of(" ", "-", ""))
                .as((digits, code, sep) -> new Phone(code + grouped(digits, sep), digits));
        Arbitrary<Phone> american = Combinators.combine(us, Arbitraries.of("+1 (%s) %s-%s", "(%s) %s-%s", "+1 %s %s %s", "%s.%s.%s", "+1-%s-%s-%s"))
                .as((digits, format) -> new Phone(format.formatted(digits.substring(0, 3), digits.substring(3, 6), digits.substring(6)), digits));
        return Arbitraries.oneOf(domestic, chinaInternational, american);
    }

    @Provide
    Arbitrary<String> anyEmails() {
        Arbitrary<String> local = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('a', 'z').withChars("._0123456789").ofMinLength(2).ofMaxLength(12)
                        .filter(l -> Character.isLetterOrDigit(l.charAt(0))),
                Arbitraries.of("张三", "李小明", "müller", "jürgen.weiß", "用户", "ivan.петров"),
                Arbitraries.strings().numeric().ofLength(11));
        return Combinators.combine(local, Arbitraries.of("example.com", "例子.中国", "bücher.de", "qq.com", "mail.example.org"))
                .as((l, d) -> l + "@" + d);
    }

    /** The digits of {@code number} of which 5 in a row can be read in {@code text} (see above). */
    static java.util.List<String> windowsSurviving(String number, String text) {
        String readable = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).replaceAll("[\\s.\\-/()+\\u2010-\\u2015]", "");
        java.util.List<String> surviving = new java.util.ArrayList<>();
        for (int i = 0; i + 5 <= number.length(); i++) {
            if (readable.contains(number.substring(i, i + 5))) {
                surviving.add(number.substring(i, i + 5));
            }
        }
        return surviving;
    }

    private static String grouped(String digits, String sep) {
        return digits.length() == 11 && digits.startsWith("1")
                ? digits.substring(0, 3) + sep + digits.substring(3, 7) + sep + digits.substring(7)
                : digits.substring(0, digits.length() - 8) + sep + digits.substring(digits.length() - 8, digits.length() - 4) + sep
                        + digits.substring(digits.length() - 4);
    }

    private static String fullWidth(String text, boolean fullWidth) {
        if (!fullWidth) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == ' ' ? '\u3000' : (char) c));
        return out.toString();
    }

    private static String written(String mobile, int format) {
        return switch (format) {
            case 0 -> mobile;
            case 1 -> mobile.substring(0, 3) + " " + mobile.substring(3, 7) + " " + mobile.substring(7);
            case 2 -> mobile.substring(0, 3) + "-" + mobile.substring(3, 7) + "-" + mobile.substring(7);
            case 3 -> "+86 " + mobile;
            default -> "+86" + mobile;
        };
    }
}
