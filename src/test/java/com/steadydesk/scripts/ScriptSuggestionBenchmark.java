package com.steadydesk.scripts;

import com.steadydesk.identity.Role;
import com.steadydesk.scripts.ScriptManagement.SuggestionRequest;
import com.steadydesk.scripts.internal.ScriptImport;
import com.steadydesk.scripts.internal.ScriptIndexing;
import com.steadydesk.scripts.internal.SuggestionCandidates;
import com.steadydesk.scripts.internal.SuggestionQueries;
import com.steadydesk.scripts.internal.TopicClassifier;
import com.steadydesk.search.SearchQuery;
import com.steadydesk.search.SearchIndex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmark (not a test; excluded from the build): imports a generated library of 10,000 scripts from CSV, then measures
 * the latency of suggestions for customer messages. Run with
 * {@code ./mvnw -B -o test -Dtest=ScriptSuggestionBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; figures go to
 * docs/benchmarks.md.
 */
@SpringBootTest
class ScriptSuggestionBenchmark {

    static final int SCRIPTS = 10_000;
    /** JIT warm-up before measuring; -Dbench.warmup=N sets it (steady state needs a few thousand). */
    static final int WARM_UP = Integer.getInteger("bench.warmup", 3_000);
    static final int MEASURED = 2_000;

    @Autowired
    ScriptImport imports;
    @Autowired
    ScriptIndexing indexing;
    @Autowired
    SearchIndex searchIndex;
    @Autowired
    ScriptManagement scripts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SuggestionCandidates candidates;

    static final String[] CATEGORIES = {"order-status", "refund", "technical-fault", "complaint", "soothing", "transition"};
    static final String[] ZH_TOPICS = {"退款", "退货", "发货", "物流", "快递", "登录", "闪退", "支付", "投诉", "优惠券", "补偿", "地址", "发票", "会员", "积分",
            "换货", "维修", "预约", "账号", "密码"};
    static final String[] ZH_WORDS = {"进度", "说明", "处理", "延迟", "失败", "到账", "查询", "流程", "申请", "审核", "问题", "安排", "通知", "变更", "恢复"};
    static final String[] EN_TOPICS = {"refund", "return", "shipping", "parcel", "login", "crash", "payment", "complaint", "coupon", "address",
            "invoice", "membership", "points", "exchange", "repair", "booking", "account", "password"};
    static final String[] EN_WORDS = {"status", "delay", "failure", "request", "review", "update", "notice", "change", "timing", "process"};

    @Test
    void suggestionsOverTenThousandScripts() throws Exception {
        var random = new Random(42);
        var csv = new StringBuilder("title,category,language,body,tags,audience,placeholders\n");
        for (int i = 0; i < SCRIPTS; i++) {
            boolean zh = i % 3 != 0;
            String topic = zh ? pick(random, ZH_TOPICS) : pick(random, EN_TOPICS);
            String word = zh ? pick(random, ZH_WORDS) : pick(random, EN_WORDS);
            String title = zh ? topic + word + " " + i : topic + " " + word + " " + i;
            String body = zh
                    ? "{{customer.name}}您好，关于您的" + topic + word + "，订单 {{order_no}} 我们正在" + pick(random, ZH_WORDS) + "，" + pick(random, ZH_TOPICS)
                            + "相关的进展会在工单里告诉您。"
                    : "Hi {{customer.name}}, about your " + topic + " " + word + " for order {{order_no}}: we are working on the " + pick(random, EN_WORDS)
                            + " and will post any " + pick(random, EN_TOPICS) + " news on this ticket.";
            csv.append('"').append(title).append("\",").append(CATEGORIES[i % CATEGORIES.length]).append(',').append(zh ? "zh-CN" : "en")
                    .append(",\"").append(body).append("\",").append(topic).append(",ALL,order_no|Order|required\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        long t0 = System.nanoTime();
        long importId = imports.upload("bench.csv", file, "bench");
        List<ScriptImport.Row> preview = imports.preview(importId);
        long t1 = System.nanoTime();
        imports.commit(importId, "bench");
        long t2 = System.nanoTime();
        if (preview.stream().anyMatch(r -> !r.valid())) {
            throw new IllegalStateException("generated rows must be valid");
        }

        // approval of 10,000 drafts by hand is not what is measured: approve them in one statement, then index them
        jdbc.sql("update scripts set status = 'APPROVED', approved_version = working_version where owner = 'bench'").update();
        long t3 = System.nanoTime();
        try (var docs = indexing.all()) {
            docs.forEach(searchIndex::index);
        }
        searchIndex.refreshNow();
        long t4 = System.nanoTime();

        String[] messages = {"请问我的退款什么时候到账？已经等了一周了", "快递三天了还没发货，物流也查不到", "App 一直闪退，登录不了怎么办", "我要投诉，你们的服务太差了",
                "优惠券怎么还没有补偿给我", "When will I get my refund? It has been a week.", "My parcel has not shipped yet, where is it?",
                "I cannot log in, the app keeps crashing", "I want to make a complaint about your service", "How do I change my address?"};
        double[][] perMessage = new double[messages.length][MEASURED / messages.length];
        // CPU time of this thread too: on a machine shared with other builds the wall time mostly measures the wait
        // for a core, the CPU time what a suggestion costs (the database's share is not in it; it is cached anyway)
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] cpu = new double[MEASURED];
        double[] latencies = ScriptsTestSupport.as("bench.agent", Role.AGENT, () -> {
            for (int i = 0; i < WARM_UP; i++) {
                scripts.suggestions(new SuggestionRequest(messages[i % messages.length], i % 2 == 0, null, 5));
            }
            double[] ms = new double[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                var result = scripts.suggestions(new SuggestionRequest(messages[i % messages.length], i % 2 == 0, null, 5));
                ms[i] = (System.nanoTime() - s) / 1e6;
                cpu[i] = (threads.getCurrentThreadCpuTime() - c) / 1e6;
                perMessage[i % messages.length][i / messages.length] = ms[i];
                if (result.isEmpty()) {
                    throw new IllegalStateException("no suggestion for " + messages[i % messages.length]);
                }
            }
            return ms;
        });
        Arrays.sort(latencies);
        var report = new ArrayList<String>();
        report.add("scripts imported: " + SCRIPTS);
        report.add(String.format("import: preview (parse + check) %.2f s, write %.2f s, total %.2f s", (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t2 - t0) / 1e9));
        report.add(String.format("bulk approve %.2f s, index %.2f s", (t3 - t2) / 1e9, (t4 - t3) / 1e9));
        report.add(String.format("suggestions (%d measured after %d warm-up): p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms", MEASURED, WARM_UP,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99), latencies[latencies.length - 1]));
        Arrays.sort(cpu);
        report.add(String.format("suggestions CPU time of the calling thread: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms", percentile(cpu, 50),
                percentile(cpu, 95), percentile(cpu, 99)));
        report.addAll(phases(messages));
        // per message: which kind of message is expensive
        for (int m = 0; m < messages.length; m++) {
            Arrays.sort(perMessage[m]);
            report.add(String.format("  p50 %.2f ms, p95 %.2f ms  %s", percentile(perMessage[m], 50), percentile(perMessage[m], 95), messages[m]));
        }
        report.forEach(line -> System.out.println("BENCHMARK " + line));
    }

    /** Median time of each step of a suggestion, per message: the search queries, then visibility and usage (in memory once read). */
    List<String> phases(String[] messages) {
        var lines = new ArrayList<String>();
        int rounds = 100;
        for (String message : messages) {
            var queries = SuggestionQueries.of(message);
            double[][] rankMs = new double[queries.size()][rounds];
            double[] visibleMs = new double[rounds];
            double[] usageMs = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                var ids = new java.util.LinkedHashSet<Long>();
                for (int q = 0; q < queries.size(); q++) {
                    long s = System.nanoTime();
                    searchIndex.rank(new SearchQuery(queries.get(q).text(), Set.of(ScriptIndexing.KIND), Map.of("status", "approved"), false, 12))
                            .forEach(h -> ids.add(Long.parseLong(h.id())));
                    rankMs[q][r] = (System.nanoTime() - s) / 1e6;
                }
                long s = System.nanoTime();
                candidates.visible(ids);
                visibleMs[r] = (System.nanoTime() - s) / 1e6;
                s = System.nanoTime();
                candidates.usageCounts(ids, TopicClassifier.classify(message));
                usageMs[r] = (System.nanoTime() - s) / 1e6;
            }
            var line = new StringBuilder("  phases of ").append(message).append(':');
            for (int q = 0; q < queries.size(); q++) {
                Arrays.sort(rankMs[q]);
                line.append(String.format(" rank[%s] %.2f ms;", queries.get(q).text(), percentile(rankMs[q], 50)));
            }
            Arrays.sort(visibleMs);
            Arrays.sort(usageMs);
            line.append(String.format(" visible %.2f ms; usage %.2f ms", percentile(visibleMs, 50), percentile(usageMs, 50)));
            lines.add(line.toString());
        }
        return lines;
    }

    static double percentile(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }
}
