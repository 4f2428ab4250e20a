package com.steadydesk.workforce;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Staffing a day: 96 quarter-hours for 10 queues (phone, e-mail and chat, a daily curve with a surge at noon).
 * Run: {@code ./mvnw -B -ntp test-compile && java -cp "target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout)" com.steadydesk.workforce.StaffingBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class StaffingBenchmark {

    /** Patience in seconds; 0 plans with Erlang C, anything else with Erlang A. */
    @Param({"0", "180"})
    int patience;

    List<IntervalDemand> day;

    @Setup
    public void day() {
        day = new ArrayList<>();
        for (int queue = 0; queue < 10; queue++) {
            int concurrency = queue % 3 == 2 ? 3 : 1;
            for (int quarter = 0; quarter < 96; quarter++) {
                double hour = quarter / 4.0;
                double curve = Math.max(0, Math.sin((hour - 7) / 15 * Math.PI));
                double contacts = (20 + 30 * queue) * curve * (hour >= 11 && hour < 14 ? 3 : 1);
                day.add(new IntervalDemand(contacts, Duration.ofMinutes(15), Duration.ofSeconds(240 + 20 * queue), concurrency, 0.8,
                        Duration.ofSeconds(concurrency > 1 ? 30 : 60), 0.3, patience == 0 ? null : Duration.ofSeconds(patience)));
            }
        }
    }

    @Benchmark
    public List<IntervalStaffing> planTheDay() {
        return Staffing.plan(day);
    }

    public static void main(String[] args) throws Exception {
        new Runner(new OptionsBuilder().include(StaffingBenchmark.class.getSimpleName()).build()).run();
    }
}
