package dev.arbiter.reasoning.kb;

import alice.tuprolog.InvalidTheoryException;
import alice.tuprolog.NoSolutionException;
import alice.tuprolog.Prolog;
import alice.tuprolog.SolveInfo;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import alice.tuprolog.Theory;
import alice.tuprolog.UnknownVarException;
import alice.tuprolog.Var;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.RestrictionKind;
import dev.arbiter.rules.pack.PackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Arbiter's reference knowledge as Prolog: the files shipped in the {@code kb} module under {@code kb/}
 * (asset taxonomy and correlation clusters, issuers with their owners and restricted issuers, venues and
 * jurisdictions, and the derivation rules of {@code derive.pl}), optionally overridden by a rule pack's
 * {@code kb/} directory: a file there replaces the shipped file of the same name, any other file adds to
 * the knowledge base.
 *
 * <p>Before the rules run the engine asks it for {@link #restrictions}: every instrument whose issuer,
 * or an entity controlling the issuer (more than half owned, followed up to eight levels), is
 * restricted, and every venue sanctioned or operated from a restricted jurisdiction, each as a
 * {@link Restriction} whose reason spells out the chain ("... issued by X, a subsidiary of Y (owns 80%);
 * Y is restricted since D: why"). The compliance rules cite that reason, and so do the explanations.
 *
 * <p>Each derivation must finish within {@value #DERIVATION_SECONDS} seconds; a knowledge base that
 * loops fails the decision closed with an error naming the goal. Safe to share between threads.
 */
public final class KnowledgeBase {

    public static final String SHIPPED_RESOURCE = "kb";
    private static final String[] LIBRARIES = {"alice.tuprolog.lib.BasicLibrary", "alice.tuprolog.lib.ISOLibrary"};
    private static final int DERIVATION_SECONDS = 2;
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "arbiter-kb-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        WATCHDOG.setRemoveOnCancelPolicy(true);
    }

    /** The most derivations remembered; beyond it the memory starts again (a year of a few hundred instruments fits). */
    private static final int REMEMBERED = 100_000;

    /** One derivation's question: a predicate about one instrument or venue on one day. */
    private record Question(String predicate, String subject, LocalDate asOf) {
    }

    private final Map<String, String> files;
    /**
     * What the files derive, shared by every engine loaded from them: a derivation depends only on the files, the
     * subject and the day, so each is worked out once rather than for every decision. Failures are not kept.
     */
    private final Map<Question, Optional<Restriction>> derived;
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by {@link #lock}; replaced after a derivation was stopped half-way. */
    private Prolog engine;

    private KnowledgeBase(Map<String, String> files) {
        this(files, new ConcurrentHashMap<>());
    }

    private KnowledgeBase(Map<String, String> files, Map<Question, Optional<Restriction>> derived) {
        this.files = Map.copyOf(files);
        this.derived = derived;
        this.engine = load(this.files);
    }

    /** The knowledge base shipped with Arbiter. */
    public static KnowledgeBase shipped() {
        return new KnowledgeBase(PackFiles.fromClassPath(SHIPPED_RESOURCE, ".pl"));
    }

    /**
     * The shipped knowledge base with a rule pack's {@code kb/} directory on top; just the shipped one
     * when the directory does not exist.
     *
     * @throws IllegalArgumentException naming the file and line when a file is not valid Prolog
     */
    public static KnowledgeBase withOverrides(Path directory) throws IOException {
        Map<String, String> merged = new TreeMap<>(PackFiles.fromClassPath(SHIPPED_RESOURCE, ".pl"));
        if (Files.isDirectory(directory)) {
            merged.putAll(PackFiles.fromDirectory(directory, ".pl"));
        }
        return new KnowledgeBase(merged);
    }

    /**
     * A knowledge base of the same files with a Prolog engine of its own: one per worker, so that derivations for
     * different decisions run side by side instead of queueing for one engine.
     */
    public KnowledgeBase another() {
        return new KnowledgeBase(files, derived);
    }

    /** The files the knowledge base was loaded from, by name, for the trace and for audits. */
    public Map<String, String> files() {
        return files;
    }

    private static Prolog load(Map<String, String> files) {
        Prolog prolog;
        try {
            prolog = new Prolog(LIBRARIES);
        } catch (alice.tuprolog.InvalidLibraryException e) {
            throw new IllegalStateException("tuProlog's basic libraries could not be loaded", e);
        }
        for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
            try {
                prolog.addTheory(new Theory(file.getValue()));
            } catch (InvalidTheoryException e) {
                throw new IllegalArgumentException("kb/" + file.getKey() + " line " + e.line
                        + " is not valid Prolog: " + e.getMessage() + "; atoms with spaces or capitals need single quotes", e);
            }
        }
        return prolog;
    }

    /**
     * The restrictions the knowledge base derives for the instruments of a decision, on {@code asOf}:
     * one per restricted instrument (kind INSTRUMENT) and one per restricted venue (kind VENUE).
     *
     * @throws IllegalStateException when a derivation raises an error or runs out of time (fail closed)
     */
    public List<Restriction> restrictions(Collection<Instrument> instruments, LocalDate asOf) {
        Objects.requireNonNull(instruments, "instruments");
        Objects.requireNonNull(asOf, "asOf");
        List<Restriction> found = new ArrayList<>();
        Set<String> venues = new LinkedHashSet<>();
        for (Instrument instrument : instruments.stream().distinct().toList()) {
            derive("instrument_restriction", RestrictionKind.INSTRUMENT, instrument.symbol(), asOf).ifPresent(found::add);
            venues.add(instrument.venue());
        }
        for (String venue : venues) {
            derive("venue_restriction", RestrictionKind.VENUE, venue, asOf).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private Optional<Restriction> derive(String predicate, RestrictionKind kind, String subject, LocalDate asOf) {
        Question question = new Question(predicate, subject, asOf);
        Optional<Restriction> known = derived.get(question);
        if (known != null) {
            return known;
        }
        Optional<Restriction> answer = first(predicate, new Struct(subject), new Struct(asOf.toString()))
                .map(chain -> new Restriction(kind, subject, ChainText.of(chain)));
        if (derived.size() >= REMEMBERED) {
            derived.clear();
        }
        derived.put(question, answer);
        return answer;
    }

    /** The correlation cluster the knowledge base gives an instrument's base asset, if any. */
    public Optional<String> clusterOf(String symbol) {
        Var cluster = new Var("Cluster");
        return solveFirst(new Struct("cluster_of", new Struct(symbol), cluster), "Cluster")
                .map(term -> ((Struct) term).getName());
    }

    private Optional<Term> first(String predicate, Struct subject, Struct date) {
        return solveFirst(new Struct(predicate, subject, date, new Var("Chain")), "Chain");
    }

    private Optional<Term> solveFirst(Struct goal, String variable) {
        lock.lock();
        Prolog solving = engine;
        AtomicBoolean halted = new AtomicBoolean();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            halted.set(true);
            solving.solveHalt();
        }, DERIVATION_SECONDS, TimeUnit.SECONDS);
        boolean settled = false;
        try {
            Struct guarded = new Struct("catch", goal, new Var("KbError"), new Struct("true"));
            SolveInfo solution = solving.solve(guarded);
            settled = true;
            if (halted.get()) {
                throw new IllegalStateException("the knowledge base did not answer " + goal + " within "
                        + DERIVATION_SECONDS + " s; a kb rule may loop");
            }
            if (!solution.isSuccess()) {
                return Optional.empty();
            }
            Term error = solution.getTerm("KbError").getTerm();
            if (!(error instanceof Var)) {
                throw new IllegalStateException("the knowledge base raised " + error + " answering " + goal);
            }
            return Optional.of(solution.getTerm(variable).getTerm());
        } catch (NoSolutionException | UnknownVarException e) {
            throw new IllegalStateException("tuProlog lost the bindings of " + goal, e);
        } catch (StackOverflowError e) {
            throw new IllegalStateException("the knowledge base went too deep answering " + goal + "; a kb rule may loop", e);
        } finally {
            watchdog.cancel(false);
            if (settled && !halted.get()) {
                solving.solveEnd();
            } else {
                engine = load(files);
            }
            lock.unlock();
        }
    }
}
