package dev.arbiter.cluster;

import dev.arbiter.cluster.replay.RecordedRun;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.scenarios.data.ScenarioData;
import dev.arbiter.scenarios.run.PipelineFactory;
import dev.arbiter.scenarios.spec.ScenarioFiles;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.Optional;

/** Scenario runs the tests record: real ETH-USD 5-minute bars from ta4j's example file, which a fresh checkout has. */
final class ScenarioTape {

    /** From midnight of 14 March 2023, the given clients' orders, positions held at most an hour. */
    static final String ETH = """
            name: %s
            account: {id: %s, cash: 100000}
            market:
              - {symbol: ETH-USD, file: "classpath:ETH-USD-PT5M-2023-3-13_2023-3-15.json", format: ta4j-json, period: PT5M,
                 lotSize: 0.01, tickSize: 0.01}
            from: "2023-03-14T00:00:00Z"
            to: "%s"
            windowBars: 60
            fills: {feeRate: 0.001, slippageRate: 0.0005, latencyBars: 0}
            exits: {maxHoldingBars: 12}
            clients: [%s]
            """;

    /** A client buying about 2,000 of ETH every half hour, with a stop 1 % below. */
    static final String DCA = "{name: dca, everyBars: 6, notional: 2000, stopFraction: 0.01}";

    private ScenarioTape() {
    }

    static RecordedRun eth(String accountId, String to) {
        return eth(accountId, to, DCA);
    }

    static RecordedRun eth(String accountId, String to, String clients) {
        return record(ETH.formatted("eth-" + accountId, accountId, to, clients));
    }

    static RecordedRun record(String yaml) {
        ScenarioSpec spec = ScenarioFiles.parse(yaml, Path.of("."));
        return RecordedRun.of(spec, ScenarioData.load(spec, Optional.empty()));
    }

    /** The pipeline a scenario with the shipped rules decides with, as each worker of a job builds it. */
    static DecisionPipeline shippedScenarioPipeline() {
        return PipelineFactory.create(ScenarioFiles.parse(ETH.formatted("x", "x", "2023-03-14T01:00:00Z", DCA),
                Path.of(".")).rules(), true);
    }
}
