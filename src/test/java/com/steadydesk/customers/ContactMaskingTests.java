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
            +86 138 1234 5678  | +86 138****5678
            +8613812345678     | +86 138****5678
            0086 13812345678   | +86 138****5678
            010-12345678       | 010****5678
            (021) 5550123      | 02******23
            +1 415 555 0142    | +141****0142
            12345678           | 12****78
            110                | ***
            """)
    void masksPhonesKeepingTheFirstThreeAndLastFourDigitsOfLongNumbers(String phone, String masked) {
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
                "您好，我的手机是138****5678，备用 +86 139****1111，座机010****5678，邮箱 z***@example.com，订单号 20231115123456789。");
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
        String digits = masked.replace("+86 ", "").replaceAll("\\D", "");
        assertThat(digits).isEqualTo(mobile.substring(0, 3) + mobile.substring(7));
        assertThat(masked).endsWith(mobile.substring(0, 3) + "****" + mobile.substring(7));
    }

    @Property
    void maskedTextNeverContainsAWholeMobileNumberItHid(@ForAll("mobiles") String mobile, @ForAll("formats") int format,
            @ForAll("prose") String before, @ForAll("prose") String after) {
        String masked = masking.maskText(before + written(mobile, format) + after);
        assertThat(masked.replaceAll("[^0-9*]", "")).doesNotContain(mobile.substring(3, 7) + mobile.substring(7));
        assertThat(masked).contains(mobile.substring(0, 3) + "****" + mobile.substring(7)).startsWith(before).endsWith(after);
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
        return piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces));
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
