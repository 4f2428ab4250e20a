package com.steadydesk.crisis;

import com.steadydesk.SteadyDeskApplication;
import com.steadydesk.crisis.GradingFactors.Attention;
import com.steadydesk.crisis.GradingFactors.Nature;
import com.steadydesk.crisis.GradingFactors.Trend;
import com.steadydesk.crisis.GradingFactors.Urgency;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Load run of the public status page under a surge of readers (issue 4/8: at least 2,000 requests/s). Not a test: it
 * starts SteadyDesk on a throw-away embedded PostgreSQL, declares a major crisis with a dozen public updates, then
 * runs {@code wrk} against {@code /status} and {@code /status?lang=en} (first without, then with gzip accepted, as
 * browsers send it) and prints a Markdown table of requests/s and latency percentiles.
 * <p>
 * Run: {@code docs/benchmarks/status-load.sh [seconds] [connections]} (builds the class path and calls {@link #main}).
 */
public class StatusPageLoadBenchmark {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s+(50|75|90|99)%\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: .*");

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SteadyDeskApplication.class)
                .profiles("test")
                // command-line arguments outrank application.yml and the test profile: production-like template cache
                .run("--server.port=0", "--steadydesk.demo-data=false", "--logging.level.root=WARN", "--spring.thymeleaf.cache=true");
        List<String> rows = new ArrayList<>();
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            int updates = activeCrisisWithUpdates(app, 12);
            String base = "http://localhost:" + port;
            int bytes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/status")).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body().length;
            System.out.printf("status page: one major crisis, %d public updates, %d bytes of HTML%n", updates, bytes);
            for (String path : List.of("/status", "/status?lang=en")) {
                for (boolean gzip : List.of(false, true)) {
                    wrk(base + path, 5, connections, gzip); // warm-up: JIT, caches
                    long cpuBefore = serverCpuNanos();
                    String out = wrk(base + path, seconds, connections, gzip);
                    long cpuNanos = serverCpuNanos() - cpuBefore;
                    rows.add(row(path, gzip, out, cpuNanos));
                }
            }
        } finally {
            app.close();
        }
        System.out.println();
        System.out.println("| path | Accept-Encoding | requests/s | p50 | p75 | p90 | p99 | server CPU per request | errors |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        rows.forEach(System.out::println);
        System.exit(0);
    }

    /** Declares a major crisis as a crisis lead and publishes {@code count} updates to it; answers how many. */
    private static int activeCrisisWithUpdates(ConfigurableApplicationContext app, int count) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("lead-benchmark", null,
                List.of(new SimpleGrantedAuthority("ROLE_CRISIS_LEAD"))));
        try {
            CrisisManagement crises = app.getBean(CrisisManagement.class);
            StatusPage statusPage = app.getBean(StatusPage.class);
            CrisisDetails crisis = crises.reportAndDeclare(new NewCrisisReport(CrisisType.TECHNICAL_FAILURE, "支付服务大面积异常",
                    "多地客户付款失败", null, List.of()), new GradingFactors(Set.of(Nature.SAFETY), 20_000, 5, 2_000_000, Trend.SURGING,
                    Urgency.CRITICAL, Attention.NATIONAL_MEDIA));
            crises.describeScope(crisis.id(), new CrisisScope(List.of("在线支付", "退款"), List.of("华东", "华南"), List.of("App", "网页"),
                    List.of("支付失败")));
            for (int i = 1; i <= count; i++) {
                Instant next = Instant.now().plus(Duration.ofMinutes(30 + i));
                var draft = statusPage.draftFromTemplate(crisis.id(), i == 1 ? "first-statement" : i < count / 2 ? "cause-identified" : "monitoring", next);
                statusPage.publish(crisis.id(), new StatusPage.UpdateDraft(draft.phase(), "第 " + i + " 次更新：" + draft.bodyZh(),
                        "Update " + i + ": " + draft.bodyEn(), next));
            }
            return statusPage.updates(crisis.id()).size();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static String wrk(String url, int seconds, int connections, boolean gzip) throws Exception {
        List<String> command = new ArrayList<>(List.of("/usr/bin/wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--latency"));
        if (gzip) {
            command.addAll(List.of("-H", "Accept-Encoding: gzip, deflate, br"));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            reader.lines().forEach(line -> out.append(line).append('\n'));
        }
        process.waitFor();
        System.out.println("$ " + String.join(" ", command));
        System.out.print(out);
        return out.toString();
    }

    /**
     * CPU time this JVM (the server; wrk is another process) has used so far. Divided by the requests served it gives
     * the server's cost per request, which a machine shared with other builds does not inflate as much as requests/s.
     */
    private static long serverCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String row(String path, boolean gzip, String wrkOutput, long cpuNanos) {
        Matcher rate = RATE.matcher(wrkOutput);
        String[] p = {"?", "?", "?", "?"};
        Matcher m = PERCENTILE.matcher(wrkOutput);
        for (int i = 0; i < 4 && m.find(); i++) {
            p[i] = m.group(2);
        }
        Matcher errors = ERRORS.matcher(wrkOutput);
        List<String> problems = new ArrayList<>();
        while (errors.find()) {
            problems.add(errors.group().strip());
        }
        Matcher total = TOTAL.matcher(wrkOutput);
        String cpuPerRequest = total.find() ? String.format(java.util.Locale.ROOT, "%.0f µs", cpuNanos / 1000.0 / Long.parseLong(total.group(1))) : "?";
        return "| `" + path + "` | " + (gzip ? "gzip" : "none") + " | " + (rate.find() ? rate.group(1) : "?") + " | " + String.join(" | ", p)
                + " | " + cpuPerRequest + " | " + (problems.isEmpty() ? "0" : String.join("; ", problems)) + " |";
    }
}
