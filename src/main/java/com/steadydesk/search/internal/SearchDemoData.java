package com.steadydesk.search.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Demo synonyms that a Chinese support team would set up first; only when there are none. */
@Component
@Order(1200)
@ConditionalOnProperty(name = "steadydesk.demo-data", havingValue = "true")
class SearchDemoData implements ApplicationRunner {

    private final Synonyms synonyms;
    private final JdbcClient jdbc;

    SearchDemoData(Synonyms synonyms, JdbcClient jdbc) {
        this.synonyms = synonyms;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from search_synonyms").query(Long.class).single() > 0) {
            return;
        }
        for (String group : new String[] {
                "退款, 退钱, 返款, 退费",
                "物流, 快递, 配送",
                "闪退, 崩溃, 打不开",
                "优惠券, 代金券, 红包",
                "发票, 开票",
                "客服, 人工, 在线客服",
                "refund, money back, reimbursement",
                "delivery, shipping, shipment",
                "crash, force close"}) {
            synonyms.add(group, "system");
        }
    }
}
