package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleMetadata;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs a compiled rule set over one decision's facts in a fresh session and records every firing.
 * A session that keeps firing past {@link #MAX_FIRINGS} is a rule loop: the run fails rather than
 * decide on a partial conclusion.
 */
public final class RuleSessionRunner {

    public static final int MAX_FIRINGS = 10_000;

    public SessionResult run(CompiledRuleSet ruleSet, Collection<?> facts) {
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            Recorder recorder = new Recorder(ruleSet);
            session.addEventListener((DefaultRuleRuntimeEventListener) recorder.inserts);
            session.addEventListener((DefaultAgendaEventListener) recorder.firings);
            facts.forEach(session::insert);
            int fired = session.fireAllRules(MAX_FIRINGS);
            if (fired >= MAX_FIRINGS) {
                throw new IllegalStateException("rule set " + ruleSet.version() + " fired " + fired
                        + " times without settling; a rule probably re-triggers itself");
            }
            return new SessionResult(ruleSet.version(), recorder.proposals, recorder.outcomes, recorder.trace);
        } finally {
            session.dispose();
        }
    }

    /** Collects what each firing inserted, then closes the firing when its consequence is done. */
    private static final class Recorder {

        private final CompiledRuleSet ruleSet;
        private final List<Firing> trace = new ArrayList<>();
        private final List<Proposal> proposals = new ArrayList<>();
        private final List<RuleOutcome> outcomes = new ArrayList<>();
        private final List<String> pendingConclusions = new ArrayList<>();

        private final DefaultRuleRuntimeEventListener inserts = new DefaultRuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (event.getRule() == null) {
                    return; // an input fact, not a conclusion
                }
                Object fact = event.getObject();
                if (fact instanceof Proposal proposal) {
                    proposals.add(proposal);
                } else if (fact instanceof RuleOutcome outcome) {
                    outcomes.add(outcome);
                }
                pendingConclusions.add(String.valueOf(fact));
            }
        };

        private final DefaultAgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleMetadata meta = ruleSet.metadata(event.getMatch().getRule().getName());
                List<String> matched = event.getMatch().getObjects().stream().map(String::valueOf).toList();
                trace.add(new Firing(trace.size() + 1, meta.rule(), meta.layer(), meta.reasonCode(),
                        meta.legalSource(), matched, pendingConclusions));
                pendingConclusions.clear();
            }
        };

        private Recorder(CompiledRuleSet ruleSet) {
            this.ruleSet = ruleSet;
        }
    }
}
