package dev.arbiter.engine.cli;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.features.FeatureUpdate;
import dev.arbiter.mlbridge.features.StreamingFeatures;
import dev.arbiter.mlbridge.marketdata.BarFileException;
import dev.arbiter.mlbridge.marketdata.BarFormat;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.mlbridge.model.ModelMonitor;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.mlbridge.model.RegisteredModel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code arbiter models predict}: loads a registered model, streams the bars through its feature set
 * and prints the prediction at the last bar (as a fact, with expected return and provenance) and the
 * model's health over the recent bars (PSI of each feature against training; STALE by age).
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict at the last bar of a bars file with a registered model, with the model's health.")
final class ModelsPredictCommand implements Callable<Integer> {

    @Option(names = "--registry", required = true, paramLabel = "DIR", description = "model registry directory")
    private Path registry;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "model name")
    private String name;

    @Option(names = "--version", required = true, paramLabel = "VERSION", description = "model version")
    private String version;

    @Option(names = "--bars", required = true, paramLabel = "FILE", description = BarFormatConverter.FORMATS)
    private Path bars;

    @Option(names = "--format", paramLabel = "NAME", converter = BarFormatConverter.class, description = BarFormatConverter.HELP)
    private BarFormat format;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "instrument symbol (default: the model's)")
    private String symbol;

    @Option(names = "--recent", paramLabel = "N", description = "latest bars whose features are checked for drift (default: 500)")
    private int recent = 500;

    @Override
    public Integer call() throws Exception {
        RegisteredModel model;
        try {
            model = new ModelRegistry(registry).load(name, version);
        } catch (NoSuchFileException e) {
            System.err.println(e.getReason() != null ? e.getReason() : e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        ModelMetadata m = model.metadata();
        List<Bar> series;
        try {
            series = BarsReader.read(bars, BarsReader.Options.forSymbol(symbol == null ? m.symbol() : symbol)
                    .period(m.period()).format(format)).bars();
        } catch (NoSuchFileException e) {
            System.err.println("--bars: " + bars + " does not exist");
            return 2;
        } catch (BarFileException e) {
            System.err.println("invalid bars " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            System.err.println("invalid bars " + bars + ": " + e.getMessage());
            return 2;
        }
        StreamingFeatures features = new StreamingFeatures(series.get(0).symbol(), m.period(), FeatureSets.builtIn().get(m.featureSet()));
        List<double[]> window = new ArrayList<>();
        FeatureUpdate last = null;
        for (int i = 0; i < series.size(); i++) {
            last = features.accept(series.get(i));
            if (i >= series.size() - recent) {
                double[] x = new double[m.features().size()];
                boolean defined = true;
                for (int j = 0; j < x.length; j++) {
                    x[j] = last.value(m.features().get(j));
                    defined &= !Double.isNaN(x[j]);
                }
                if (defined) {
                    window.add(x);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        try {
            var prediction = model.predict(last);
            out.put("prediction", prediction.toFact());
            out.put("expectedReturn", prediction.expectedReturn());
            out.put("horizonBars", prediction.horizon());
            out.put("trainingDataSha256", prediction.dataSha256());
        } catch (IllegalArgumentException e) {
            System.err.println("no prediction at the last bar: " + e.getMessage());
            return 2;
        }
        out.put("modelHealth", ModelMonitor.DEFAULTS.check(m, window, new int[0], new double[0], last.bar().endTime()).fact());
        System.out.println(ArbiterJson.mapper().writeValueAsString(out));
        return 0;
    }
}
