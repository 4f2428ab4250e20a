package com.steadydesk.scripts.internal.lint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FactExtractorTests {

    @Test
    void extractsDurationsInChineseAndEnglish() {
        assertThat(FactExtractor.extract("退款会在3-5个工作日内原路退回。", "refund")).extracting(Fact::key, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("refund/duration", "3-5wd"));
        assertThat(FactExtractor.extract("Refunds arrive within 3-5 business days.", null)).extracting(Fact::value).containsExactly("3-5wd");
        assertThat(FactExtractor.extract("包裹会在24小时内发货。", null)).extracting(Fact::key, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shipping/duration", "24h"));
        assertThat(FactExtractor.extract("Your refund arrives within 7 days.", null)).extracting(Fact::value).containsExactly("168h");
        assertThat(FactExtractor.extract("We ship within 1 day.", null)).extracting(Fact::value).containsExactly("24h");
    }

    @Test
    void extractsAmountsAndDates() {
        assertThat(FactExtractor.extract("作为补偿，我们将发放¥20优惠券。", null)).extracting(Fact::key, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("compensation/amount", "20CNY"));
        assertThat(FactExtractor.extract("We send a 20 yuan coupon as compensation.", null)).extracting(Fact::value).containsExactly("20CNY");
        assertThat(FactExtractor.extract("预计3月15日发货。", null)).extracting(Fact::key, Fact::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("shipping/date", "03-15"));
        assertThat(FactExtractor.extract("Shipping resumes on March 15.", null)).extracting(Fact::value).containsExactly("03-15");
    }

    @Test
    void ignoresPlaceholdersAndNumbersWithoutATopic() {
        assertThat(FactExtractor.extract("订单会在 {{days}} 个工作日内发货。", "order-status")).isEmpty();
        assertThat(FactExtractor.extract("我们有3位同事值班。", null)).isEmpty();
        assertThat(FactExtractor.extract("请在7天内完成。", "transition")).isEmpty();
    }

    @Test
    void usesTheCategoryWhenTheSentenceNamesNoTopic() {
        assertThat(FactExtractor.extract("款项会在7天内到卡。", "refund")).extracting(Fact::key).containsExactly("refund/duration");
    }
}
