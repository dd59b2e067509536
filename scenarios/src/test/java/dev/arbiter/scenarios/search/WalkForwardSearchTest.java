package dev.arbiter.scenarios.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A tiny seeded search on real ETH-USD 5-minute bars: in-sample on one window, checked on the next. */
class WalkForwardSearchTest {

    @Test
    void searchesInSampleChecksOutOfSampleAndGivesTheSameAnswerForTheSameSeed() {
        ScenarioSpec spec = ScenarioFiles.parse("""
                name: tiny-search
                market:
                  - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                     lotSize: 0.01, tickSize: 0.01}
                from: "2023-03-14T06:00:00Z"
                to: "2023-03-14T09:00:00Z"
                windowBars: 60
                search:
                  parameters: {momentum-target-notional: [2000, 10000]}
                  trainBars: 24
                  testBars: 12
                  folds: 1
                  population: 2
                  generations: 1
                  seed: 5
                """, Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        List<FoldResult> first = WalkForwardSearch.run(spec, bars, spec.search());
        List<FoldResult> second = WalkForwardSearch.run(spec, bars, spec.search());

        assertEquals(1, first.size());
        FoldResult fold = first.get(0);
        assertEquals(Instant.parse("2023-03-14T06:00:00Z"), fold.trainFrom());
        assertEquals(Instant.parse("2023-03-14T08:00:00Z"), fold.testFrom(), "the test window starts after 24 bars");
        double notional = fold.best().get("momentum-target-notional");
        assertTrue(notional >= 2000 && notional <= 10000, "best inside its range: " + notional);
        assertTrue(fold.trials() >= 1 && fold.trials() <= 2, "at most one trial per individual: " + fold.trials());
        assertTrue(Double.isNaN(fold.deflatedSharpe()) || (fold.deflatedSharpe() >= 0 && fold.deflatedSharpe() <= 1));
        assertEquals(fold.inSampleSharpe() - fold.outOfSampleSharpe(), fold.gap(), 1e-12);
        assertEquals(first, second, "same seed, same search");
    }
}
