package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.solver.AllocationCandidate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which proposals survive the rules, and with what cap: a proposal survives when no rule rejected it
 * and no halt covers it; its cap is the smallest any rule set.
 */
final class Survivors {

    private Survivors() {
    }

    static List<AllocationCandidate> of(List<Proposal> proposals, List<RuleOutcome> outcomes,
                                        List<Instrument> instruments) {
        Map<String, Instrument> bySymbol = instruments.stream()
                .collect(Collectors.toMap(Instrument::symbol, Function.identity()));
        List<AllocationCandidate> candidates = new ArrayList<>();
        for (Proposal proposal : proposals) {
            if (rejected(proposal, outcomes) || halted(proposal, outcomes)) {
                continue;
            }
            List<Cap> caps = outcomes.stream()
                    .filter(o -> o instanceof Cap c && c.proposalId().equals(proposal.proposalId()))
                    .map(Cap.class::cast)
                    .toList();
            BigDecimal max = caps.stream().map(Cap::maxQuantity).min(Comparator.naturalOrder())
                    .map(m -> m.min(proposal.quantity()))
                    .orElse(proposal.quantity());
            List<String> binding = caps.stream()
                    .filter(c -> c.maxQuantity().compareTo(max) == 0)
                    .map(c -> c.reason().code())
                    .toList();
            candidates.add(new AllocationCandidate(proposal, max, bySymbol.get(proposal.symbol()).lotSize(), binding));
        }
        return candidates;
    }

    static boolean rejected(Proposal proposal, List<RuleOutcome> outcomes) {
        return outcomes.stream().anyMatch(o -> o instanceof Rejection r && r.proposalId().equals(proposal.proposalId()));
    }

    static boolean halted(Proposal proposal, List<RuleOutcome> outcomes) {
        return outcomes.stream().anyMatch(o -> o instanceof Halt h && h.covers(proposal));
    }
}
