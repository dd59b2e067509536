package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.engine.decision.RuleRelease;
import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.engine.lifecycle.ImpactAnalysis;
import dev.arbiter.engine.lifecycle.ImpactReport;
import dev.arbiter.engine.service.store.DecisionRepository;
import dev.arbiter.engine.service.store.StoredDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The impact of a candidate release: the last stored decisions re-run with it, each compared with what was
 * decided. A decision changed when its status or any proposal's verdict, final quantity or reason codes differ; the rules responsible are
 * those whose firings or outcomes (kind, proposal, cap) differ between the two runs. Versions and explanation wording are left out of
 * the comparison: they differ for every candidate and say nothing by themselves. (Orders follow from the verdicts
 * and quantities.)
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
            JsonNode storedTrace = CanonicalJson.mapper().readTree(stored.traceJson());
            JsonNode storedDecision = CanonicalJson.mapper().readTree(stored.decisionJson());
            DecisionRequest request = CanonicalJson.mapper().treeToValue(storedTrace.get("request"), DecisionRequest.class);
            DecisionResult rerun = pipeline.decide(id, request, candidate);
            replayed++;
            List<String> differences = differences(
                    CanonicalJson.mapper().treeToValue(storedDecision, Decision.class), rerun.decision());
            if (!differences.isEmpty()) {
                Set<String> responsible = codesOfDifferent(conclusions(storedTrace), conclusions(
                        CanonicalJson.mapper().readTree(CanonicalJson.write(rerun.trace()))));
                changed.add(new ImpactReport.ChangedDecision(id, storedDecision.get("status").asString(),
                        rerun.decision().status().name(), differences, List.copyOf(responsible)));
            }
        }
        return new ImpactReport(replayed, changed);
    }

    /** Status, then per proposal (by id) its verdict, final quantity and reason codes gained or lost. */
    static List<String> differences(Decision before, Decision after) {
        List<String> differences = new ArrayList<>();
        if (before.status() != after.status()) {
            differences.add("status: " + before.status() + " -> " + after.status());
        }
        Map<String, ProposalVerdict> afterById = new TreeMap<>();
        after.proposals().forEach(p -> afterById.put(p.proposalId(), p));
        for (ProposalVerdict was : before.proposals()) {
            ProposalVerdict now = afterById.remove(was.proposalId());
            if (now == null) {
                differences.add(was.proposalId() + ": no longer proposed");
                continue;
            }
            if (!was.status().equals(now.status())) {
                differences.add(was.proposalId() + ": " + was.status() + " -> " + now.status());
            }
            if (was.finalQuantity().compareTo(now.finalQuantity()) != 0) {
                differences.add(was.proposalId() + ": quantity " + was.finalQuantity().toPlainString() + " -> "
                        + now.finalQuantity().toPlainString());
            }
            Set<String> lost = new TreeSet<>(was.reasonCodes());
            lost.removeAll(now.reasonCodes());
            Set<String> gained = new TreeSet<>(now.reasonCodes());
            gained.removeAll(was.reasonCodes());
            if (!lost.isEmpty() || !gained.isEmpty()) {
                differences.add(was.proposalId() + ": reason codes" + (lost.isEmpty() ? "" : " lost " + lost)
                        + (gained.isEmpty() ? "" : " gained " + gained));
            }
        }
        afterById.keySet().forEach(id -> differences.add(id + ": newly proposed"));
        return differences;
    }

    /** Each firing and each outcome as "CODE|what", so that the same rule concluding differently counts. */
    private static Set<String> conclusions(JsonNode trace) {
        Set<String> conclusions = new TreeSet<>();
        trace.path("firings").forEach(f -> conclusions.add(f.path("reasonCode").asString() + "|fired"));
        trace.path("outcomes").forEach(o -> conclusions.add(o.path("reason").path("code").asString() + "|"
                + o.path("kind").asString() + " " + o.path("proposalId").asString() + " " + o.path("maxQuantity")));
        return conclusions;
    }

    private static Set<String> codesOfDifferent(Set<String> before, Set<String> after) {
        Set<String> codes = new TreeSet<>();
        before.stream().filter(c -> !after.contains(c)).forEach(c -> codes.add(c.substring(0, c.indexOf('|'))));
        after.stream().filter(c -> !before.contains(c)).forEach(c -> codes.add(c.substring(0, c.indexOf('|'))));
        return codes;
    }
}
