package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Reason;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.dsl.Outcomes;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;

/**
 * Runs a compiled rule set over one decision's facts in a fresh session and records every firing.
 *
 * <p>Fails closed: when a rule throws, the session fires more than {@code maxFirings} times (a rule
 * re-triggering itself) or runs past its deadline, every proposal of the decision, including intents
 * that had not yet become proposals, is rejected with reason code {@value #ENGINE_FAULT} naming the
 * rule, and the trace of what fired so far is kept.
 */
public final class RuleSessionRunner {

    public static final String ENGINE_FAULT = "ENGINE_FAULT";
    public static final int DEFAULT_MAX_FIRINGS = 10_000;
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(2);

    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "rule-session-deadline");
        thread.setDaemon(true);
        return thread;
    });

    static {
        WATCHDOG.setRemoveOnCancelPolicy(true); // a decision that ends in time leaves no task behind
    }

    private final int maxFirings;
    private final Duration deadline;

    public RuleSessionRunner() {
        this(DEFAULT_MAX_FIRINGS, DEFAULT_DEADLINE);
    }

    public RuleSessionRunner(int maxFirings, Duration deadline) {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings: " + maxFirings + " is not accepted; expected >= 1");
        }
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline: " + deadline + " is not accepted; expected a positive duration");
        }
        this.maxFirings = maxFirings;
        this.deadline = deadline;
    }

    public SessionResult run(CompiledRuleSet ruleSet, Collection<?> facts) {
        KieSession session = ruleSet.kieBase().newKieSession();
        try {
            Recorder recorder = new Recorder(ruleSet);
            recorder.attach(session);
            facts.forEach(session::insert);
            SessionFault fault = fire(session, recorder, maxFirings);
            return fault == null ? FiringOrder.result(ruleSet.version(), recorder.recorded)
                    : failed(recorder, facts, fault);
        } finally {
            session.dispose();
        }
    }

    /**
     * Fires what the session's inserted facts activated, at most {@code allowed} times and within the deadline,
     * recording it; what went wrong, or {@code null} when the session finished. Callers build the result they need
     * from the recorder (a standing session, which answers a fault with a fresh session, needs none).
     */
    SessionFault fire(KieSession session, Recorder recorder, int allowed) {
        AtomicBoolean timedOut = new AtomicBoolean();
        ScheduledFuture<?> watchdog = null;
        try {
            watchdog = WATCHDOG.schedule(() -> {
                timedOut.set(true);
                session.halt();
            }, deadline.toNanos(), TimeUnit.NANOSECONDS);
            // One firing past the bound tells a rule that keeps re-triggering from a session that fits exactly.
            int fired = session.fireAllRules(allowed + 1);
            watchdog.cancel(false);
            if (timedOut.get()) {
                return new SessionFault(SessionFault.Kind.DEADLINE, recorder.running,
                        "still firing after " + deadline.toMillis() + " ms");
            }
            if (fired > allowed) {
                return new SessionFault(SessionFault.Kind.TOO_MANY_FIRINGS, recorder.running,
                        "more than " + maxFirings + " firings, the most a decision may take"
                                + "; a rule probably re-triggers itself");
            }
            return null;
        } catch (ConsequenceException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new SessionFault(SessionFault.Kind.RULE_EXCEPTION, e.getRule().getName(),
                    cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
        } catch (RuntimeException e) {
            return new SessionFault(SessionFault.Kind.RULE_EXCEPTION, recorder.running,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            if (watchdog != null) {
                watchdog.cancel(false);
            }
        }
    }

    int maxFirings() {
        return maxFirings;
    }

    private static SessionResult failed(Recorder recorder, Collection<?> facts, SessionFault fault) {
        List<Proposal> proposals = new ArrayList<>(recorder.proposals);
        for (Object fact : facts) {
            if (fact instanceof OrderIntent intent
                    && proposals.stream().noneMatch(p -> p.proposalId().equals(intent.intentId()))) {
                proposals.add(Outcomes.fromIntent(intent));
            }
        }
        List<RuleOutcome> outcomes = new ArrayList<>(recorder.outcomes);
        Reason reason = new Reason(fault.rule().isEmpty() ? "(engine)" : fault.rule(), ENGINE_FAULT, Layer.ENGINE, "",
                fault.message());
        proposals.forEach(p -> outcomes.add(new Rejection(p.proposalId(), reason)));
        return new SessionResult(recorder.ruleSet.version(), proposals, outcomes,
                FiringOrder.firings(recorder.recorded), fault);
    }

    /**
     * Collects what each firing inserted, then closes the firing when its consequence is done; keeps the handles
     * of what rules inserted, and notes when a rule changed or deleted a fact.
     */
    static final class Recorder {

        private final CompiledRuleSet ruleSet;
        /** Every firing, in the order it happened. */
        final List<FiringOrder.Recorded> recorded = new ArrayList<>();
        /** Where each firing is also put by its match, as it happens; {@code null} when nobody asks. */
        private final Map<Match, FiringOrder.Recorded> byMatch;
        final List<Proposal> proposals = new ArrayList<>();
        final List<RuleOutcome> outcomes = new ArrayList<>();
        final List<FactHandle> concluded = new ArrayList<>();
        private final List<Object> pendingConclusions = new ArrayList<>();
        private final List<FactHandle> pendingHandles = new ArrayList<>();
        /** Whether a rule's consequence updated or deleted a fact: the session's facts are no longer only its inputs. */
        boolean changedFacts;
        /** The rule whose consequence runs now, or ran last; empty before the first firing. */
        private volatile String running = "";

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
                concluded.add(event.getFactHandle());
                pendingConclusions.add(fact);
                pendingHandles.add(event.getFactHandle());
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                changedFacts |= event.getRule() != null;
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                changedFacts |= event.getRule() != null;
            }
        };

        private final DefaultAgendaEventListener firings = new DefaultAgendaEventListener() {
            @Override
            public void beforeMatchFired(BeforeMatchFiredEvent event) {
                running = event.getMatch().getRule().getName();
            }

            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                RuleMetadata meta = ruleSet.metadata(event.getMatch().getRule().getName());
                List<TracedFact> matched = event.getMatch().getObjects().stream().map(TracedFact::of).toList();
                Firing firing = new Firing(recorded.size() + 1, meta.rule(), meta.layer(), meta.reasonCode(),
                        meta.legalSource(), meta.severity(), matched,
                        pendingConclusions.stream().map(TracedFact::of).toList());
                FiringOrder.Recorded done = new FiringOrder.Recorded(firing, List.copyOf(pendingConclusions),
                        List.copyOf(pendingHandles));
                recorded.add(done);
                if (byMatch != null) {
                    byMatch.put(event.getMatch(), done);
                }
                pendingConclusions.clear();
                pendingHandles.clear();
            }
        };

        Recorder(CompiledRuleSet ruleSet) {
            this(ruleSet, null);
        }

        /** @param byMatch where to put each firing by its match as it happens, or {@code null} */
        Recorder(CompiledRuleSet ruleSet, Map<Match, FiringOrder.Recorded> byMatch) {
            this.ruleSet = Objects.requireNonNull(ruleSet);
            this.byMatch = byMatch;
        }

        void attach(KieSession session) {
            session.addEventListener(inserts);
            session.addEventListener(firings);
        }

        void detach(KieSession session) {
            session.removeEventListener(inserts);
            session.removeEventListener(firings);
        }
    }
}
