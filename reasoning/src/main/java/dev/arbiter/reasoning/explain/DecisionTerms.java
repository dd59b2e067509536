package dev.arbiter.reasoning.explain;

import alice.tuprolog.Int;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.kb.text.Figures;
import dev.arbiter.reasoning.proof.LimitViolation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A decision's facts as Prolog terms, grouped by functor, as {@code decision_facts/2} serves them. Text
 * becomes atoms whole (no quoting, no parsing), decimals become atoms holding their plain text, enum
 * values become lower-case atoms ({@code buy}, {@code l3}, {@code account}, {@code violated}). Each proposal's
 * status and the halts that cover it come decided from Java ({@link StatusPrecedence}).
 */
final class DecisionTerms {

    private final Map<String, List<Term>> factsByFunctor = new LinkedHashMap<>();

    private DecisionTerms() {
    }

    static Map<String, Struct> of(DecisionFacts facts) {
        DecisionTerms terms = new DecisionTerms();
        facts.proposals().forEach(terms::proposal);
        // Decided in Java (StatusPrecedence); the theory words why, it does not decide.
        for (Proposal p : facts.proposals()) {
            terms.add("status", new Struct("status", atom(p.proposalId()), enumAtom(facts.status(p.proposalId()))));
            for (Halt halt : facts.haltsCovering(p.proposalId())) {
                Reason r = halt.reason();
                terms.add("halt_covers", new Struct("halt_covers", new Term[] {atom(p.proposalId()),
                        enumAtom(halt.scope()), atom(halt.target()), atom(r.code()), layer(r.layer()), atom(r.message())}));
            }
        }
        facts.firings().forEach(terms::firing);
        Set<Term> reasonRules = new LinkedHashSet<>();
        for (RuleOutcome outcome : facts.outcomes()) {
            terms.outcome(outcome);
            reasonRules.add(new Struct("reason_rule", atom(outcome.reason().code()), atom(outcome.reason().rule())));
        }
        reasonRules.forEach(fact -> terms.add("reason_rule", fact));
        facts.allocation().forEach(terms::sized);
        for (Proposal p : facts.proposals()) {
            p.models().forEach(model -> terms.add("used_model", new Struct("used_model", atom(p.proposalId()), atom(model))));
        }
        facts.modelLeans().forEach(terms::lean);
        terms.add("proof", new Struct("proof", enumAtom(facts.proofVerdict())));
        facts.proofViolations().forEach(terms::violation);
        for (Layer layer : Layer.values()) {
            terms.add("layer", new Struct("layer", layer(layer), atom(layer.code()), atom(layer.title())));
        }

        Map<String, Struct> lists = new LinkedHashMap<>();
        terms.factsByFunctor.forEach((functor, list) -> lists.put(functor, new Struct(list.toArray(Term[]::new))));
        return lists;
    }

    private void proposal(Proposal p) {
        add("proposal", new Struct("proposal", new Term[] {atom(p.proposalId()), atom(p.accountId()),
                atom(p.symbol()), enumAtom(p.side()), decimal(p.quantity()), decimal(p.price())}));
    }

    private void firing(FiredRule firing) {
        add("fired", new Struct("fired", atom(firing.rule()), layer(firing.layer()), atom(firing.reasonCode())));
        firing.matchedFacts().forEach(fact -> add("matched", new Struct("matched", atom(firing.rule()), atom(fact))));
    }

    private void outcome(RuleOutcome outcome) {
        Reason r = outcome.reason();
        switch (outcome) {
            case Rejection rejection -> add("rejected", new Struct("rejected", new Term[] {
                    atom(rejection.proposalId()), atom(r.code()), layer(r.layer()), atom(r.legalSource()),
                    atom(r.message())}));
            case Cap cap -> add("capped", new Struct("capped", new Term[] {
                    atom(cap.proposalId()), decimal(cap.maxQuantity()), atom(r.code()), layer(r.layer()),
                    atom(r.legalSource()), atom(r.message())}));
            case Flag flag -> add("flagged", new Struct("flagged", new Term[] {
                    atom(flag.proposalId()), atom(r.code()), layer(r.layer()), atom(r.legalSource()),
                    atom(r.message())}));
            case Halt halt -> add("halted", new Struct("halted", new Term[] {
                    enumAtom(halt.scope()), atom(halt.target()), atom(r.code()), layer(r.layer()),
                    atom(r.message())}));
            // Opening orders in the scope are rejected by a rule of their own, which the explanation cites.
            case ReduceOnly reduceOnly -> add("reduce_only", new Struct("reduce_only", new Term[] {
                    enumAtom(reduceOnly.scope()), atom(reduceOnly.target()), atom(r.code()), layer(r.layer()),
                    atom(r.message())}));
        }
    }

    private void sized(SizedOrder order) {
        add("allocated", new Struct("allocated", atom(order.proposalId()), decimal(order.quantity())));
        order.boundBy().forEach(sentence ->
                add("bound_by", new Struct("bound_by", atom(order.proposalId()), atom(sentence))));
    }

    private void violation(LimitViolation violation) {
        add("violation", new Struct("violation", atom(violation.limit()), atom(violation.detail())));
    }

    private void add(String functor, Term fact) {
        factsByFunctor.computeIfAbsent(functor, key -> new ArrayList<>()).add(fact);
    }

    /** Any text as one atom, exactly: a Struct built in Java is never re-read by the parser. */
    static Struct atom(String text) {
        return new Struct(text);
    }

    /** A quantity or price as its sentences write it ({@link Figures#plain}): 10.00 and 10 are one figure. */
    /** A model's lean, its figures written as readings: four decimals, contributions with their sign. */
    private void lean(ModelLean lean) {
        add("leaned", new Struct("leaned", new Term[] {atom(lean.model()), atom(lean.version()),
                atom(Figures.reading(lean.probabilityUp(), 4)),
                signed(lean.logOdds()), signed(lean.baseValue())}));
        for (int rank = 0; rank < lean.largest().size(); rank++) {
            ModelLean.Contribution c = lean.largest().get(rank);
            add("lean", new Struct("lean", new Term[] {atom(lean.model()), new Int(rank + 1),
                    atom(c.feature()), signed(c.amount())}));
        }
    }

    private static Struct signed(double reading) {
        return atom(String.format(Locale.ROOT, "%+.4f", reading));
    }

    private static Struct decimal(BigDecimal value) {
        return atom(Figures.plain(value));
    }

    private static Struct layer(Layer layer) {
        return enumAtom(layer);
    }

    private static Struct enumAtom(Enum<?> value) {
        return atom(value.name().toLowerCase(Locale.ROOT));
    }
}
