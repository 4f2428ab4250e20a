package com.steadydesk.inbox;

import com.steadydesk.SteadyDeskApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times {@link TicketStatistics} at a million tickets (the crisis review's baseline and linked-ticket figures). Not a
 * test: starts SteadyDesk on a throw-away embedded PostgreSQL, seeds tickets over a year by SQL (answered, solved and
 * rated in varying shares), then times each query 20 times after 3 warm-ups and prints a Markdown table.
 * <p>
 * Run: {@code ./mvnw -q process-test-classes && ./mvnw -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt &&
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) com.steadydesk.inbox.ServiceFiguresBenchmark [tickets]}
 */
public class ServiceFiguresBenchmark {

    public static void main(String[] args) {
        long tickets = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        ConfigurableApplicationContext app = new SpringApplicationBuilder(SteadyDeskApplication.class).profiles("test")
                .run("--server.port=0", "--steadydesk.demo-data=false", "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            TicketStatistics statistics = app.getBean(TicketStatistics.class);
            long t0 = System.nanoTime();
            seed(jdbc, tickets);
            System.out.printf(Locale.ROOT, "seeded %d tickets in %.1f s%n", tickets, (System.nanoTime() - t0) / 1e9);
            Instant now = Instant.now();
            TicketScope fourWeeks = TicketScope.opened(now.minus(Duration.ofDays(28)), now);
            Set<TicketId> linked = jdbc.sql("select id from tickets where id % 200 = 0 limit 5000").query(Long.class).list().stream()
                    .map(TicketId::new).collect(Collectors.toSet());
            TicketScope linkedYear = TicketScope.openedAmong(now.minus(Duration.ofDays(365)), now, linked);
            System.out.println("| query | tickets in scope | p50 ms | max ms |\n| --- | --- | --- | --- |");
            row("figures, all tickets of 4 weeks", () -> statistics.figures(fourWeeks).tickets());
            row("opened per day, all tickets of 4 weeks", () -> statistics.openedPerDay(fourWeeks, ZoneId.of("Asia/Shanghai")).values().stream()
                    .mapToLong(Long::longValue).sum());
            row("figures, 5,000 linked tickets over a year", () -> statistics.figures(linkedYear).tickets());
            row("opened per day, 5,000 linked tickets", () -> statistics.openedPerDay(linkedYear, ZoneId.of("Asia/Shanghai")).values().stream()
                    .mapToLong(Long::longValue).sum());
        } finally {
            app.close();
        }
    }

    private static void row(String name, Supplier<Long> query) {
        long scope = 0;
        for (int i = 0; i < 3; i++) {
            scope = query.get();
        }
        double[] ms = new double[20];
        for (int i = 0; i < ms.length; i++) {
            long t = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %.1f |%n", name, scope, ms[ms.length / 2], ms[ms.length - 1]);
    }

    /** A year of tickets: 90% answered within 0-4 h, 70% solved within 1-72 h, 15% rated (70% of them good). */
    private static void seed(JdbcClient jdbc, long count) {
        for (long done = 0; done < count; done += 100_000) {
            jdbc.sql("""
                    insert into tickets (subject, status, priority, channel, customer_id, created_at, updated_at, first_responded_at, solved_at)
                    select '统计工单 ' || g, case when g % 10 < 7 then 'SOLVED' else 'OPEN' end, 'NORMAL', 'EMAIL', 1 + g % 5000,
                           now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                           now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second',
                           case when g % 10 < 9 then now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' + (g % 240) * interval '1 minute' end,
                           case when g % 10 < 7 then now() - (g % 365) * interval '1 day' - (g % 86400) * interval '1 second' + (1 + g % 72) * interval '1 hour' end
                    from generate_series(:from, :to) g""")
                    .param("from", done + 1).param("to", Math.min(count, done + 100_000)).update();
        }
        jdbc.sql("""
                insert into ticket_satisfaction (ticket_id, score, rated_at, recorded_by)
                select id, case when id % 10 < 7 then 5 else 2 end, created_at + interval '3 days', 'benchmark' from tickets where id % 100 < 15""").update();
        jdbc.sql("analyze tickets").update();
        jdbc.sql("analyze ticket_satisfaction").update();
    }
}
