package com.steadydesk.search;

import com.steadydesk.platform.EmbeddedDatabase;
import com.steadydesk.search.internal.CrossKindSearch;
import com.steadydesk.search.internal.IndexRebuilds;
import com.steadydesk.search.internal.KindIndex;
import com.steadydesk.search.internal.KindIndexes;
import com.steadydesk.search.internal.SynonymGroups;
import com.zaxxer.hikari.HikariDataSource;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Search latency and rebuild time on synthetic Chinese/English documents (deterministic vocabulary and seed).
 * Not a test (surefire excludes *Benchmark). Two ways to run it, see docs/benchmarks/search.md:
 * <ul>
 * <li>JMH, query latency on an index of {@code documents} articles: {@code java -cp ... org.openjdk.jmh.Main SearchBenchmark}</li>
 * <li>{@link #main}: 100,000 articles + 1,000,000 tickets (times the scale argument), p50/p95/p99 of a mixed query
 * set, the full rebuild of the tickets from PostgreSQL, and the same queries as PostgreSQL ILIKE; prints Markdown.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class SearchBenchmark {

    private static final int PROGRESS_SECONDS = 15;

    /** The query mix: Chinese words and phrases, mixed, English, typos, a long question. */
    static final List<String> QUERIES = List.of("退款", "物流", "发票", "物流延迟", "退款进度", "账号被盗", "iPhone 退款", "APP 闪退",
            "refund", "delivery delay", "password reset", "refnud", "delivry", "优惠券 补偿", "订单已经签收但是商品有质量问题想退货",
            "\"物流延迟\" 补偿", "invoice", "屏幕 碎了", "会员 自动续费", "customer complaint");

    /** The kind of each query of {@link #QUERIES}, for figures per query type. */
    static final Map<String, List<String>> QUERY_TYPES = new java.util.LinkedHashMap<>();

    static {
        QUERY_TYPES.put("Chinese two-character word", List.of("退款", "物流", "发票"));
        QUERY_TYPES.put("Chinese phrase", List.of("物流延迟", "退款进度", "账号被盗"));
        QUERY_TYPES.put("two Chinese words", List.of("优惠券 补偿", "屏幕 碎了", "会员 自动续费"));
        QUERY_TYPES.put("mixed Chinese-English", List.of("iPhone 退款", "APP 闪退"));
        QUERY_TYPES.put("English", List.of("refund", "delivery delay", "password reset", "invoice", "customer complaint"));
        QUERY_TYPES.put("English typo", List.of("refnud", "delivry"));
        QUERY_TYPES.put("long Chinese question", List.of("订单已经签收但是商品有质量问题想退货"));
        QUERY_TYPES.put("quoted phrase", List.of("\"物流延迟\" 补偿"));
    }

    @Param("100000")
    public int documents;

    private Path dir;
    private KindIndexes indexes;
    private CrossKindSearch search;
    private int next;

    @Setup(Level.Trial)
    public void build() throws Exception {
        dir = Files.createTempDirectory("search-jmh");
        indexes = new KindIndexes(dir, true);
        search = CrossKindSearch.standalone(indexes, () -> SynonymGroups.NONE);
        indexInParallel(indexes.forKind("article"), new Corpus(42), "article", documents);
        indexes.refreshNow();
    }

    @TearDown(Level.Trial)
    public void close() {
        indexes.destroy();
    }

    @Benchmark
    public List<SearchHit> mixedQuery() {
        String q = QUERIES.get(Math.floorMod(next++, QUERIES.size()));
        return search.search(new SearchQuery(q, Set.of(), Map.of(), false, 20)).hits();
    }

    /** Deterministic synthetic documents from a customer-service vocabulary. */
    static final class Corpus {
        static final String[] ZH = ("退款 退货 物流 快递 延迟 发货 签收 订单 发票 优惠券 补偿 客服 投诉 质量问题 屏幕 碎了 账号 被盗 密码 "
                + "会员 自动续费 取消 闪退 崩溃 更新 版本 支付 失败 银行卡 到账 进度 审核 申请 地址 修改 电话 联系 售后 维修 换货 "
                + "赠品 积分 活动 价格 保价 差价 缺货 预售 定金 尾款 包裹 丢失 破损 拒收 上门 取件 配送 超时 催单 加急 门店 库存 "
                + "实名 认证 验证码 短信 通知 公告 故障 恢复 系统 升级 维护 道歉 安抚 理解 抱歉 尽快 处理 核实 反馈 回访 满意度 "
                + "商品 尺码 颜色 说明书 保修 发错 漏发 少件 开箱 视频 凭证 截图 手机号 绑定 解绑 注销 冻结 解冻 风控 安全").split(" ");
        static final String[] EN = ("refund return delivery delay shipping order invoice coupon compensation customer service complaint "
                + "quality screen broken account stolen password reset membership renewal cancel crash update version payment failed "
                + "card arrived progress review request address change phone contact repair exchange gift points price parcel lost "
                + "damaged pickup courier store stock verification code message notice outage restore system upgrade maintenance "
                + "apologize understand sorry soon handle check feedback callback satisfaction product size colour manual warranty "
                + "missing unboxing video proof screenshot bind unbind close frozen security iPhone APP Android login").split(" ");
        private final long seed;

        Corpus(long seed) {
            this.seed = seed;
        }

        /** Deterministic: document {@code id} is the same for the same seed, whichever thread makes it. */
        String[] generate(long id) {
            Random random = new Random(seed * 1_000_003L + id);
            boolean english = random.nextInt(10) < 3;
            String[] words = english ? EN : ZH;
            StringBuilder title = new StringBuilder();
            int titleWords = 3 + random.nextInt(4);
            for (int i = 0; i < titleWords; i++) {
                if (english && i > 0) {
                    title.append(' ');
                }
                title.append(words[random.nextInt(words.length)]);
                if (!english && random.nextInt(8) == 0) {
                    title.append(' ').append(EN[random.nextInt(EN.length)]).append(' ');
                }
            }
            StringBuilder body = new StringBuilder();
            int bodyWords = 20 + random.nextInt(50);
            for (int i = 0; i < bodyWords; i++) {
                body.append(words[random.nextInt(words.length)]);
                if (english) {
                    body.append(random.nextInt(12) == 0 ? ". " : " ");
                } else if (random.nextInt(7) == 0) {
                    body.append(random.nextBoolean() ? "，" : "。");
                }
            }
            return new String[] {title.toString().strip(), body.toString().strip(), english ? "en" : "zh"};
        }
    }

    static SearchDocument document(String kind, long id, String[] generated) {
        return new SearchDocument(kind, Long.toString(id), generated[0], generated[1], List.of(), Map.of("status", id % 3 == 0 ? "solved" : "open"),
                generated[2], "article".equals(kind) && id % 5 != 0, Instant.ofEpochSecond(1_700_000_000L + id));
    }

    static void indexInParallel(KindIndex index, Corpus corpus, String kind, int count) throws Exception {
        int threads = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        int perThread = (count + threads - 1) / threads;
        AtomicLong done = new AtomicLong();
        for (int t = 0; t < threads; t++) {
            int from = t * perThread;
            int to = Math.min(count, from + perThread);
            futures.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    index.upsert(document(kind, i, corpus.generate(i)));
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        long t0 = System.nanoTime();
        for (Future<?> f : futures) {
            // a run of 20 minutes must show that it is alive and how far it got
            while (!f.isDone()) {
                try {
                    f.get(PROGRESS_SECONDS, TimeUnit.SECONDS);
                } catch (TimeoutException stillRunning) {
                    progress("indexing " + kind, done.get(), count, t0);
                }
            }
            f.get();
        }
        pool.shutdown();
        index.commit();
        progress("indexed " + kind, done.get(), count, t0);
    }

    static void progress(String what, long done, long total, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.err.printf(Locale.ROOT, "[%tT] %s: %,d / %,d (%d %%), %.0f s, %.0f docs/s%n", System.currentTimeMillis(), what, done, total,
                total == 0 ? 100 : done * 100 / total, seconds, seconds > 0 ? done / seconds : 0);
    }

    /** Full run: {@code main [scale]}, scale 1.0 = 100,000 articles + 1,000,000 tickets. */
    public static void main(String[] args) throws Exception {
        double scale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int articles = (int) Math.round(100_000 * scale);
        int tickets = (int) Math.round(1_000_000 * scale);
        int ilikeRuns = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        // -Dsearch.bench.dir=<dir> keeps the index there and reuses it when its counts match (iterating on queries);
        // -Dsearch.bench.queriesOnly=true stops after the Lucene query figures (no PostgreSQL, no rebuild).
        String keptDir = System.getProperty("search.bench.dir");
        boolean queriesOnly = Boolean.getBoolean("search.bench.queriesOnly");
        // -Dsearch.bench.ticketsByRebuild=true indexes only the articles first; the tickets are indexed once, by the
        // timed rebuild from PostgreSQL, and the queries run afterwards: the same figures in half the time.
        boolean ticketsByRebuild = Boolean.getBoolean("search.bench.ticketsByRebuild");
        List<String[]> rows = new ArrayList<>();
        Path dir = keptDir != null ? Path.of(keptDir) : Files.createTempDirectory("search-bench");
        if (keptDir != null && !keptIndexMatches(dir, articles, tickets)) {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
        KindIndexes indexes = new KindIndexes(dir, keptDir == null);
        CrossKindSearch search = CrossKindSearch.standalone(indexes, () -> SynonymGroups.NONE);
        try {
            boolean reused = keptDir != null && keptIndexMatches(indexes, articles, tickets);
            if (reused) {
                System.err.println("Reusing the index in " + dir);
            } else {
                long t0 = System.nanoTime();
                indexInParallel(indexes.forKind("article"), new Corpus(42), "article", articles);
                int initialTickets = ticketsByRebuild ? 0 : tickets;
                if (!ticketsByRebuild) {
                    indexInParallel(indexes.forKind("ticket"), new Corpus(4242), "ticket", tickets);
                }
                indexes.refreshNow();
                double indexSeconds = (System.nanoTime() - t0) / 1e9;
                rows.add(new String[] {"Initial indexing, " + articles + " articles + " + initialTickets + " tickets (2 threads)",
                        String.format(Locale.ROOT, "%.1f s (%.0f docs/s)", indexSeconds, (articles + initialTickets) / indexSeconds)});
            }

            if (reused || !ticketsByRebuild) {
                measureQueries(search, rows);
            }
            if (queriesOnly) {
                return;
            }

            System.err.println("Loading the tickets into PostgreSQL");
            var server = EmbeddedDatabase.lease("");
            try (HikariDataSource ds = new HikariDataSource()) {
                ds.setJdbcUrl(server.jdbcUrl("searchbench", true));
                ds.setUsername(server.username());
                ds.setPassword(server.password());
                ds.setMaximumPoolSize(4);
                JdbcClient jdbc = JdbcClient.create(ds);
                jdbc.sql(new String(SearchBenchmark.class.getResourceAsStream("/db/migration/V1200__search.sql").readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8)).update();
                jdbc.sql("create table bench_tickets (id bigint primary key, title text not null, body text not null)").update();
                long load0 = System.nanoTime();
                copyTickets(ds, tickets);
                jdbc.sql("analyze bench_tickets").update();
                rows.add(new String[] {"Load " + tickets + " tickets into PostgreSQL (COPY)", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - load0) / 1e9)});

                JdbcTemplate streaming = new JdbcTemplate(ds);
                streaming.setFetchSize(2000);
                SearchSource source = new SearchSource() {
                    public String kind() { return "ticket"; }
                    public long count() { return jdbc.sql("select count(*) from bench_tickets").query(Long.class).single(); }
                    public Stream<SearchDocument> all() {
                        return streaming.queryForStream("select id, title, body from bench_tickets", (rs, n) -> new SearchDocument("ticket",
                                Long.toString(rs.getLong(1)), rs.getString(2), rs.getString(3), List.of(), Map.of("status", "open"), "zh", false, Instant.EPOCH));
                    }
                };
                IndexRebuilds rebuilds = new IndexRebuilds(indexes, new StaticListableBeanFactory(Map.of("tickets", source)).getBeanProvider(SearchSource.class),
                        new DataSourceTransactionManager(ds), jdbc, Clock.systemUTC());
                AtomicBoolean rebuilding = new AtomicBoolean(true);
                List<Double> during = new ArrayList<>();
                Thread prober = new Thread(() -> {
                    int i = 0;
                    while (rebuilding.get()) {
                        long s = System.nanoTime();
                        search.search(new SearchQuery(QUERIES.get(i++ % QUERIES.size()), Set.of(), Map.of(), false, 20));
                        synchronized (during) {
                            during.add((System.nanoTime() - s) / 1e6);
                        }
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                long r0 = System.nanoTime();
                rebuilds.start("ticket", "benchmark");
                prober.start();
                long lastProgress = System.nanoTime();
                while (rebuilds.running("ticket").isPresent()) {
                    Thread.sleep(200);
                    if (System.nanoTime() - lastProgress > PROGRESS_SECONDS * 1_000_000_000L) {
                        lastProgress = System.nanoTime();
                        rebuilds.running("ticket").ifPresent(p -> progress("rebuilding ticket", p.doneCount(), p.total(), r0));
                    }
                }
                double rebuildSeconds = (System.nanoTime() - r0) / 1e9;
                rebuilding.set(false);
                prober.join();
                var last = rebuilds.status().get("ticket");
                rows.add(new String[] {"Full rebuild of " + tickets + " tickets from PostgreSQL (" + last.status() + ", " + last.doneCount() + " docs)",
                        String.format(Locale.ROOT, "%.1f s (%.0f docs/s)", rebuildSeconds, last.doneCount() / rebuildSeconds)});
                rows.add(new String[] {"Lucene, all kinds, while the rebuild runs (" + during.size() + " queries"
                        + (reused || !ticketsByRebuild ? "" : "; the tickets' live index was still empty") + "), p50 / p95 / p99",
                        percentiles(during.stream().mapToDouble(Double::doubleValue).toArray())});
                if (!reused && ticketsByRebuild) {
                    measureQueries(search, rows);
                }

                double[] luceneTickets = latencies(search, Set.of("ticket"), 1, ilikeRuns);
                rows.add(new String[] {"Lucene, tickets only, after the rebuild, p50 / p95 / p99", percentiles(luceneTickets)});
                double[] ilikeFirst = ilike(jdbc, ilikeRuns, true);
                rows.add(new String[] {"PostgreSQL ILIKE '%word%' (every word), first 20 rows, " + ilikeRuns + " runs, p50 / p95 / p99", percentiles(ilikeFirst)});
                double[] ilikeCount = ilike(jdbc, ilikeRuns, false);
                rows.add(new String[] {"PostgreSQL ILIKE, count of all matches (what ranking would need), p50 / p95 / p99", percentiles(ilikeCount)});
            } finally {
                server.release();
            }
        } finally {
            indexes.destroy();
            printRows(scale, rows);
        }
        System.exit(0);
    }

    private static void measureQueries(CrossKindSearch search, List<String[]> rows) {
        System.err.println("Measuring queries");
        double[] all = latencies(search, Set.of(), 3, 25);
        rows.add(new String[] {"Lucene, all kinds, " + QUERIES.size() + " mixed queries x 25, p50 / p95 / p99", percentiles(all)});
        QUERY_TYPES.forEach((type, queries) -> rows.add(new String[] {"&nbsp;&nbsp;all kinds, " + type + " (" + String.join(", ", queries) + "), p50 / p95 / p99",
                percentiles(ofQueries(all, queries))}));
        double[] publicOnly = latencies(search, Set.of("article"), 1, 10, true);
        rows.add(new String[] {"Lucene, public help-center search (articles, public only), p50 / p95 / p99", percentiles(publicOnly)});
        double[] ticketOnly = latencies(search, Set.of("ticket"), 1, 10);
        rows.add(new String[] {"Lucene, tickets only, p50 / p95 / p99", percentiles(ticketOnly)});
    }

    private static void printRows(double scale, List<String[]> rows) {
        System.out.println();
        System.out.println("| Search benchmark (scale " + scale + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB heap) | Result |");
        System.out.println("| --- | --- |");
        for (String[] row : rows) {
            System.out.println("| " + row[0] + " | " + row[1] + " |");
        }
    }

    private static boolean keptIndexMatches(Path dir, int articles, int tickets) throws Exception {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        KindIndexes indexes = new KindIndexes(dir, false);
        try {
            return keptIndexMatches(indexes, articles, tickets);
        } finally {
            indexes.destroy();
        }
    }

    private static boolean keptIndexMatches(KindIndexes indexes, int articles, int tickets) throws Exception {
        return indexes.existing("article") != null && indexes.existing("ticket") != null
                && indexes.existing("article").documentCount() == articles && indexes.existing("ticket").documentCount() == tickets;
    }

    /** The latencies of the given queries out of a run of {@link #latencies} (rounds of the whole mix in order). */
    private static double[] ofQueries(double[] latencies, List<String> queries) {
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < latencies.length; i++) {
            if (queries.contains(QUERIES.get(i % QUERIES.size()))) {
                out.add(latencies[i]);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] latencies(CrossKindSearch search, Set<String> kinds, int warmupRounds, int rounds) {
        return latencies(search, kinds, warmupRounds, rounds, false);
    }

    private static double[] latencies(CrossKindSearch search, Set<String> kinds, int warmupRounds, int rounds, boolean publicOnly) {
        for (int r = 0; r < warmupRounds; r++) {
            for (String q : QUERIES) {
                search.search(new SearchQuery(q, kinds, Map.of(), publicOnly, 20));
            }
        }
        double[] out = new double[rounds * QUERIES.size()];
        int i = 0;
        for (int r = 0; r < rounds; r++) {
            for (String q : QUERIES) {
                long s = System.nanoTime();
                search.search(new SearchQuery(q, kinds, Map.of(), publicOnly, 20));
                out[i++] = (System.nanoTime() - s) / 1e6;
            }
        }
        return out;
    }

    private static double[] ilike(JdbcClient jdbc, int runs, boolean firstPage) {
        double[] out = new double[runs * QUERIES.size()];
        int i = 0;
        for (int r = 0; r < runs; r++) {
            for (String q : QUERIES) {
                String[] words = q.replace("\"", " ").trim().split("\\s+");
                StringBuilder sql = new StringBuilder(firstPage ? "select id, title from bench_tickets where true" : "select count(*) from bench_tickets where true");
                for (int w = 0; w < words.length; w++) {
                    sql.append(" and (title ilike :w").append(w).append(" or body ilike :w").append(w).append(')');
                }
                if (firstPage) {
                    sql.append(" limit 20");
                }
                var statement = jdbc.sql(sql.toString());
                for (int w = 0; w < words.length; w++) {
                    statement = statement.param("w" + w, "%" + words[w] + "%");
                }
                long s = System.nanoTime();
                statement.query().listOfRows();
                out[i++] = (System.nanoTime() - s) / 1e6;
            }
        }
        return out;
    }

    private static void copyTickets(HikariDataSource ds, int tickets) throws Exception {
        Corpus corpus = new Corpus(4242);
        try (Connection c = ds.getConnection()) {
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder batch = new StringBuilder();
            for (int i = 0; i < tickets; i++) {
                String[] doc = corpus.generate(i);
                batch.append(i).append('\t').append(doc[0]).append('\t').append(doc[1]).append('\n');
                if (batch.length() > 8_000_000 || i == tickets - 1) {
                    copy.copyIn("copy bench_tickets (id, title, body) from stdin", new StringReader(batch.toString()));
                    batch.setLength(0);
                }
            }
        }
    }

    private static String percentiles(double[] millis) {
        if (millis.length == 0) {
            return "n/a";
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.1f / %.1f / %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
    }

    private static double at(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}
