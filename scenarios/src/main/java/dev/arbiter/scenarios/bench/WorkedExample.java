package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.rules.pack.InstrumentSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The worked example of {@code docs/examples} as the service sees it: the engine's own state after the example
 * account was opened, its ETH-USD bars fed and its fill booked, and the example's slim request (its two intents).
 * The benchmarks that time one stage on a warm engine start from the decision this state gives, so that they run on
 * what the service decides from rather than on a request format of their own.
 */
final class WorkedExample {

    private final TradingCore core;
    private final ClientRequest request;

    private WorkedExample(TradingCore core, ClientRequest request) {
        this.core = core;
        this.request = request;
    }

    /**
     * Where the JMH benchmarks read the example from: {@code docs/examples} of the repository they run in, or the
     * directory the system property {@code arbiter.examples} names.
     */
    static Path examples() {
        return Path.of(System.getProperty("arbiter.examples", "docs/examples"));
    }

    /** The example's state in an engine of its own (an in-memory journal), read from {@code examples}. */
    static WorkedExample in(Path examples) {
        try {
            ClientRequest request = DecisionRequestReader.readClient(
                    Files.readAllBytes(examples.resolve("decision-request.json")));
            TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
            ArbiterJson.mapper().readValue(Files.readAllBytes(examples.resolve("bars.json")), MarketSeries.class)
                    .toBars("bars").forEach(core::bar);
            EventBodies.Opening opening = ArbiterJson.mapper().readValue(
                    Files.readString(examples.resolve("account.json"), StandardCharsets.UTF_8), EventBodies.Opening.class);
            core.submit(opening.toEvent(request.accountId(), request.asOf()), null);
            List<EventBodies.Fill> fills = ArbiterJson.mapper().readValue(
                    Files.readString(examples.resolve("fills.json"), StandardCharsets.UTF_8), EventBodies.Fills.class).fills();
            for (int f = 0; f < fills.size(); f++) {
                core.submit(fills.get(f).toEvent("fills[" + f + "]", InstrumentSet.shippedDefault(), core::account),
                        request.accountId() + "/" + fills.get(f).key());
            }
            return new WorkedExample(core, request);
        } catch (IOException e) {
            throw new UncheckedIOException("the worked example in " + examples + " could not be read", e);
        }
    }

    /**
     * The example's request decided by {@code pipeline} against this state, explained after the acknowledgement as the
     * service does; the trace's {@link DecisionTrace#request() request} is the whole request the engine built from its
     * state, which {@link DecisionPipeline#decide} takes again as it is.
     */
    DecisionTrace decide(String decisionId, DecisionPipeline pipeline) {
        return new EngineDecisions(core).decide(decisionId, request, pipeline, ExplanationTiming.AFTER_ACKNOWLEDGEMENT)
                .trace();
    }
}
