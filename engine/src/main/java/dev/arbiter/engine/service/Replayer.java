package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.json.Timings;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.ReleaseStore;
import dev.arbiter.engine.service.store.StoredDecision;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Re-runs a stored decision from its trace (the request as the pipeline saw it) with the release it
 * was made with, and compares decision and trace field by field with what was stored.
 */
final class Replayer {

    /**
     * The outcome of a replay: identical, or every field that differs.
     *
     * @param timingsIgnored fields that measure how long a stage took (e.g. the proof's
     *                       {@code checkMicros}): they differ on every run and say nothing about the decision
     */
    @Schema(name = "ReplayReport") // distinct from an order report in the API document
    record Report(String decisionId, String releaseKey, boolean identical, List<JsonDiff.Difference> differences,
                  List<String> timingsIgnored) {
    }

    private DecisionPipeline pipelineFor(StoredDecision stored) {
        return pipelines.of(stored.kind());
    }

    private RuleRelease releaseOf(StoredDecision stored) {
        return releases.load(stored.releaseKey()).orElseThrow(() -> new IllegalStateException("decision "
                + stored.decisionId() + " names release " + stored.releaseKey() + ", which is not stored"));
    }

    private static boolean timing(JsonDiff.Difference difference) {
        return Timings.isTiming(difference.path());
    }

    private final PipelinesByKind pipelines;
    private final DecisionRepository decisions;
    private final ReleaseStore releases;
    private final DeferredExplanations explanations;

    Replayer(PipelinesByKind pipelines, DecisionRepository decisions, ReleaseStore releases,
             DeferredExplanations explanations) {
        this.pipelines = pipelines;
        this.decisions = decisions;
        this.releases = releases;
        this.explanations = explanations;
    }

    /**
     * Asks a Prolog goal about a stored decision, over the facts its trace holds; the decision is explained first
     * if it was not yet, so that what a query answers and what the trace says are about the same stored decision.
     */
    List<String> query(String decisionId, String goal) {
        StoredDecision stored = decisions.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        DecisionTrace trace = explanations.complete(stored).trace();
        return pipelineFor(stored).query(trace, goal);
    }

    /** Decides again, explanation included, and compares with the stored decision completed with its explanation. */
    Report replay(String decisionId) {
        StoredDecision stored = decisions.find(decisionId).orElseThrow(() -> new UnknownDecisionException(decisionId));
        DeferredExplanations.WholeJson whole = explanations.completeJson(stored);
        JsonNode storedTrace = CanonicalJson.mapper().readTree(whole.traceJson());
        JsonNode storedDecision = CanonicalJson.mapper().readTree(whole.decisionJson());
        DecisionRequest request = CanonicalJson.mapper().treeToValue(storedTrace.get("request"), DecisionRequest.class);
        DecisionResult replayed = pipelineFor(stored).decide(decisionId, request, releaseOf(stored));
        List<JsonDiff.Difference> differences = new ArrayList<>();
        differences.addAll(JsonDiff.between("decision", storedDecision,
                CanonicalJson.mapper().readTree(CanonicalJson.write(replayed.decision()))));
        differences.addAll(JsonDiff.between("trace", storedTrace,
                CanonicalJson.mapper().readTree(CanonicalJson.write(replayed.trace()))));
        List<JsonDiff.Difference> timings = differences.stream().filter(Replayer::timing).toList();
        differences.removeAll(timings);
        return new Report(decisionId, stored.releaseKey(), differences.isEmpty(), differences,
                timings.stream().map(JsonDiff.Difference::path).toList());
    }
}
