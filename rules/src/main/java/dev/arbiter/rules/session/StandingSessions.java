package dev.arbiter.rules.session;

import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.rules.pack.CompiledRuleSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.Match;
import org.kie.internal.event.rule.RuleEventListener;
import org.kie.internal.event.rule.RuleEventManager;

/**
 * Long-lived rule sessions, one per key (an account): the book's standing facts are inserted and fired once, and
 * each check only inserts its own facts (the intents), fires what they activate, and takes them back out with
 * everything the rules concluded from them. A check against an unchanged book so costs what its own facts
 * activate, not a session over the whole book.
 *
 * <p>When the book changes (an approved order adds a working order and moves the exposures, a bar moves the
 * market), the session is brought up to date: the facts that left are deleted, the new ones inserted, and every
 * book firing whose match no longer holds is withdrawn with what it concluded (see {@code Standing}). Only a book
 * that had most of its facts replaced is built anew.
 *
 * <p>The answer is the one a fresh session over the same facts gives, firing for firing in the same order
 * ({@link FiringOrder}), whatever the session saw before. A session is thrown away when a rule changed or deleted a
 * fact, when a check's own facts withdrew a book firing or taking a check back out activates anything (the session
 * would no longer be the book alone), or on any fault, which is then decided by a fresh session so that faults read
 * exactly as they always have. The rule tests hold rule sets to this: every case is checked in a session built for
 * it, used again, and brought up to date from the case before ({@code RuleTestRunner}).
 */
public final class StandingSessions implements AutoCloseable {

    /** Sessions kept when none is configured: one per active account, beyond which the least recent goes. */
    public static final int DEFAULT_CAPACITY = 256;

    private final RuleSessionRunner runner;
    private final int capacity;
    private final Map<String, Standing> sessions;
    /** How many sessions were built from nothing, for the tests that show a changed book does not need one. */
    private final AtomicLong rebuilds = new AtomicLong();

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

    /** How many sessions were built from nothing so far (a book seen first, or changed too much to update). */
    public long rebuilds() {
        return rebuilds.get();
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

    /**
     * The key's session, locked, holding this book: kept as it is when the book is unchanged, brought up to date
     * when a few of its facts changed, built anew otherwise; {@code null} when none can be had now.
     */
    private Standing acquire(CompiledRuleSet rules, String key, List<Object> standing) {
        Standing found;
        synchronized (this) {
            found = sessions.get(key);
        }
        if (found != null) {
            if (!found.lock.tryLock()) {
                return null; // another caller holds this book's session: decide on a fresh one rather than wait
            }
            if (found.usable() && found.rules == rules && found.holds(standing)) {
                return found;
            }
            found.lock.unlock();
            discard(key, found);
        }
        Standing built = Standing.build(runner, rules, standing);
        rebuilds.incrementAndGet();
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

    /**
     * One book's session: its standing facts, fired, and the firings they still support. When the book changes, the
     * facts that left are deleted and the new ones inserted; Drools then withdraws every fired match that no longer
     * holds (a fact it matched is gone, a {@code not} is no longer true, an {@code accumulate} moved), and the
     * session withdraws what those firings concluded, until nothing more moves. That is truth maintenance, done by
     * the engine so that rules can keep plain {@code insert}.
     */
    private static final class Standing {

        private final ReentrantLock lock = new ReentrantLock();
        private final RuleSessionRunner runner;
        private final CompiledRuleSet rules;
        private final KieSession session;
        /** The book's facts as last given, in order, and each fact's handles in the session. */
        private List<Object> standing = List.of();
        private final Map<Object, List<FactHandle>> handles = new HashMap<>();
        /** The book's firings whose matches still hold, by match. */
        private final Map<Match, FiringOrder.Recorded> book = new IdentityHashMap<>();
        /** What withdrawn book firings concluded, still to be deleted. */
        private final List<FactHandle> unsupported = new ArrayList<>();
        private boolean checking;
        /** Whether a check's own facts withdrew a firing of the book's: the check then cannot be answered here. */
        private boolean disturbed;
        private boolean disposed;

        private final RuleEventListener withdrawals = new RuleEventListener() {
            @Override
            public void onDeleteMatch(Match match) {
                withdraw(match);
            }

            @Override
            public void onUpdateMatch(Match match) {
                withdraw(match); // a fired match that changed fires again, concluding anew
            }
        };

        private Standing(RuleSessionRunner runner, CompiledRuleSet rules, KieSession session) {
            this.runner = runner;
            this.rules = rules;
            this.session = session;
            ((RuleEventManager) session).addEventListener(withdrawals);
        }

        /** A session over the standing facts, fired; {@code null} when the book alone faults or changes facts. */
        static Standing build(RuleSessionRunner runner, CompiledRuleSet rules, List<Object> standing) {
            Standing built = new Standing(runner, rules, rules.kieBase().newKieSession());
            if (!built.moveTo(List.of(), standing)) {
                built.dispose();
                return null;
            }
            return built;
        }

        boolean usable() {
            return !disposed;
        }

        /**
         * Whether the session holds {@code facts} as its book, brought up to date if only some of them changed;
         * {@code false} when it cannot be (too much changed, or the rules faulted on the change).
         */
        boolean holds(List<Object> facts) {
            if (facts.equals(standing)) {
                return true;
            }
            return moveTo(standing, facts);
        }

        private void withdraw(Match match) {
            FiringOrder.Recorded firing = book.remove(match);
            if (firing != null) {
                disturbed |= checking;
                unsupported.addAll(firing.handles());
            }
        }

        /** Deletes what left the book and inserts what came, then fires until nothing more is withdrawn. */
        private boolean moveTo(List<Object> before, List<Object> after) {
            BookChange change = BookChange.between(before, after);
            if (change == null) {
                return false; // more changed than a new session costs
            }
            for (Object gone : change.removed()) {
                List<FactHandle> held = handles.get(gone);
                session.delete(held.remove(held.size() - 1));
                if (held.isEmpty()) {
                    handles.remove(gone);
                }
            }
            for (Object came : change.added()) {
                handles.computeIfAbsent(came, k -> new ArrayList<>(1)).add(session.insert(came));
            }
            standing = after;
            int allowed = runner.maxFirings();
            RuleSessionRunner.Recorder recorder = new RuleSessionRunner.Recorder(rules, book);
            recorder.attach(session);
            try {
                while (true) {
                    if (runner.fire(session, recorder, allowed) != null || recorder.changedFacts) {
                        return false;
                    }
                    allowed -= recorder.recorded.size();
                    recorder.recorded.clear();
                    if (unsupported.isEmpty()) {
                        return true;
                    }
                    List<FactHandle> withdrawn = List.copyOf(unsupported);
                    unsupported.clear();
                    withdrawn.forEach(session::delete);
                }
            } catch (RuntimeException e) {
                return false;
            } finally {
                recorder.detach(session);
            }
        }

        /**
         * The book's conclusions and the check's; {@code null} when the check faulted, disturbed the book's
         * conclusions, or the session cannot be used again (the caller then decides on a fresh session and drops
         * this one).
         */
        SessionResult check(List<?> transients) {
            RuleSessionRunner.Recorder recorder = new RuleSessionRunner.Recorder(rules);
            recorder.attach(session);
            List<FactHandle> inserted = new ArrayList<>(transients.size());
            checking = true;
            disturbed = false;
            try {
                transients.forEach(fact -> inserted.add(session.insert(fact)));
                SessionFault fault = runner.fire(session, recorder, runner.maxFirings() - book.size());
                if (fault != null || recorder.changedFacts || disturbed) {
                    return null;
                }
                List<FiringOrder.Recorded> all = new ArrayList<>(book.values());
                all.addAll(recorder.recorded);
                SessionResult answer = FiringOrder.result(rules.version(), all);
                // take the check back out, its conclusions first, and make sure nothing else was activated
                for (int i = recorder.concluded.size() - 1; i >= 0; i--) {
                    session.delete(recorder.concluded.get(i));
                }
                for (int i = inserted.size() - 1; i >= 0; i--) {
                    session.delete(inserted.get(i));
                }
                recorder.detach(session);
                if (session.fireAllRules(1) > 0 || disturbed) {
                    dispose(); // the answer stands; the session is no longer the book alone
                }
                return answer;
            } catch (RuntimeException e) {
                return null;
            } finally {
                checking = false;
                recorder.detach(session);
            }
        }

        void dispose() {
            if (!disposed) {
                disposed = true;
                session.dispose();
            }
        }
    }
}
