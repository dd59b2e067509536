package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.RuleOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.kie.api.runtime.rule.FactHandle;

/**
 * The order a session's firings are told in: by layer (strategy first, then L1 to L7), then by rule, then by the
 * facts matched. It depends only on what fired, never on the order the engine happened to fire it in, so a session
 * built for this book, one kept since the book looked otherwise, and a fresh one give the same trace, numbered
 * 1 to n, and the same proposals and outcomes in the same order.
 */
final class FiringOrder {

    private static final Comparator<Recorded> ORDER = Comparator.comparing((Recorded r) -> r.firing().layer())
            .thenComparing(r -> r.firing().rule())
            .thenComparing(Recorded::matchedText);

    private FiringOrder() {
    }

    /** One firing as a session recorded it, with what its consequence inserted and their handles. */
    static final class Recorded {

        private final Firing firing;
        private final List<Object> conclusions;
        private final List<FactHandle> handles;
        private String matchedText;

        Recorded(Firing firing, List<Object> conclusions, List<FactHandle> handles) {
            this.firing = firing;
            this.conclusions = conclusions;
            this.handles = handles;
        }

        Firing firing() {
            return firing;
        }

        List<FactHandle> handles() {
            return handles;
        }

        /**
         * Only asked when one rule fired more than once, so most checks never pay for it. The records' own text is
         * enough to order by (equal records, equal text) and costs less than the worded form.
         */
        private String matchedText() {
            if (matchedText == null) {
                matchedText = firing.matched().stream()
                        .map(f -> f instanceof TracedFact.Typed typed ? typed.fact().toString() : f.describe())
                        .collect(Collectors.joining("\n"));
            }
            return matchedText;
        }
    }

    /** The firings in order, numbered from 1. */
    static List<Firing> firings(Collection<Recorded> recorded) {
        return sorted(recorded).stream().map(r -> r.firing).toList();
    }

    /** A finished session's result: its firings in order, and the proposals and outcomes they concluded, in that order. */
    static SessionResult result(String ruleSetVersion, Collection<Recorded> recorded) {
        List<Recorded> sorted = sorted(recorded);
        List<Firing> firings = new ArrayList<>(sorted.size());
        List<Proposal> proposals = new ArrayList<>();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Recorded r : sorted) {
            firings.add(r.firing);
            for (Object conclusion : r.conclusions) {
                if (conclusion instanceof Proposal proposal) {
                    proposals.add(proposal);
                } else if (conclusion instanceof RuleOutcome outcome) {
                    outcomes.add(outcome);
                }
            }
        }
        return new SessionResult(ruleSetVersion, proposals, outcomes, firings, null);
    }

    private static List<Recorded> sorted(Collection<Recorded> recorded) {
        List<Recorded> sorted = new ArrayList<>(recorded);
        sorted.sort(ORDER);
        for (int i = 0; i < sorted.size(); i++) {
            Recorded r = sorted.get(i);
            Firing f = r.firing;
            if (f.sequence() != i + 1) {
                sorted.set(i, new Recorded(new Firing(i + 1, f.rule(), f.layer(), f.reasonCode(), f.legalSource(),
                        f.severity(), f.matched(), f.concluded()), r.conclusions, r.handles));
            }
        }
        return sorted;
    }
}
