package dev.arbiter.engine.decision;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How long each stage of one decision took. Kept beside the trace, never in it: timings differ on every run,
 * and a trace must replay identically.
 */
public record StageTimes(Duration facts, Duration rules, Duration sizing, Duration proof, Duration explanation) {

    /** For results rebuilt from storage, whose timings were not kept. */
    public static final StageTimes UNKNOWN = new StageTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO, Duration.ZERO);

    /** These timings with the explanation's. */
    public StageTimes withExplanation(Duration took) {
        return new StageTimes(facts, rules, sizing, proof, took);
    }

    /** The stages by the name metrics use, in pipeline order. */
    public Map<String, Duration> byStage() {
        Map<String, Duration> stages = new LinkedHashMap<>();
        stages.put("facts", facts);
        stages.put("rules", rules);
        stages.put("sizing", sizing);
        stages.put("proof", proof);
        stages.put("explanation", explanation);
        return stages;
    }
}
