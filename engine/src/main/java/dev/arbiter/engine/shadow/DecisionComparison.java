package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.OutcomeRecord;
import dev.arbiter.engine.decision.ProposalVerdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How one decision differs from another made from the same request: the one definition the impact of a candidate
 * and the shadow comparison share. A decision changed when its status, or any proposal's verdict, final quantity or
 * reason codes differ; versions and explanation wording are left out (they differ for every candidate and say nothing
 * by themselves; orders follow from the verdicts and quantities). The rules responsible are those whose firings or
 * outcomes (kind, proposal, cap) differ between the two runs.
 */
public final class DecisionComparison {

    private DecisionComparison() {
    }

    /** Status, then per proposal (by id) its verdict, final quantity and reason codes gained or lost. */
    public static List<String> differences(Decision before, Decision after) {
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

    /** The reason codes of the rules that fired, or concluded, in one run and not in the other, sorted. */
    public static List<String> rulesResponsible(DecisionTrace before, DecisionTrace after) {
        Set<Conclusion> was = conclusions(before);
        Set<Conclusion> now = conclusions(after);
        Set<String> codes = new TreeSet<>();
        was.stream().filter(c -> !now.contains(c)).forEach(c -> codes.add(c.reasonCode()));
        now.stream().filter(c -> !was.contains(c)).forEach(c -> codes.add(c.reasonCode()));
        return List.copyOf(codes);
    }

    /** A firing, or an outcome with what it concluded, so that the same rule concluding differently counts. */
    private record Conclusion(String reasonCode, String what) {
    }

    private static Set<Conclusion> conclusions(DecisionTrace trace) {
        Set<Conclusion> conclusions = new java.util.HashSet<>();
        trace.firings().forEach(f -> conclusions.add(new Conclusion(f.reasonCode(), "fired")));
        for (OutcomeRecord o : trace.outcomes()) {
            conclusions.add(new Conclusion(o.reason().code(), o.kind() + " " + o.proposalId() + " "
                    + plain(o.maxQuantity())));
        }
        return conclusions;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "-" : amount.stripTrailingZeros().toPlainString();
    }
}
