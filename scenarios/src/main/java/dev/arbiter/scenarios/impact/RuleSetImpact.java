package dev.arbiter.scenarios.impact;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.decision.ProposalVerdict;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.scenarios.run.ScenarioRunner;
import dev.arbiter.scenarios.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What changing the rules would have changed: replays a scenario with rule set A (A's decisions evolve
 * the account) and decides every one of A's requests again with rule set B, recording each decision
 * whose status or orders differ and the rules that fired under one set and not the other. Both see the
 * very same requests, so every difference is the rules' doing.
 */
public final class RuleSetImpact {

    private RuleSetImpact() {
    }

    public static ImpactReport compare(ScenarioSpec spec, Map<String, List<Bar>> bars, DecisionPipeline a,
                                       DecisionPipeline b) {
        List<DecisionChange> changes = new ArrayList<>();
        int[] decisions = {0};
        new ScenarioRunner(a).run(spec, bars, (step, request, resultA) -> {
            decisions[0]++;
            DecisionResult resultB = b.decide(request.requestId() + "-b", request);
            diff(step, resultA, resultB).ifPresent(changes::add);
        });
        Map<String, Integer> byRule = new TreeMap<>();
        // Per rule (symbols folded): in how many changed decisions it fired under one set only.
        changes.forEach(c -> c.responsible().stream().map(r -> r.split(" ")[0]).distinct()
                .forEach(r -> byRule.merge(r, 1, Integer::sum)));
        return new ImpactReport(spec.name(), a.versions().ruleSet() + " " + a.versions().limits(), b.versions().ruleSet() + " " + b.versions().limits(), decisions[0],
                List.copyOf(changes), byRule);
    }

    static java.util.Optional<DecisionChange> diff(int step, DecisionResult a, DecisionResult b) {
        Decision da = a.decision();
        Decision db = b.decision();
        List<String> ordersA = orders(da.orders());
        List<String> ordersB = orders(db.orders());
        if (da.status() == db.status() && ordersA.equals(ordersB)) {
            return java.util.Optional.empty();
        }
        Set<String> firedA = codes(a);
        Set<String> firedB = codes(b);
        List<String> onlyA = firedA.stream().filter(c -> !firedB.contains(c)).toList();
        List<String> onlyB = firedB.stream().filter(c -> !firedA.contains(c)).toList();
        return java.util.Optional.of(new DecisionChange(step, da.asOf(), da.status().name(), db.status().name(), ordersA,
                ordersB, onlyA, onlyB));
    }

    /**
     * Each reason code with the symbol of the proposal it concerned (e.g. {@code L4-VOLATILITY BTC-USDT}),
     * so a rule that fired for one symbol under both sets still shows as responsible for the other
     * symbol's change; codes that concerned no proposal (a halt without proposals) stand alone.
     */
    private static Set<String> codes(DecisionResult result) {
        Set<String> codes = new LinkedHashSet<>();
        for (ProposalVerdict verdict : result.decision().proposals()) {
            verdict.reasonCodes().forEach(code -> codes.add(code + " " + verdict.symbol()));
        }
        if (result.decision().proposals().isEmpty()) {
            result.trace().firings().forEach(f -> codes.add(f.reasonCode()));
        }
        return codes;
    }

    private static List<String> orders(List<Order> orders) {
        return orders.stream().map(o -> o.side() + " " + o.quantity().stripTrailingZeros().toPlainString() + " " + o.symbol())
                .sorted().toList();
    }
}
