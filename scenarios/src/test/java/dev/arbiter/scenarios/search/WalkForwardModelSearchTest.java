package dev.arbiter.scenarios.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.ModelMetadata;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.model.ModelOutcome;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A walk-forward search that trains a tiny model per fold on its in-sample window, on real ETH-USD 5-minute bars. */
class WalkForwardModelSearchTest {

    @TempDir
    Path registry;

    @Test
    void trainsEachFoldsModelInSampleScoresItOutOfSampleAndRepeatsExactly() {
        ScenarioSpec spec = ScenarioFiles.parse("""
                name: tiny-model-search
                market:
                  - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                     lotSize: 0.01, tickSize: 0.01}
                from: "2023-03-14T06:00:00Z"
                to: "2023-03-14T10:00:00Z"
                windowBars: 60
                model: {algorithm: logit, horizon: 2, trainBars: 36, seed: 3}
                search:
                  parameters: {ml-gate-min-probability: [0.5, 0.7]}
                  trainBars: 36
                  testBars: 12
                  folds: 1
                  population: 2
                  generations: 1
                  seed: 5
                """, Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());

        List<FoldResult> first = WalkForwardSearch.run(spec, bars, spec.search(), registry);
        List<FoldResult> second = WalkForwardSearch.run(spec, bars, spec.search(), registry);

        FoldResult fold = first.get(0);
        assertEquals(1, fold.models().size());
        ModelOutcome model = fold.models().get(0);
        ModelMetadata m = model.model().metadata();
        assertEquals("fold-0", m.version());
        assertFalse(m.trainedFrom().isBefore(fold.trainFrom()), "trained on the in-sample window only: " + m.trainedFrom());
        assertTrue(m.trainedTo().plus(m.period().multipliedBy(m.horizon())).compareTo(fold.testFrom()) <= 0,
                "no training label reaches the test window: " + m.trainedTo());
        assertEquals(36 - 2, m.trainingSamples(), "every in-sample bar whose label ends inside the window");
        assertEquals(12 - 2, model.outOfSample().samples(), "the test window's predictions with a label inside the data");
        assertTrue(model.model().inSample().accuracy() >= 0 && model.model().inSample().accuracy() <= 1);
        assertEquals(comparable(first), comparable(second), "same seeds, same search, same models");
    }

    /** The folds with each model as its serialized model's hash and its metrics (feature references are arrays). */
    private static List<Object> comparable(List<FoldResult> folds) {
        return folds.stream().map(f -> (Object) List.of(
                new FoldResult(f.fold(), f.trainFrom(), f.testFrom(), f.testTo(), f.best(), f.inSampleSharpe(), f.inSampleReturn(),
                        f.outOfSampleSharpe(), f.outOfSampleReturn(), f.defaultOutOfSample(), f.trials(), f.deflatedSharpe(),
                        List.of()),
                f.models().stream().map(o -> List.of(o.model().request(), o.model().metadata().modelSha256(),
                        o.model().metadata().dataSha256(), o.model().inSample(), o.outOfSample())).toList())).toList();
    }
}
