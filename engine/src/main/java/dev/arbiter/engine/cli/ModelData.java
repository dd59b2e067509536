package dev.arbiter.engine.cli;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.features.FeatureSets;
import dev.arbiter.mlbridge.marketdata.BarFormat;
import dev.arbiter.mlbridge.marketdata.BarsReader;
import dev.arbiter.mlbridge.model.Dataset;
import dev.arbiter.mlbridge.model.DatasetBuilder;
import dev.arbiter.mlbridge.model.ForwardReturnLabel;
import dev.arbiter.mlbridge.model.WalkForward;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Option;

/** The data and walk-forward options the model commands share. */
final class ModelData {

    @Option(names = "--bars", required = true, paramLabel = "FILE", description = BarFormatConverter.FORMATS)
    Path bars;

    @Option(names = "--format", paramLabel = "NAME", converter = BarFormatConverter.class, description = BarFormatConverter.HELP)
    BarFormat format;

    @Option(names = "--symbol", paramLabel = "SYMBOL", description = "instrument symbol (default: BARS)")
    String symbol = "BARS";

    @Option(names = "--from", paramLabel = "TIME", description = "first bar open time to use, ISO-8601 UTC")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", description = "use bars opening before this time, ISO-8601 UTC")
    Instant to;

    @Option(names = "--set", paramLabel = "NAME", description = "feature set (default: model)")
    String set = "model";

    @Option(names = "--horizon", paramLabel = "BARS", description = "label horizon in bars (default: 1)")
    int horizon = 1;

    @Option(names = "--folds", paramLabel = "N", description = "walk-forward test windows (default: 5)")
    int folds = 5;

    @Option(names = "--min-train", paramLabel = "N", description = "samples before the first test window (default: 5000)")
    int minTrain = 5000;

    @Option(names = "--max-train", paramLabel = "N", description = "most samples a model trains on (default: 20000)")
    int maxTrain = 20000;

    @Option(names = "--embargo", paramLabel = "BARS", description = "bars dropped before each test window (default: 24)")
    int embargo = 24;

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: 42)")
    long seed = 42;

    /** The bars in [from, to), checked. */
    List<Bar> readBars() throws IOException {
        return BarsReader.read(bars, BarsReader.Options.forSymbol(symbol).format(format)).bars().stream()
                .filter(b -> from == null || !b.openTime().isBefore(from))
                .filter(b -> to == null || b.openTime().isBefore(to))
                .toList();
    }

    Dataset dataset(List<Bar> series) {
        if (series.isEmpty()) {
            throw new InvalidFactException("bars", "--from/--to", from + ".." + to, "a range holding bars");
        }
        return DatasetBuilder.build(series, FeatureSets.builtIn().get(set), new ForwardReturnLabel(horizon));
    }

    WalkForward walkForward() {
        return new WalkForward(folds, minTrain, maxTrain, embargo);
    }
}
