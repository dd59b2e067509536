package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.FiredRule;
import dev.arbiter.reasoning.explain.PrologExplainer;
import dev.arbiter.reasoning.explain.SizedOrder;
import dev.arbiter.reasoning.proof.LimitViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The explanation workload as one plain Prolog program that classic tuProlog and 2p-kt both read: the
 * shipped theory, its three Java primitives ({@code decision_facts/2}, {@code decimal_compare/3},
 * {@code text_concat/2}) written in ISO Prolog, and a decision's facts as clauses. Quotes and backslashes in
 * texts are replaced (classic tuProlog reads no escapes), which changes no timing.
 */
final class PortableExplanation {

    static final String PRIMITIVES = """

            % Portable versions of the explainer's Java primitives.
            decision_facts(F, L) :- fact_list(F, L), !.
            decision_facts(_, []).
            decimal_compare(Order, Left, Right) :-
                dec_value(Left, LeftValue), dec_value(Right, RightValue), dec_order(LeftValue, RightValue, Order).
            % Both engines' number_codes/2 refuse the single digit zero; if-then-else rather than cuts, which
            % lose the caller's bindings in 2p-kt 1.0.4.
            dec_value(Text, Value) :-
                ( Text == '0' -> Value = 0 ; atom(Text) -> atom_codes(Text, Codes), number_codes(Value, Codes) ; Value = Text ).
            dec_order(X, Y, O) :- ( X < Y -> O = less ; X =:= Y -> O = equal ; O = greater ).
            text_concat(Parts, Text) :- tc_parts(Parts, '', Text).
            tc_parts([], Text, Text).
            tc_parts([P | Ps], Acc, Text) :- tc_atom(P, A), atom_concat(Acc, A, Acc1), tc_parts(Ps, Acc1, Text).
            tc_atom(P, A) :- ( atom(P) -> A = P ; number_codes(P, C), atom_codes(A, C) ).
            """;

    private PortableExplanation() {
    }

    /** The shipped theory, without its guarded-query section (it calls tuProlog-specific built-ins). */
    static String theory() {
        try (InputStream in = PrologExplainer.class.getResourceAsStream("/dev/arbiter/reasoning/explain.pl")) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int queries = text.indexOf("query_goal(G) :- var(G)");
            return (queries < 0 ? text : text.substring(0, queries)) + PRIMITIVES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The decision's facts as {@code fact_list(Functor, [Fact, ...]).} clauses. */
    static String facts(DecisionFacts facts) {
        Map<String, List<String>> byFunctor = new LinkedHashMap<>();
        for (Proposal p : facts.proposals()) {
            add(byFunctor, "proposal", a(p.proposalId()), a(p.accountId()), a(p.symbol()), e(p.side()),
                    a(p.quantity().toPlainString()), a(p.price().toPlainString()));
        }
        for (Proposal p : facts.proposals()) {
            add(byFunctor, "status", a(p.proposalId()), e(facts.status(p.proposalId())));
            for (Halt h : facts.haltsCovering(p.proposalId())) {
                add(byFunctor, "halt_covers", a(p.proposalId()), e(h.scope()), a(h.target()), a(h.reason().code()),
                        e(h.reason().layer()), a(h.reason().message()));
            }
        }
        for (FiredRule f : facts.firings()) {
            add(byFunctor, "fired", a(f.rule()), e(f.layer()), a(f.reasonCode()));
            for (String matched : f.matchedFacts()) {
                add(byFunctor, "matched", a(f.rule()), a(matched));
            }
        }
        for (RuleOutcome o : facts.outcomes()) {
            Reason r = o.reason();
            switch (o) {
                case Rejection x -> add(byFunctor, "rejected", a(x.proposalId()), a(r.code()), e(r.layer()),
                        a(r.legalSource()), a(r.message()));
                case Cap x -> add(byFunctor, "capped", a(x.proposalId()), a(x.maxQuantity().toPlainString()), a(r.code()),
                        e(r.layer()), a(r.legalSource()), a(r.message()));
                case Flag x -> add(byFunctor, "flagged", a(x.proposalId()), a(r.code()), e(r.layer()), a(r.legalSource()),
                        a(r.message()));
                case Halt x -> add(byFunctor, "halted", e(x.scope()), a(x.target()), a(r.code()), e(r.layer()), a(r.message()));
                case ReduceOnly x -> add(byFunctor, "reduce_only", e(x.scope()), a(x.target()), a(r.code()), e(r.layer()),
                        a(r.message()));
            }
            add(byFunctor, "reason_rule", a(r.code()), a(r.rule()));
        }
        for (SizedOrder s : facts.allocation()) {
            add(byFunctor, "allocated", a(s.proposalId()), a(s.quantity().toPlainString()));
            for (String sentence : s.boundBy()) {
                add(byFunctor, "bound_by", a(s.proposalId()), a(sentence));
            }
        }
        add(byFunctor, "proof", e(facts.proofVerdict()));
        for (LimitViolation v : facts.proofViolations()) {
            add(byFunctor, "violation", a(v.limit()), a(v.detail()));
        }
        for (Layer layer : Layer.values()) {
            add(byFunctor, "layer", e(layer), a(layer.code()), a(layer.title()));
        }
        StringBuilder text = new StringBuilder();
        byFunctor.forEach((functor, list) -> text.append("fact_list(").append(functor).append(", [")
                .append(String.join(", ", list)).append("]).\n"));
        return text.toString();
    }

    private static void add(Map<String, List<String>> byFunctor, String functor, String... args) {
        byFunctor.computeIfAbsent(functor, k -> new ArrayList<>()).add(functor + "(" + String.join(", ", args) + ")");
    }

    private static String a(String text) {
        return "'" + text.replace("'", "\u2019").replace("\\", "/").replace("\n", " ") + "'";
    }

    private static String e(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
