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
    private final String requestText;
    private final String accountText;
    private final String fillsText;
    private final ClientRequest request;

    private WorkedExample(TradingCore core, String requestText, String accountText, String fillsText) {
        this.core = core;
        this.requestText = requestText;
        this.accountText = accountText;
        this.fillsText = fillsText;
        this.request = DecisionRequestReader.readClient(requestText.getBytes(StandardCharsets.UTF_8));
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
            TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
            ArbiterJson.mapper().readValue(Files.readAllBytes(examples.resolve("bars.json")), MarketSeries.class)
                    .toBars("bars").forEach(core::bar);
            WorkedExample example = new WorkedExample(core,
                    Files.readString(examples.resolve("decision-request.json"), StandardCharsets.UTF_8),
                    Files.readString(examples.resolve("account.json"), StandardCharsets.UTF_8),
                    Files.readString(examples.resolve("fills.json"), StandardCharsets.UTF_8));
            example.open(example.request.accountId());
            return example;
        } catch (IOException e) {
            throw new UncheckedIOException("the worked example in " + examples + " could not be read", e);
        }
    }

    /** The engine holding the example's state. */
    TradingCore core() {
        return core;
    }

    /** Opens one more account as the example's (its opening and its fill) in the same engine. */
    void open(String accountId) {
        String exampleAccount = request.accountId();
        EventBodies.Opening opening = ArbiterJson.mapper().readValue(accountText.replace(exampleAccount, accountId),
                EventBodies.Opening.class);
        core.submit(opening.toEvent(accountId, request.asOf()), null);
        List<EventBodies.Fill> fills = ArbiterJson.mapper().readValue(fillsText.replace(exampleAccount, accountId),
                EventBodies.Fills.class).fills();
        for (int f = 0; f < fills.size(); f++) {
            core.submit(fills.get(f).toEvent("fills[" + f + "]", InstrumentSet.shippedDefault(), core::account),
                    accountId + "/" + fills.get(f).key());
        }
    }

    /** The example's slim request as {@code docs/examples} has it. */
    ClientRequest request() {
        return request;
    }

    /** The example's slim request (its two intents) for {@code accountId}, under {@code requestId}. */
    ClientRequest request(String accountId, String requestId) {
        return DecisionRequestReader.readClient(requestText.replace(request.accountId(), accountId)
                .replace(request.requestId(), requestId).getBytes(StandardCharsets.UTF_8));
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
