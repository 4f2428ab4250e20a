package com.steadydesk.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactPointTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13812345678          | 13812345678
            138 1234 5678        | 13812345678
            138-1234-5678        | 13812345678
            +86 138 1234 5678    | 13812345678
            (+86) 138-1234-5678  | 13812345678
            0086 138 1234 5678   | 13812345678
            8613812345678        | 13812345678
            010-62345678         | 01062345678
            +44 7700 900123      | +447700900123
            0044 7700 900123     | +447700900123
            """)
    void findsAPhoneByItsDigitsWithoutTheChinesePrefix(String written, String lookup) {
        assertThat(ContactPoint.phone(written).lookup()).isEqualTo(lookup);
        assertThat(ContactPoint.phone(written).value()).isEqualTo(written.strip());
    }

    @Test
    void findsAnEmailRegardlessOfLetterCase() {
        ContactPoint email = ContactPoint.email("  Zhang.Wei@Example.CN ");
        assertThat(email.value()).isEqualTo("Zhang.Wei@Example.CN");
        assertThat(email.lookup()).isEqualTo("zhang.wei@example.cn");
    }

    @Test
    void rejectsWhatIsNotAnEmailOrAPhone() {
        assertThatThrownBy(() -> ContactPoint.email("zhang@localhost")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactPoint.email("two@at@example.com")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactPoint.phone("138****5678")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactPoint.phone("call me")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContactPoint.phone("12")).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void aMobileIsFoundHoweverItIsWritten(@ForAll("mobiles") String mobile, @ForAll("prefixes") String prefix,
            @ForAll("separators") String separator) {
        String written = prefix + mobile.substring(0, 3) + separator + mobile.substring(3, 7) + separator + mobile.substring(7);
        assertThat(ContactPoint.phone(written).lookup()).isEqualTo(mobile);
        assertThat(ContactPoint.phoneLookup(ContactPoint.phoneLookup(written))).isEqualTo(mobile);
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Arbitraries.strings().numeric().ofLength(9).flatMap(rest ->
                Arbitraries.integers().between(3, 9).map(second -> "1" + second + rest));
    }

    @Provide
    Arbitrary<String> prefixes() {
        return Arbitraries.of("", "+86", "+86 ", "+86-", "0086", "0086 ", "86", "(+86) ");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", ".");
    }
}
