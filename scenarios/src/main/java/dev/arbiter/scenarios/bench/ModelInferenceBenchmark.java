package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.marketdata.SharedData;
import dev.arbiter.mlbridge.model.Algorithm;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.FeatureReference;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.mlbridge.model.ProbabilityModel;
import dev.arbiter.mlbridge.model.RegisteredModel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
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

/**
 * One prediction from a trained model: {@link RegisteredModel#predict} checks the feature vector,
 * asks the model for the probability of an up move and builds the prediction (probability, expected
 * return, confidence, provenance). Each model is trained in setup on the latest 20,000 samples of
 * the real hourly BTC/USDT series with the settings of {@code docs/models.md} (seed 42); the
 * benchmark cycles through the 2,000 samples before them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class ModelInferenceBenchmark {

    @Param({"gbt", "rf", "logit"})
    String algorithm;

    private RegisteredModel model;
    private double[][] inputs;
    private int next;

    @Setup
    public void train() throws IOException {
        Path file = SharedData.file(FeatureUpdateBenchmark.BARS).orElseThrow(() -> new IllegalStateException(
                FeatureUpdateBenchmark.BARS + " not found: put the market-data folder beside the repository or set " + SharedData.VARIABLE));
        List<Bar> bars = BarsReader.read(file, BarsReader.Options.forSymbol("BTC-USDT")).bars();
        Dataset data = DatasetBuilder.build(bars, FeatureSets.builtIn().get("model"), new ForwardReturnLabel(1));
        int n = data.size();
        int[] rows = new int[20_000];
        Arrays.setAll(rows, i -> n - 20_000 + i);
        ProbabilityModel trained = Algorithm.parse(algorithm).fit(data.x(rows), data.y(rows), data.features(), 42);
        ModelMetadata metadata = new ModelMetadata("bench-direction", "1", algorithm, "BTC-USDT", bars.get(0).period(), "model",
                data.features(), data.label().describe(), 1, data.time()[rows[0]], data.time()[n - 1], rows.length, data.dataSha256(),
                42, null, 0.005, List.<FeatureReference>of(), Instant.EPOCH, "n/a", null);
        model = new RegisteredModel(metadata, trained);
        inputs = Arrays.copyOfRange(data.x(), n - 22_000, n - 20_000);
    }

    @Benchmark
    public ModelPrediction predict() {
        double[] x = inputs[next];
        next = (next + 1) % inputs.length;
        return model.predict("BTC-USDT", Instant.EPOCH, x);
    }
}
