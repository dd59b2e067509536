package dev.arbiter.scenarios.data;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.spec.MarketFeed;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads every feed of a scenario, with enough history before its start for the first decisions' windows
 * and, with a model, for its training samples and their features' warm-up.
 */
public final class ScenarioData {

    private ScenarioData() {
    }

    public static Map<String, List<Bar>> load(ScenarioSpec spec) {
        return load(spec, DataRoot.find(spec.baseDirectory() == null ? Path.of("") : spec.baseDirectory()));
    }

    public static Map<String, List<Bar>> load(ScenarioSpec spec, Optional<Path> dataRoot) {
        Map<String, List<Bar>> bars = new LinkedHashMap<>();
        for (int i = 0; i < spec.market().size(); i++) {
            MarketFeed feed = spec.market().get(i);
            long history = 2L * spec.windowBars(); // the window, and as many bars before it to warm the streaming indicators up
            if (spec.model() != null) {
                history = Math.max(history, spec.model().historyBars());
            }
            Instant from = spec.from() == null ? null : spec.from().minus(feed.barPeriod().multipliedBy(history));
            try {
                bars.put(feed.symbol(), BarFiles.load(feed, "market[" + i + "]", spec.baseDirectory(), dataRoot, from, spec.to()));
            } catch (IOException e) {
                throw new UncheckedIOException("market[" + i + "].file '" + feed.source() + "': " + e.getMessage(), e);
            }
        }
        return bars;
    }
}
