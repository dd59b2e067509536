package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.json.DecisionRequestReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Replays one decision request through the in-process pipeline many times and reports latency
 * percentiles and bytes allocated per decision. Single-threaded, after a warm-up, so the numbers
 * describe one decision on a warm engine.
 *
 * <pre>java ... dev.arbiter.scenarios.bench.DecisionLatencyHarness REQUEST.json [warmup] [runs]</pre>
 */
public final class DecisionLatencyHarness {

    private DecisionLatencyHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: DecisionLatencyHarness REQUEST.json [warmup=200] [runs=2000]");
            System.exit(2);
        }
        DecisionRequest request = DecisionRequestReader.read(Files.readAllBytes(Path.of(args[0])));
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().threadId();

        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
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
