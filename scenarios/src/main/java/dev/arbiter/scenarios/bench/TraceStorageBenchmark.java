package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.ExplanationTiming;
import dev.arbiter.engine.decision.MarketSeries;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.DecisionRequestReader;
import dev.arbiter.engine.json.EventBodies;
import dev.arbiter.engine.service.store.BarWindows;
import dev.arbiter.engine.state.EngineDecisions;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.mlbridge.model.ModelRegistry;
import dev.arbiter.rules.pack.InstrumentSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What storing a check's trace costs the service's request thread: the trace of the worked example's check (the
 * account of {@code docs/examples}, its ETH-USD bars, its two intents) written whole as canonical JSON, as every
 * check was stored before, against the stored form that names the window of bars instead ({@link BarWindows}),
 * whose windows are written and hashed once per bar. Run from the repository's root (it reads {@code docs/examples}).
 * Prints the two texts' sizes once.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class TraceStorageBenchmark {

    private DecisionTrace trace;

    @Setup
    public void decideTheExampleCheck() throws Exception {
        Path examples = Path.of("docs", "examples");
        String request = Files.readString(examples.resolve("decision-request.json"));
        ClientRequest client = DecisionRequestReader.readClient(request.getBytes(StandardCharsets.UTF_8));
        TradingCore core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS, IndicatorFacts.DEFAULT_SET);
        ArbiterJson.mapper().readValue(Files.readAllBytes(examples.resolve("bars.json")), MarketSeries.class)
                .toBars("bars").forEach(core::bar);
        EventBodies.Opening opening = ArbiterJson.mapper().readValue(Files.readString(examples.resolve("account.json")),
                EventBodies.Opening.class);
        core.submit(opening.toEvent(client.accountId(), client.asOf()), null);
        List<EventBodies.Fill> fills = ArbiterJson.mapper().readValue(Files.readString(examples.resolve("fills.json")),
                EventBodies.Fills.class).fills();
        for (int f = 0; f < fills.size(); f++) {
            core.submit(fills.get(f).toEvent("fills[" + f + "]", InstrumentSet.shippedDefault(), core::account),
                    client.accountId() + "/" + fills.get(f).key());
        }
        try (DecisionPipeline decisions = DecisionPipeline.withShippedDefaults(new ModelRegistry(Path.of("var", "models")));
             DecisionPipeline checks = DecisionPipeline.preTradeChecks(decisions.active(),
                     new ModelRegistry(Path.of("var", "models")))) {
            trace = new EngineDecisions(core).decide("dec-storage", client, checks, ExplanationTiming.AFTER_ACKNOWLEDGEMENT)
                    .trace();
        }
        BarWindows.Split split = BarWindows.split(trace);
        if (!split.whole().equals(CanonicalJson.write(trace))) {
            throw new IllegalStateException("the stored trace does not read back as the trace written whole");
        }
        System.out.printf("%ntrace written whole: %,d characters; stored with its bars named: %,d characters"
                        + " (%d window(s), %,d characters, stored once per bar)%n", split.whole().length(),
                split.stored().length(), split.windows().size(),
                split.windows().values().stream().mapToInt(String::length).sum());
    }

    /** The trace as every check stored it before: canonical JSON, bars and all. */
    @Benchmark
    public String wholeTrace() {
        return CanonicalJson.write(trace);
    }

    /** The trace as a check stores it now: its bars named, and the whole text for the answer and the explanation. */
    @Benchmark
    public BarWindows.Split namedBars() {
        return BarWindows.split(trace);
    }
}
