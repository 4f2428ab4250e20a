package com.steadydesk.inbox;

import com.steadydesk.SteadyDeskApplication;
import com.steadydesk.identity.UserManagement;
import com.steadydesk.identity.UserSummary;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load run of ticket intake over the REST API and of the inbox's first page at a million tickets. Not a test:
 * it starts SteadyDesk on an embedded PostgreSQL, sends POST /api/v1/tickets at a fixed rate (open loop: latency is
 * measured from the moment a request was due, so a stalled server cannot hide its queue), then seeds tickets up to
 * the target count and times the first page of every view in the server. Prints a Markdown table.
 * <p>
 * Run: {@code ./mvnw -q process-test-classes && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Xmx4g -cp target/test-classes:target/classes:$(cat target/cp.txt) com.steadydesk.inbox.IntakeLoadBenchmark [rate] [seconds] [tickets] [warm-up seconds]}
 */
public class IntakeLoadBenchmark {

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int tickets = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        // the JIT needs about two minutes of load before intake reaches its steady cost per ticket
        int warmUpSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 120;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SteadyDeskApplication.class)
                .profiles("test")
                // command-line arguments: they outrank application.yml and the test profile
                .run("--server.port=0", "--steadydesk.demo-data=false", "--logging.level.root=WARN",
                        "--steadydesk.embedded-db.pool-size=40", "--server.tomcat.threads.max=48");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String token = tokenForAdmin(app);
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
            var uri = URI.create("http://localhost:" + port + "/api/v1/tickets");
            System.out.println("warm-up: " + warmUpSeconds + " s at " + Math.max(50, rate / 2) + "/s ...");
            drive(client, uri, token, Math.max(50, rate / 2), warmUpSeconds, "warmup");
            System.out.println("measuring " + rate + "/s for " + seconds + " s ...");
            Result intake = drive(client, uri, token, rate, seconds, "run");
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long before = jdbc.sql("select count(*) from tickets").query(Long.class).single();
            seed(jdbc, tickets - before);
            List<String> pages = timeFirstPages(app);
            System.out.println();
            System.out.println("| what | figure |");
            System.out.println("| --- | --- |");
            System.out.printf(Locale.ROOT, "| intake offered | %d tickets/s for %d s |%n", rate, seconds);
            System.out.printf(Locale.ROOT, "| intake achieved | %.0f tickets/s (%d created, %d errors, %d not sent: client limit) |%n",
                    intake.ok / (double) seconds, intake.ok, intake.errors, intake.dropped);
            System.out.printf(Locale.ROOT, "| intake latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |%n",
                    intake.pct(50), intake.pct(95), intake.pct(99), intake.pct(100));
            pages.forEach(System.out::println);
        } finally {
            app.close();
        }
        System.exit(0); // the HTTP client's worker threads would keep the JVM alive
    }

    private static String tokenForAdmin(ConfigurableApplicationContext app) {
        var users = app.getBean(UserManagement.class);
        UserSummary admin = users.findByUsername("admin").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                admin.username(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            return users.issueToken("load run", null).secret();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record Result(int ok, int errors, int dropped, double[] latenciesMs) {
        double pct(double p) {
            if (latenciesMs.length == 0) return Double.NaN;
            int i = (int) Math.ceil(p / 100.0 * latenciesMs.length) - 1;
            return latenciesMs[Math.max(0, Math.min(latenciesMs.length - 1, i))];
        }
    }

    private static Result drive(HttpClient client, URI uri, String token, int rate, int seconds, String tag) throws InterruptedException {
        int total = rate * seconds;
        long interval = 1_000_000_000L / rate;
        var inFlight = new Semaphore(512);
        var latencies = new ConcurrentLinkedQueue<Double>();
        var ok = new AtomicInteger();
        var errors = new AtomicInteger();
        var dropped = new AtomicInteger();
        var done = new CountDownLatch(total);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            if (!inFlight.tryAcquire()) {
                dropped.incrementAndGet();
                done.countDown();
                continue;
            }
            String body = """
                    {"subject":"订单 %d 还没发货 / order not shipped","body":"你好，我的订单三天了还没有发货，请帮忙查一下。Order placed three days ago.",
                     "requester":{"email":"load-%s-%d@example.cn","name":"压测客户 %d"},"channel":"API","tags":["物流"]}"""
                    .formatted(i, tag, i % 5000, i % 5000);
            var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies.add((System.nanoTime() - due) / 1e6);
                if (failure == null && response.statusCode() == 201) ok.incrementAndGet(); else errors.incrementAndGet();
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Result(ok.get(), errors.get(), dropped.get(), sorted);
    }

    /** Bulk-inserts tickets straight into the table, spread over statuses, assignees, tags, VIP tiers and a year of updates. */
    private static void seed(JdbcClient jdbc, long count) {
        if (count <= 0) return;
        System.out.println("seeding " + count + " tickets ...");
        long t0 = System.nanoTime();
        Long[] customers = jdbc.sql("select distinct customer_id from tickets").query(Long.class).list().toArray(Long[]::new);
        Long[] agents = jdbc.sql("select id from users").query(Long.class).list().toArray(Long[]::new);
        long chunk = 100_000;
        for (long done = 0; done < count; done += chunk) {
            long n = Math.min(chunk, count - done);
            jdbc.sql("""
                    insert into tickets (subject, status, priority, channel, customer_id, requester_vip_tier, assignee_id, tags,
                                         created_at, updated_at, sla_state, sla_next_due_at)
                    select '历史工单 ' || g || ' 退款/物流问题',
                           (array['NEW','OPEN','PENDING','ON_HOLD','SOLVED','CLOSED','CLOSED','SOLVED'])[1 + g % 8],
                           (array['LOW','NORMAL','NORMAL','HIGH','URGENT'])[1 + g % 5],
                           (array['EMAIL','WEB','CHAT','API','PHONE'])[1 + g % 5],
                           (:customers)[1 + g % cardinality(:customers)],
                           case when g % 50 = 0 then 'GOLD' else 'NONE' end,
                           case when g % 3 = 0 then null else (:agents)[1 + g % cardinality(:agents)] end,
                           case g % 4 when 0 then array['物流'] when 1 then array['退款','投诉'] when 2 then array['故障'] else '{}'::text[] end,
                           now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                           now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                           case when g % 97 = 0 then 'BREACHED' when g % 89 = 0 then 'AT_RISK' else 'NONE' end,
                           case when g % 97 = 0 or g % 89 = 0 then now() + (g % 600) * interval '1 minute' end
                    from generate_series(1, :n) g""")
                    .param("customers", customers).param("agents", agents).param("n", n).update();
        }
        jdbc.sql("analyze tickets").update();
        System.out.printf(Locale.ROOT, "seeded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** Server time of the first page of each view, measured on TicketManagement.list (what the list page and API call). */
    private static List<String> timeFirstPages(ConfigurableApplicationContext app) {
        var tickets = app.getBean(TicketManagement.class);
        var users = app.getBean(UserManagement.class);
        long total = app.getBean(JdbcClient.class).sql("select count(*) from tickets").query(Long.class).single();
        var agent = users.findByUsername("admin").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                agent.username(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        List<String> rows = new ArrayList<>();
        try {
            for (InboxView view : InboxView.values()) {
                var query = new InboxQuery(view, view == InboxView.TAG ? "退款" : null, null, null, null, null, null, null, null,
                        agent.id(), InboxQuery.PAGE_SIZE);
                for (int i = 0; i < 20; i++) tickets.list(query);
                double[] ms = new double[200];
                for (int i = 0; i < ms.length; i++) {
                    long t = System.nanoTime();
                    tickets.list(query);
                    ms[i] = (System.nanoTime() - t) / 1e6;
                }
                Arrays.sort(ms);
                rows.add(String.format(Locale.ROOT, "| first page, view %s, %,d tickets: p50 / p95 / p99 | %.1f / %.1f / %.1f ms |",
                        view, total, ms[99], ms[189], ms[197]));
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
        return rows;
    }
}
