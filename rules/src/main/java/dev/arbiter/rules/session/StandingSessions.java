package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.CompiledRuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * Long-lived rule sessions, one per key (an account): the book's standing facts are inserted and fired once, and
 * each check only inserts its own facts (the intents), fires what they activate, and takes them back out with
 * everything the rules concluded from them. A check against an unchanged book so costs what its own facts
 * activate, not a session over the whole book.
 *
 * <p>The answer is the one a fresh session over the same facts gives: the book's conclusions drawn once (kept with
 * their firings), then the check's. A session is used again only with the same compiled rule set and equal
 * standing facts; any change rebuilds it. It is thrown away when a rule changed or deleted a fact, when taking a
 * check back out activates anything (the session would no longer be the book alone), or on any fault, which is
 * then decided by a fresh session so that faults read exactly as they always have. The rule tests hold rule sets
 * to this: a case whose outcome depends on whether the book's conclusions came first fails
 * ({@code RuleTestRunner}).
 */
public final class StandingSessions implements AutoCloseable {

    /** Sessions kept when none is configured: one per active account, beyond which the least recent goes. */
    public static final int DEFAULT_CAPACITY = 256;

    private final RuleSessionRunner runner;
    private final int capacity;
    private final Map<String, Standing> sessions;

    public StandingSessions() {
        this(new RuleSessionRunner(), DEFAULT_CAPACITY);
    }

    public StandingSessions(RuleSessionRunner runner, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity: " + capacity + " is not accepted; expected >= 1");
        }
        this.runner = Objects.requireNonNull(runner, "runner");
        this.capacity = capacity;
        this.sessions = new LinkedHashMap<>(16, 0.75f, true);
    }

    /**
     * The facts a check brings with it and takes away again: its intents, the predictions and model health of the
     * request, and the breaks its claims showed. Everything else (limits, parameters, the account, its positions
     * and orders, market facts, restrictions) is the book, which stays from one check to the next.
     */
    public static boolean bringsACheck(Object fact) {
        return fact instanceof OrderIntent || fact instanceof Prediction || fact instanceof ModelHealth
                || fact instanceof ReconciliationBreak;
    }

    /**
     * The session result for {@code facts}, as a fresh session over the book's facts and then the check's
     * ({@link #bringsACheck}) gives it.
     *
     * @param key whose book the facts are (one account's)
     */
    public SessionResult run(CompiledRuleSet rules, String key, List<?> facts) {
        List<Object> standing = new ArrayList<>(facts.size());
        List<Object> transients = new ArrayList<>();
        for (Object fact : facts) {
            (bringsACheck(fact) ? transients : standing).add(fact);
        }
        Standing session = acquire(rules, key, standing);
        if (session == null) {
            return runner.run(rules, concat(standing, transients));
        }
        try {
            SessionResult result = session.check(transients);
            if (result == null) {
                discard(key, session);
                return runner.run(rules, concat(standing, transients));
            }
            return result;
        } finally {
            session.lock.unlock();
        }
    }

    /**
     * Whether two results conclude the same: the same proposals, outcomes and rules fired, each as often, in any
     * order, and both finished or both faulted.
     */
    public static boolean agree(SessionResult one, SessionResult other) {
        return (one.fault() == null) == (other.fault() == null)
                && counts(one.proposals()).equals(counts(other.proposals()))
                && counts(one.outcomes()).equals(counts(other.outcomes()))
                && counts(one.firings().stream().map(Firing::rule).toList())
                        .equals(counts(other.firings().stream().map(Firing::rule).toList()));
    }

    private static Map<Object, Integer> counts(List<?> items) {
        Map<Object, Integer> counts = new java.util.HashMap<>();
        items.forEach(item -> counts.merge(item, 1, Integer::sum));
        return counts;
    }

    /** How many sessions are kept now. */
    public synchronized int size() {
        return sessions.size();
    }

    @Override
    public synchronized void close() {
        sessions.values().forEach(s -> {
            s.lock.lock();
            try {
                s.dispose();
            } finally {
                s.lock.unlock();
            }
        });
        sessions.clear();
    }

    /** The key's session, locked, built for this book if it is not; {@code null} when none can be had now. */
    private Standing acquire(CompiledRuleSet rules, String key, List<?> standing) {
        Standing found;
        synchronized (this) {
            found = sessions.get(key);
        }
        if (found != null) {
            if (!found.lock.tryLock()) {
                return null; // another caller holds this book's session: decide on a fresh one rather than wait
            }
            if (found.usable() && found.rules == rules && found.standing.equals(standing)) {
                return found;
            }
            found.lock.unlock();
            discard(key, found);
        }
        Standing built = Standing.build(runner, rules, standing);
        if (built == null) {
            return null;
        }
        built.lock.lock();
        List<Standing> evicted = new ArrayList<>();
        synchronized (this) {
            Standing previous = sessions.put(key, built);
            if (previous != null && previous != built) {
                evicted.add(previous);
            }
            var oldest = sessions.entrySet().iterator();
            while (sessions.size() > capacity && oldest.hasNext()) {
                Standing candidate = oldest.next().getValue();
                if (candidate != built) {
                    evicted.add(candidate);
                    oldest.remove();
                }
            }
        }
        evicted.forEach(StandingSessions::disposeWhenFree);
        return built;
    }

    private void discard(String key, Standing session) {
        synchronized (this) {
            sessions.remove(key, session);
        }
        disposeWhenFree(session);
    }

    private static void disposeWhenFree(Standing session) {
        if (session.lock.isHeldByCurrentThread()) {
            session.dispose();
            return;
        }
        session.lock.lock();
        try {
            session.dispose();
        } finally {
            session.lock.unlock();
        }
    }

    private static List<Object> concat(List<?> standing, List<?> transients) {
        List<Object> all = new ArrayList<>(standing.size() + transients.size());
        all.addAll(standing);
        all.addAll(transients);
        return all;
    }

    /** One book's session: its standing facts fired once, and what that concluded. */
    private static final class Standing {

        private final ReentrantLock lock = new ReentrantLock();
        private final CompiledRuleSet rules;
        private final List<Object> standing;
        private final KieSession session;
        private final SessionResult book;
        private boolean disposed;

        private final RuleSessionRunner runner;

        private Standing(RuleSessionRunner runner, CompiledRuleSet rules, List<Object> standing, KieSession session,
                         SessionResult book) {
            this.runner = runner;
            this.rules = rules;
            this.standing = standing;
            this.session = session;
            this.book = book;
        }

        /** The session over the standing facts, fired; {@code null} when the book alone faults or changes facts. */
        static Standing build(RuleSessionRunner runner, CompiledRuleSet rules, List<?> standing) {
            KieSession session = rules.kieBase().newKieSession();
            RuleSessionRunner.Recorder recorder = new RuleSessionRunner.Recorder(rules, 0);
            recorder.attach(session);
            List<Object> facts = List.copyOf(standing);
            facts.forEach(session::insert);
            SessionResult book = runner.fire(session, recorder, facts, runner.maxFirings());
            recorder.detach(session);
            if (book.fault() != null || recorder.changedFacts) {
                session.dispose();
                return null;
            }
            return new Standing(runner, rules, facts, session, book);
        }

        boolean usable() {
            return !disposed;
        }

        /**
         * The book's conclusions and the check's; {@code null} when the check faulted or the session cannot be
         * used again (the caller then decides on a fresh session and drops this one).
         */
        SessionResult check(List<?> transients) {
            RuleSessionRunner.Recorder recorder = new RuleSessionRunner.Recorder(rules, book.firings().size());
            recorder.attach(session);
            List<FactHandle> inserted = new ArrayList<>(transients.size());
            try {
                transients.forEach(fact -> inserted.add(session.insert(fact)));
                SessionResult check = runner.fire(session, recorder, transients,
                        runner.maxFirings() - book.firings().size());
                if (check.fault() != null || recorder.changedFacts) {
                    return null;
                }
                // take the check back out, its conclusions first, and make sure nothing else was activated
                for (int i = recorder.concluded.size() - 1; i >= 0; i--) {
                    session.delete(recorder.concluded.get(i));
                }
                for (int i = inserted.size() - 1; i >= 0; i--) {
                    session.delete(inserted.get(i));
                }
                recorder.detach(session);
                if (session.fireAllRules(1) > 0) {
                    dispose(); // this answer is right; the session is no longer the book alone
                }
                return merged(check);
            } catch (RuntimeException e) {
                return null;
            } finally {
                recorder.detach(session);
            }
        }

        private SessionResult merged(SessionResult check) {
            List<Proposal> proposals = new ArrayList<>(book.proposals());
            proposals.addAll(check.proposals());
            List<RuleOutcome> outcomes = new ArrayList<>(book.outcomes());
            outcomes.addAll(check.outcomes());
            List<Firing> firings = new ArrayList<>(book.firings());
            firings.addAll(check.firings());
            return new SessionResult(book.ruleSetVersion(), proposals, outcomes, firings, null);
        }

        void dispose() {
            if (!disposed) {
                disposed = true;
                session.dispose();
            }
        }
    }
}
