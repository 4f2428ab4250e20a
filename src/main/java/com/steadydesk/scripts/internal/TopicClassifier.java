package com.steadydesk.scripts.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small keyword classifier: which top-level category a customer's message is most likely about. Used to rank
 * suggestions and to remember on what kind of ticket a script was used ("past use on similar tickets").
 */
public final class TopicClassifier {

    static final Map<String, List<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put("refund", List.of("退款", "退货", "退钱", "售后", "换货", "退回", "到账", "refund", "return", "money back", "reimburse"));
        KEYWORDS.put("order-status", List.of("订单", "物流", "快递", "发货", "到哪", "没收到", "还没到", "单号", "配送", "order", "tracking",
                "shipped", "shipping", "delivery", "parcel", "package", "arrive"));
        KEYWORDS.put("technical-fault", List.of("登录", "登不上", "打不开", "崩溃", "报错", "闪退", "故障", "无法", "支付失败", "卡住", "白屏",
                "login", "log in", "error", "crash", "down", "not working", "bug", "outage", "can't access", "cannot access"));
        KEYWORDS.put("complaint", List.of("投诉", "差评", "曝光", "12315", "律师", "媒体", "举报", "经理", "complain", "complaint",
                "unacceptable", "lawyer", "manager", "report you", "escalate"));
        KEYWORDS.put("soothing", List.of("生气", "失望", "太差", "气死", "垃圾", "骗子", "着急", "急死", "受不了", "angry", "furious",
                "disappointed", "ridiculous", "terrible", "worst", "fed up", "upset"));
    }

    private TopicClassifier() {
    }

    /** The best-matching top-level category code, or null when no keyword matches. */
    public static String classify(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String best = null;
        int bestHits = 0;
        for (var entry : KEYWORDS.entrySet()) {
            int hits = 0;
            for (String keyword : entry.getValue()) {
                if (lower.contains(keyword)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                bestHits = hits;
                best = entry.getKey();
            }
        }
        return best;
    }
}
