package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.lifecycle.ImpactAnalysis;
import dev.arbiter.engine.lifecycle.ImpactReport;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import dev.arbiter.engine.shadow.DecisionComparison;
import java.util.ArrayList;
import java.util.List;

/**
 * The impact of a candidate release: the last stored decisions re-run with it, each compared with what was
 * decided, as {@link DecisionComparison} defines a change and the rules responsible for it.
 */
final class RecentDecisionsImpact implements ImpactAnalysis {

    private final DecisionRepository decisions;
    private final DecisionPipeline pipeline;
    private final int lastN;

    RecentDecisionsImpact(DecisionRepository decisions, DecisionPipeline pipeline, int lastN) {
        this.decisions = decisions;
        this.pipeline = pipeline;
        this.lastN = lastN;
    }

    @Override
    public ImpactReport assess(RuleRelease candidate) {
        List<ImpactReport.ChangedDecision> changed = new ArrayList<>();
        int replayed = 0;
        for (String id : decisions.lastIds(DecisionService.DECISION, lastN)) {
            StoredDecision stored = decisions.find(id).orElseThrow();
            DecisionTrace storedTrace = CanonicalJson.mapper().readValue(stored.traceJson(), DecisionTrace.class);
            Decision storedDecision = CanonicalJson.mapper().readValue(stored.decisionJson(), Decision.class);
            DecisionResult rerun = pipeline.decide(id, storedTrace.request(), candidate);
            replayed++;
            List<String> differences = DecisionComparison.differences(storedDecision, rerun.decision());
            if (!differences.isEmpty()) {
                changed.add(new ImpactReport.ChangedDecision(id, storedDecision.status().name(),
                        rerun.decision().status().name(), differences,
                        DecisionComparison.rulesResponsible(storedTrace, rerun.trace())));
            }
        }
        return new ImpactReport(replayed, changed);
    }
}
