package dev.arbiter.engine.decision;

import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import java.util.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The documented example (real ETH-USD bars, an account that bought 2 ETH, two client intents), as the README and
 * {@code arbiter decide} use it: the account's events journaled through the engine's core, then the slim request
 * completed from the engine's state, exactly as the service would decide it.
 */
public final class ExampleRequests {

    public static final Path EXAMPLES = Path.of("..", "docs", "examples");
    public static final Path EXAMPLE = EXAMPLES.resolve("decision-request.json");

    private ExampleRequests() {
    }

    public static byte[] exampleBytes() {
        return bytes("decision-request.json");
    }

    public static byte[] bytes(String file) {
        try {
            return Files.readAllBytes(EXAMPLES.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example's client request, as a trading system sends it. */
    public static ClientRequest client() {
        return DecisionRequestReader.readClient(exampleBytes());
    }

    /** A core that journaled the example's opening balance, bars and fills. */
    public static TradingCore core() {
        TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
        ClientRequest client = client();
        EventBodies.Opening opening = ArbiterJson.mapper().readValue(bytes("account.json"), EventBodies.Opening.class);
        core.submit(opening.toEvent(client.accountId(), client.asOf()), null);
        MarketSeries bars = ArbiterJson.mapper().readValue(bytes("bars.json"), MarketSeries.class);
        bars.toBars("bars").forEach(core::bar);
        List<EventBodies.Fill> fills = ArbiterJson.mapper().readValue(bytes("fills.json"), EventBodies.Fills.class).fills();
        for (int i = 0; i < fills.size(); i++) {
            core.submit(fills.get(i).toEvent("fills[" + i + "]", InstrumentSet.shippedDefault(), false), fills.get(i).key());
        }
        return core;
    }

    /** The example request completed from the engine's state, as the pipeline sees it. */
    public static DecisionRequest example() {
        RuleRelease release = new RuleRelease(new RuleSetCompiler().compile(RuleSet.shippedDefault()), LimitSet.shippedDefault(),
                ParameterSet.shippedDefault(), InstrumentSet.shippedDefault());
        return new EngineDecisions(core()).preview(client(), release);
    }
}
