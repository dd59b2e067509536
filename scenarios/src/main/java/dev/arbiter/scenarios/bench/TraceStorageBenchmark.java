package dev.arbiter.scenarios.bench;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.service.store.TraceWindows;
import dev.arbiter.mlbridge.model.ModelRegistry;
import java.nio.file.Path;
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
 * check was stored before, against the stored form that names its shared parts instead: each series' bars, the
 * market views and the indicator values ({@link TraceWindows}). It stores two checks of the same bar in turn, decided one
 * after the other in one engine, as the service stores an account's checks between two bars: each decision gathers
 * its lists anew, holding the same bars, views and indicator values, which the engine keeps until the next bar. Run
 * from the repository's root (it reads {@code docs/examples}, or where {@code arbiter.examples} says).
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
    /** Two checks of the same bar, stored in turn. */
    private final DecisionTrace[] sameBar = new DecisionTrace[2];
    private int next;

    @Setup
    public void decideTheExampleCheck() {
        try (DecisionPipeline decisions = DecisionPipeline.withShippedDefaults(new ModelRegistry(Path.of("var", "models")));
             DecisionPipeline checks = DecisionPipeline.preTradeChecks(decisions.active(),
                     new ModelRegistry(Path.of("var", "models")))) {
            WorkedExample example = WorkedExample.in(WorkedExample.examples());
            trace = example.decide("dec-storage", checks);
            sameBar[0] = trace;
            sameBar[1] = example.decide("dec-storage-again", checks);
        }
        if (sameBar[1].request().market() == trace.request().market()
                || !sameBar[1].request().market().equals(trace.request().market())) {
            throw new IllegalStateException("the two checks should hold the same market views in lists of their own");
        }
        TraceWindows.Split split = TraceWindows.split(trace);
        if (!split.whole().equals(CanonicalJson.write(trace))) {
            throw new IllegalStateException("the stored trace does not read back as the trace written whole");
        }
        System.out.printf("%ntrace written whole: %,d characters; stored with its windows named: %,d characters"
                        + " (%d window(s), %,d characters, stored once each)%n", split.whole().length(),
                split.stored().length(), split.windows().size(),
                split.windows().values().stream().mapToInt(String::length).sum());
    }

    /** The trace as every check stored it before: canonical JSON, bars and all. */
    @Benchmark
    public String wholeTrace() {
        return CanonicalJson.write(trace);
    }

    /**
     * The trace as a check stores it now: its windows named, and the whole text for the answer and the explanation.
     * (Named when only the bars were windows; kept so that its figures compare across rounds.)
     */
    @Benchmark
    public TraceWindows.Split namedBars() {
        return TraceWindows.split(sameBar[next++ & 1]);
    }
}
