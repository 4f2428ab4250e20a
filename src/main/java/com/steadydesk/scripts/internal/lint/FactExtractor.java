package com.steadydesk.scripts.internal.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Extracts durations (3-5个工作日, 7天, 24小时, "within 7 days", "3-5 business days"), amounts (¥50, 50元, 50 yuan) and
 * dates (3月15日, 2026-03-15, March 15) from a script, each with the topic of the nearest topic keyword in its sentence
 * (退款/refund, 发货/shipping, 补偿/compensation...) or, failing that, the topic of the script's category.
 */
public final class FactExtractor {

    /** Topic → keywords (Chinese and English, lower case). */
    static final Map<String, List<String>> TOPICS = new LinkedHashMap<>();

    static {
        TOPICS.put("refund", List.of("退款", "退货", "退钱", "到账", "原路退回", "refund", "money back", "return"));
        TOPICS.put("shipping", List.of("发货", "配送", "物流", "快递", "送达", "到货", "ship", "deliver", "dispatch", "courier", "parcel"));
        TOPICS.put("compensation", List.of("补偿", "赔偿", "优惠券", "代金券", "红包", "compensat", "coupon", "voucher"));
        TOPICS.put("restore", List.of("恢复", "修复", "restor", "back online", "back to normal", "fixed"));
        TOPICS.put("reply", List.of("回复", "回电", "答复", "回访", "联系您", "get back to you", "reply", "call you back", "respond"));
    }

    /** The topic a category stands for when a sentence names none. */
    static final Map<String, String> CATEGORY_TOPICS = Map.of("refund", "refund", "order-status", "shipping",
            "technical-fault", "restore", "complaint", "reply", "soothing", "reply");

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/年](\\d{1,2})[-/月](\\d{1,2})[日号]?|()(\\d{1,2})月(\\d{1,2})[日号]"
            + "|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+(\\d{1,2})(?!\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile(NUMBER + "(?:\\s*(?:[-~～–—至到]|to)\\s*" + NUMBER + ")?\\s*(?:个)?\\s*"
            + "(工作日|个工作日|自然日|天|日|小时|分钟|周|星期|个月|business days?|working days?|days?|hours?|hrs?|minutes?|mins?|weeks?|months?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AMOUNT = Pattern.compile("[¥￥]\\s*" + NUMBER + "|(?:rmb|cny)\\s*" + NUMBER + "|" + NUMBER
            + "\\s*(元|块|yuan|rmb|cny)", Pattern.CASE_INSENSITIVE);
    private static final String[] MONTHS = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};

    private FactExtractor() {
    }

    public static List<Fact> extract(String text, String rootCategory) {
        var facts = new ArrayList<Fact>();
        if (text == null) {
            return facts;
        }
        // placeholders such as {{days}} are not facts; blank them so that "{{days}} 个工作日" states nothing
        String plain = text.replaceAll("\\{\\{[^{}]*}}", " ");
        for (String sentence : plain.split("[。！？!?；;\\n]|\\.(?=\\s|$)")) {
            if (sentence.isBlank()) {
                continue;
            }
            String lower = sentence.toLowerCase(Locale.ROOT);
            StringBuilder masked = new StringBuilder(lower);
            Matcher date = DATE.matcher(lower);
            while (date.find()) {
                String value = date.group(2) != null ? pad(date.group(2)) + "-" + pad(date.group(3))
                        : date.group(5) != null ? pad(date.group(5)) + "-" + pad(date.group(6)) : month(date.group(7)) + "-" + pad(date.group(8));
                add(facts, sentence, lower, date.start(), "date", value, rootCategory);
                mask(masked, date.start(), date.end());
            }
            Matcher amount = AMOUNT.matcher(masked);
            while (amount.find()) {
                String number = amount.group(1) != null ? amount.group(1) : amount.group(2) != null ? amount.group(2) : amount.group(3);
                add(facts, sentence, lower, amount.start(), "amount", trim(Double.parseDouble(number)) + "CNY", rootCategory);
                mask(masked, amount.start(), amount.end());
            }
            Matcher duration = DURATION.matcher(masked);
            while (duration.find()) {
                add(facts, sentence, lower, duration.start(), "duration", duration(duration.group(1), duration.group(2), duration.group(3)), rootCategory);
            }
        }
        return facts;
    }

    private static void add(List<Fact> facts, String sentence, String lower, int at, String dimension, String value, String rootCategory) {
        String topic = nearestTopic(lower, at);
        if (topic == null) {
            topic = rootCategory == null ? null : CATEGORY_TOPICS.get(rootCategory); // Map.of refuses a null key
        }
        if (topic != null) {
            String excerpt = sentence.strip();
            facts.add(new Fact(topic, dimension, value, excerpt.length() > 280 ? excerpt.substring(0, 280) : excerpt));
        }
    }

    private static String nearestTopic(String sentence, int at) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (var topic : TOPICS.entrySet()) {
            for (String keyword : topic.getValue()) {
                int i = sentence.indexOf(keyword);
                while (i >= 0) {
                    int distance = Math.abs(i - at);
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = topic.getKey();
                    }
                    i = sentence.indexOf(keyword, i + 1);
                }
            }
        }
        return best;
    }

    /** Normalises to working days ("wd") or hours ("h"); a range keeps both ends: "3-5wd". */
    static String duration(String from, String to, String unit) {
        String u = unit.toLowerCase(Locale.ROOT);
        double factor;
        String suffix = "h";
        if (u.contains("工作日") || u.startsWith("business") || u.startsWith("working")) {
            factor = 1;
            suffix = "wd";
        } else if (u.equals("天") || u.equals("日") || u.equals("自然日") || u.startsWith("day")) {
            factor = 24;
        } else if (u.equals("小时") || u.startsWith("hour") || u.startsWith("hr")) {
            factor = 1;
        } else if (u.equals("分钟") || u.startsWith("min")) {
            factor = 1.0 / 60;
        } else if (u.equals("周") || u.equals("星期") || u.startsWith("week")) {
            factor = 168;
        } else {
            factor = 720;
        }
        String low = trim(Double.parseDouble(from) * factor);
        return to == null ? low + suffix : low + "-" + trim(Double.parseDouble(to) * factor) + suffix;
    }

    private static void mask(StringBuilder sb, int start, int end) {
        for (int i = start; i < end; i++) {
            sb.setCharAt(i, ' ');
        }
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.2f", d).replaceAll("0+$", "");
    }

    private static String pad(String n) {
        return n.length() == 1 ? "0" + n : n;
    }

    private static String month(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (name.toLowerCase(Locale.ROOT).startsWith(MONTHS[i])) {
                return pad(String.valueOf(i + 1));
            }
        }
        return "00";
    }
}
