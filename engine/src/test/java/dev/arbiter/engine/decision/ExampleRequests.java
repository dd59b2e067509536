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
import dev.arbiter.kb.fact.Bar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        return core(bars().size());
    }

    /** A core that journaled the example's opening balance, its first {@code barCount} bars and its fills. */
    public static TradingCore core(int barCount) {
        TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
        ClientRequest client = client();
        EventBodies.Opening opening = ArbiterJson.mapper().readValue(bytes("account.json"), EventBodies.Opening.class);
        core.submit(opening.toEvent(client.accountId(), client.asOf()), null);
        bars().subList(0, barCount).forEach(core::bar);
        List<EventBodies.Fill> fills = ArbiterJson.mapper().readValue(bytes("fills.json"), EventBodies.Fills.class).fills();
        for (int i = 0; i < fills.size(); i++) {
            core.submit(fills.get(i).toEvent("fills[" + i + "]", InstrumentSet.shippedDefault(), core::account), fills.get(i).key());
        }
        return core;
    }

    /** The example request completed from the engine's state, as the pipeline sees it. */
    public static DecisionRequest example() {
        return complete(client());
    }

    /** A client request completed from the example's engine state with the shipped release, as the pipeline sees it. */
    public static DecisionRequest complete(ClientRequest client) {
        return new EngineDecisions(core()).preview(client, shippedRelease());
    }

    /** The same, the models it asks for resolved by {@code models}. */
    public static DecisionRequest complete(ClientRequest client, ActiveModels models) {
        return new EngineDecisions(core(), models).preview(client, shippedRelease());
    }

    /** The shipped rules, limits, parameters and instruments. */
    public static RuleRelease shippedRelease() {
        return new RuleRelease(new RuleSetCompiler().compile(RuleSet.shippedDefault()), LimitSet.shippedDefault(),
                ParameterSet.shippedDefault(), InstrumentSet.shippedDefault());
    }

    /** The example's bars (bars.json), as checked bars. */
    public static List<Bar> bars() {
        return ArbiterJson.mapper().readValue(bytes("bars.json"), MarketSeries.class).toBars("bars");
    }

    /**
     * The example's client request as JSON, carrying the example's bars under {@code marketData} (the engine keeps
     * them already, so deciding skips them): the place to put quotes, a book snapshot or trades for one decision, beside
     * the series' {@code "bars"}.
     */
    public static String clientWithMarketData() {
        String client = new String(exampleBytes(), StandardCharsets.UTF_8);
        String series = new String(bytes("bars.json"), StandardCharsets.UTF_8).strip();
        String json = client.replace("\"intents\": [", "\"marketData\": [" + series + "],\n  \"intents\": [");
        if (json.equals(client)) {
            throw new IllegalStateException("decision-request.json has no \"intents\": [ to put marketData before");
        }
        return json;
    }
}
