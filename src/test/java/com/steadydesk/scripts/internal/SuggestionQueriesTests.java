package com.steadydesk.scripts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SuggestionQueriesTests {

    @Test
    void dropsFillerAndKeepsTopicKeywordsAndChunks() {
        assertThat(SuggestionQueries.of("请问我的猕猴桃退款什么时候到账啊？")).containsExactly(
                new SuggestionQueries.Query("猕猴桃退款 到账", 1f), new SuggestionQueries.Query("退款 到账", 0.5f));
        assertThat(SuggestionQueries.of("When do I get my refund? It has been a week.")).extracting(SuggestionQueries.Query::text)
                .containsExactly("refund week", "refund");
        assertThat(SuggestionQueries.of("How do I change my address?")).extracting(SuggestionQueries.Query::text).containsExactly("change address");
        assertThat(SuggestionQueries.of("？？")).isEmpty();
    }

    @Test
    void keepsATopicKeywordOnceWhenAnotherHoldsIt() {
        assertThat(SuggestionQueries.of("I want to make a complaint about your service")).extracting(SuggestionQueries.Query::text)
                .containsExactly("complaint service", "complaint");
    }

    @Test
    void classifiesMessagesByTopic() {
        assertThat(TopicClassifier.classify("我的退款什么时候到账")).isEqualTo("refund");
        assertThat(TopicClassifier.classify("App 一直闪退，登录不了")).isEqualTo("technical-fault");
        assertThat(TopicClassifier.classify("Where is my parcel? No tracking yet")).isEqualTo("order-status");
        assertThat(TopicClassifier.classify("今天天气不错")).isNull();
    }
}
