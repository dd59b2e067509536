package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSet;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One bar into a feature set: {@link StreamingFeatures#accept} checks the bar, appends it and
 * computes every feature at it. Bars are the real hourly BTC/USDT series (Binance, 2018–2026) read
 * from the market-data folder beside the repository; each iteration starts a fresh stream warmed
 * with 1,000 bars, then feeds the following bars one per operation (a stream that reaches the end
 * of the file starts again, which shows up only in the tail beyond p99.99).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class FeatureUpdateBenchmark {

    static final String BARS = "roshan7869-algotrading/spot_1h/BTC_USDT-1h.csv";
    private static final int WARM = 1000;

    /** Which feature set: {@code default} (21 columns) or {@code model} (15). */
    @Param({"default"})
    String set;

    private List<Bar> bars;
    private FeatureSet features;
    private StreamingFeatures stream;
    private int next;

    @Setup(Level.Trial)
    public void load() throws IOException {
        Path file = SharedData.file(BARS).orElseThrow(() -> new IllegalStateException(
                BARS + " not found: put the market-data folder beside the repository or set " + SharedData.VARIABLE));
        bars = BarsReader.read(file, BarsReader.Options.forSymbol("BTC-USDT")).bars();
        features = FeatureSets.builtIn().get(set);
    }

    @Setup(Level.Iteration)
    public void restart() {
        stream = new StreamingFeatures("BTC-USDT", bars.get(0).period(), features);
        for (next = 0; next < WARM; next++) {
            stream.accept(bars.get(next));
        }
    }

    @Benchmark
    public FeatureUpdate updatePerBar() {
        if (next == bars.size()) {
            restart();
        }
        return stream.accept(bars.get(next++));
    }
}
