package dev.arbiter.scenarios.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.report.RuleActivity;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replays real ETH-USD 5-minute bars (ta4j's example file) through the full pipeline. */
class ScenarioRunnerTest {

    private static final String ETH = """
            name: eth-usdc-depeg-aftermath
            market:
              - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                 lotSize: 0.01, tickSize: 0.01}
            from: "2023-03-14T00:00:00Z"
            to: "2023-03-14T08:00:00Z"
            windowBars: 60
            fills: {feeRate: 0.001, slippageRate: 0.0005, latencyBars: %d}
            exits: {maxHoldingBars: 12}
            clients: [{name: dca, everyBars: 6, notional: 2000, stopFraction: 0.01}]
            """;

    @Test
    void fillsAtTheNextOpenWithSlippageAndFeesAndTheBooksBalance() {
        ScenarioSpec spec = ScenarioFiles.parse(ETH.formatted(0), Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        RunResult run = Scenarios.run(spec, bars);

        assertEquals(96, run.steps().size(), "one decision per 5-minute bar in 8 hours");
        assertFalse(run.fills().isEmpty(), "the client's buys went through");
        List<Bar> eth = bars.get("ETH-USD");
        for (Fill fill : run.fills()) {
            assertEquals(fill.quantity() * fill.price() * 0.001, fill.fee(), 1e-9, "fee is 0.1 % of the filled notional");
            if (fill.side() == Side.BUY) {
                Bar bar = bar(eth, fill.time());
                assertEquals(bar.open().doubleValue() * 1.0005, fill.price(), 1e-9, "buy at the open plus slippage");
                assertTrue(run.steps().stream().anyMatch(s -> s.time().equals(fill.time().minus(spec.market().get(0).period()))
                        && s.approvedBuys().contains("ETH-USD")), "approved at the bar before the fill");
            }
        }
        double pnl = run.trades().stream().mapToDouble(Trade::pnl).sum();
        assertEquals(run.startingCash() + pnl, run.closedOutCash(), 1e-6,
                "after closing everything, equity is the starting cash plus every trade's P&L");
        assertEquals(0, RuleActivity.of(run).openedWhileHalted());
    }

    @Test
    void latencyDelaysTheFillByThatManyBars() {
        ScenarioSpec spec = ScenarioFiles.parse(ETH.formatted(2), Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        RunResult run = Scenarios.run(spec, bars);
        Fill first = run.fills().stream().filter(f -> f.side() == Side.BUY).findFirst().orElseThrow();
        Instant decided = first.time().minus(spec.market().get(0).period().multipliedBy(3));
        assertTrue(run.steps().stream().anyMatch(s -> s.time().equals(decided) && s.approvedBuys().contains("ETH-USD")),
                "a buy approved at " + decided + " fills three bars later, at " + first.time());
    }

    @Test
    void theSameScenarioGivesTheSameRun() {
        ScenarioSpec spec = ScenarioFiles.parse(ETH.formatted(0), Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        RunResult first = Scenarios.run(spec, bars);
        RunResult second = Scenarios.run(spec, bars);
        assertEquals(first.steps(), second.steps());
        assertEquals(first.fills(), second.fills());
        assertEquals(first.trades(), second.trades());
        assertEquals(first.closedOutCash(), second.closedOutCash());
        assertFalse(first.trades().isEmpty(), "a run that trades, so the comparison means something");
    }

    @Test
    void everyDecisionIsCompletedFromTheEnginesStateAndTheStepsShowTheEnginesFigures() {
        ScenarioSpec spec = ScenarioFiles.parse(ETH.formatted(0), Path.of("."));
        Map<String, List<Bar>> bars = ScenarioData.load(spec, Optional.empty());
        List<dev.arbiter.engine.decision.DecisionRequest> seen = new java.util.ArrayList<>();
        RunResult run;
        try (var pipeline = PipelineFactory.create(spec.rules(), spec.strategies())) {
            run = new ScenarioRunner(pipeline).run(spec, bars, (step, request, result) -> seen.add(request));
        }
        assertEquals(run.steps().size(), seen.size());
        boolean held = false;
        for (int i = 0; i < seen.size(); i++) {
            var request = seen.get(i);
            assertTrue(request.state() != null, "completed by the engine at a journal position");
            assertEquals(run.steps().get(i).equity(), request.account().equity().doubleValue(), 1e-6,
                    "the step's equity is the engine's, as the decision saw it");
            assertEquals(spec.windowBars(), request.marketData().get(0).bars().size(), "the engine keeps windowBars bars");
            assertFalse(request.market().isEmpty(), "with the engine's own market views");
            held |= !request.positions().isEmpty();
        }
        assertTrue(held, "positions from the venue's fills reach the decisions");
    }

    private static Bar bar(List<Bar> bars, Instant open) {
        return bars.stream().filter(b -> b.openTime().equals(open)).findFirst().orElseThrow();
    }
}
