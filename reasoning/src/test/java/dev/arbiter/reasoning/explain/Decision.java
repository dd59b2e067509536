package dev.arbiter.reasoning.explain;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.reasoning.proof.LimitViolation;
import dev.arbiter.reasoning.proof.ProofVerdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds the facts of a decision for explainer tests: proposals, firings, outcomes, allocation, proof. */
final class Decision {

    private final List<Proposal> proposals = new ArrayList<>();
    private final List<FiredRule> firings = new ArrayList<>();
    private final List<RuleOutcome> outcomes = new ArrayList<>();
    private final List<SizedOrder> allocation = new ArrayList<>();
    private final List<LimitViolation> violations = new ArrayList<>();
    private final List<ModelLean> leans = new ArrayList<>();
    private ProofVerdict verdict = ProofVerdict.PROVED;

    static Decision decision() {
        return new Decision();
    }

    static Reason reason(String rule, String code, Layer layer, String legalSource, String message) {
        return new Reason(rule, code, layer, legalSource, message);
    }

    Decision buy(String proposalId, String account, String symbol, String quantity, String price) {
        proposals.add(new Proposal(proposalId, account, symbol, Side.BUY, new BigDecimal(quantity),
                new BigDecimal(price), 0.7, "momentum-entry"));
        return this;
    }

    /** A buy whose origin acted on {@code models}' predictions. */
    Decision buyOn(String proposalId, String symbol, String quantity, String price, String... models) {
        proposals.add(new Proposal(proposalId, "ACC-1", symbol, Side.BUY, new BigDecimal(quantity),
                new BigDecimal(price), 0.7, "intent " + proposalId + " (client)", List.of(models)));
        return this;
    }

    Decision leaned(ModelLean lean) {
        leans.add(lean);
        return this;
    }

    Decision fired(String rule, Layer layer, String code, String... matchedFacts) {
        firings.add(new FiredRule(rule, layer, code, List.of(matchedFacts)));
        return this;
    }

    Decision outcome(RuleOutcome outcome) {
        outcomes.add(outcome);
        return this;
    }

    Decision sized(String proposalId, String quantity, String... boundBy) {
        allocation.add(new SizedOrder(proposalId, new BigDecimal(quantity), List.of(boundBy)));
        return this;
    }

    Decision proof(ProofVerdict verdict, LimitViolation... violations) {
        this.verdict = verdict;
        this.violations.addAll(List.of(violations));
        return this;
    }

    DecisionFacts facts() {
        return new DecisionFacts(proposals, firings, outcomes, allocation, verdict, violations, leans);
    }
}
