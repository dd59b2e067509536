package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Replays one decision request through the in-process pipeline many times and reports latency
 * percentiles and bytes allocated per decision. Single-threaded, after a warm-up, so the numbers
 * describe one decision on a warm engine. The request is the one the engine builds from its own state for the
 * worked example ({@link WorkedExample}: the example account, its bars and fill, its two intents).
 *
 * <pre>java ... dev.arbiter.scenarios.bench.DecisionLatencyHarness [examples=docs/examples] [warmup] [runs]</pre>
 */
public final class DecisionLatencyHarness {

    private DecisionLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        WorkedExample example = WorkedExample.in(Path.of(args.length > 0 ? args[0] : "docs/examples"));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();

        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            DecisionRequest request = example.decide("example", pipeline).request();
            DecisionStatus expected = pipeline.decide("warm", request).decision().status();
            for (int i = 0; i < warmup; i++) {
                pipeline.decide("warm-" + i, request);
            }
            long[] nanos = new long[runs];
            long bytesBefore = threads.getThreadAllocatedBytes(self);
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                DecisionResult result = pipeline.decide("run-" + i, request);
                nanos[i] = System.nanoTime() - start;
                if (result.decision().status() != expected) {
                    throw new IllegalStateException("run " + i + " decided " + result.decision().status() + ", not " + expected);
                }
            }
            long bytes = threads.getThreadAllocatedBytes(self) - bytesBefore;
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "decisions=%d status=%s warmup=%d%n", runs, expected, warmup);
            System.out.printf(Locale.ROOT, "latency_ms p50=%.2f p90=%.2f p99=%.2f max=%.2f%n",
                    ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99), nanos[runs - 1] / 1e6);
            System.out.printf(Locale.ROOT, "throughput_per_s=%.1f%n", runs / (Arrays.stream(nanos).sum() / 1e9));
            System.out.printf(Locale.ROOT, "allocated_kb_per_decision=%.0f%n", bytes / 1024.0 / runs);
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
