package dev.arbiter.reasoning.explain;

import alice.tuprolog.InvalidLibraryException;
import alice.tuprolog.InvalidTermException;
import alice.tuprolog.NoMoreSolutionException;
import alice.tuprolog.NoSolutionException;
import alice.tuprolog.Parser;
import alice.tuprolog.Prolog;
import alice.tuprolog.SolveInfo;
import alice.tuprolog.Struct;
import alice.tuprolog.Term;
import alice.tuprolog.UnknownVarException;
import alice.tuprolog.Var;
import dev.arbiter.kb.fact.Proposal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Explains decisions with the shipped Prolog theory {@code dev/arbiter/reasoning/explain.pl}.
 *
 * <p>The theory is read and parsed once, when the explainer is made, into a tuProlog engine that loads
 * only the basic and ISO libraries (no Java, no files); it is parsed again only if a goal had to be
 * stopped half-way, since the engine is then replaced. For each call the decision's facts are handed to
 * the engine as terms built in Java, once per decision (never as program text: nothing in a message needs
 * escaping or can change the theory), any clauses a previous raw query may have asserted are cleared, and the goal is
 * solved. The explainer's own goals must finish within {@value #GOAL_SECONDS} seconds. Auditors' raw goals
 * ({@link #query(DecisionFacts, String, QueryLimits)}) may call only the decision's facts, the theory's
 * predicates and a few pure built-ins, run within their {@link QueryLimits} (steps and time) and may have
 * at most {@value #MAX_SOLUTIONS} solutions.
 *
 * <p>One engine serves one call at a time; the explainer is safe to share between threads.
 */
public final class PrologExplainer {

    private static final String THEORY = "/dev/arbiter/reasoning/explain.pl";
    private static final String[] LIBRARIES = {"alice.tuprolog.lib.BasicLibrary", "alice.tuprolog.lib.ISOLibrary"};
    private static final String ERROR_VARIABLE = "_ArbiterGoalError";
    private static final int GOAL_SECONDS = 5;
    private static final int MAX_SOLUTIONS = 1_000;
    private static final String EXAMPLE_GOAL = "why_not(approved('P-1'), Reasons)";

    /** Stops a goal that runs past its time; one daemon thread for every explainer. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = new ScheduledThreadPoolExecutor(1, task -> {
        Thread thread = new Thread(task, "arbiter-prolog-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // A cancelled check must not keep an engine (and whatever a runaway goal built) reachable.
        WATCHDOG.setRemoveOnCancelPolicy(true);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final String theory;
    /** Guarded by {@link #lock}; replaced only after a goal was stopped half-way. */
    private DecisionLibrary.Loaded library;
    /**
     * Guarded by {@link #lock}: the decision whose facts {@link #library} serves. A decision's proposals are explained
     * one call each, so its facts are made into terms once and served until another decision's are asked for.
     */
    private DecisionFacts served;
    /** Guarded by {@link #lock}. */
    private Prolog engine;

    /** Loads the shipped theory once. */
    public PrologExplainer() {
        theory = readTheory();
        loadEngine();
    }

    /** An explainer with an engine of its own: one per worker, so that explanations run side by side. */
    public PrologExplainer another() {
        return new PrologExplainer();
    }

    /**
     * Makes the engine and parses the theory into it. Done once, and again only after a goal was stopped
     * half-way (out of time or out of stack), since tuProlog may then be left mid-computation.
     */
    private void loadEngine() {
        DecisionLibrary.Loaded loaded = new DecisionLibrary.Loaded(theory);
        try {
            Prolog prolog = new Prolog(LIBRARIES);
            prolog.loadLibrary(loaded);
            engine = prolog;
            library = loaded;
            served = null;
        } catch (InvalidLibraryException e) {
            throw new IllegalStateException("the explanation theory " + THEORY + " could not be loaded: " + e, e);
        }
    }

    /**
     * Why proposal {@code proposalId} ended as it did: its status, as {@link StatusPrecedence} decided it, and
     * the sentences the theory gives for that status.
     *
     * @throws IllegalArgumentException if the decision has no proposal with that id
     */
    public Explanation explain(DecisionFacts facts, String proposalId) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(proposalId, "proposalId");
        if (facts.proposals().stream().noneMatch(p -> p.proposalId().equals(proposalId))) {
            throw new IllegalArgumentException("proposalId: '" + proposalId + "' is not a proposal of this decision;"
                    + " expected one of " + facts.proposals().stream().map(Proposal::proposalId).toList());
        }
        ProposalStatus status = facts.status(proposalId);
        Var sentences = new Var("Sentences");
        Struct goal = new Struct("explain", DecisionTerms.atom(proposalId),
                DecisionTerms.atom(status.name().toLowerCase(Locale.ROOT)), sentences);
        String query = PrologText.render(goal);
        List<Explanation> answers = solve(facts, goal, query, false, null, solution -> new Explanation(proposalId,
                status, texts(binding(solution, "Sentences")), query),
                (kind, problem) -> new IllegalStateException("the explanation theory could not answer " + query + ": "
                        + problem + "; this is a defect in " + THEORY));
        if (answers.isEmpty()) {
            throw new IllegalStateException("the explanation theory has no answer to " + query
                    + "; this is a defect in " + THEORY);
        }
        return answers.getFirst();
    }

    /**
     * Why proposal {@code proposalId} ended as it did, as the lines of its explanation tree
     * ({@code why(status(P, S), Tree)}): the outcome, then each reason indented under it with "because",
     * the rule behind each reason under that, and the facts the rule matched under the rule.
     */
    public List<String> whyTree(DecisionFacts facts, String proposalId) {
        return treeLines(facts, proposalId, "why", new Struct("status", DecisionTerms.atom(proposalId), new Var("_S")));
    }

    /**
     * Why proposal {@code proposalId} was not approved, as the lines of the tree of
     * {@code why_not(approved(P), Tree)}; one line "P is approved holds" when it was approved.
     */
    public List<String> whyNotApprovedTree(DecisionFacts facts, String proposalId) {
        return treeLines(facts, proposalId, "why_not", new Struct("approved", DecisionTerms.atom(proposalId)));
    }

    private List<String> treeLines(DecisionFacts facts, String proposalId, String predicate, Struct outcome) {
        Objects.requireNonNull(facts, "facts");
        requireProposal(facts, proposalId);
        Var tree = new Var("_Tree");
        Struct goal = new Struct(",", new Struct(predicate, outcome, tree), new Struct("tree_lines", tree, new Var("Lines")));
        String query = PrologText.render(goal);
        List<List<String>> answers = solve(facts, goal, query, false, null, solution -> texts(binding(solution, "Lines")),
                (kind, problem) -> new IllegalStateException("the explanation theory could not answer " + query + ": "
                        + problem + "; this is a defect in " + THEORY));
        if (answers.isEmpty()) {
            throw new IllegalStateException("the explanation theory has no answer to " + query + "; this is a defect in " + THEORY);
        }
        return answers.getFirst();
    }

    private static void requireProposal(DecisionFacts facts, String proposalId) {
        Objects.requireNonNull(proposalId, "proposalId");
        if (facts.proposals().stream().noneMatch(p -> p.proposalId().equals(proposalId))) {
            throw new IllegalArgumentException("proposalId: '" + proposalId + "' is not a proposal of this decision;"
                    + " expected one of " + facts.proposals().stream().map(Proposal::proposalId).toList());
        }
    }

    /** {@link #query(DecisionFacts, String, QueryLimits)} with {@link QueryLimits#DEFAULT}. */
    public List<String> query(DecisionFacts facts, String goal) {
        return query(facts, goal, QueryLimits.DEFAULT);
    }

    /**
     * The auditor's entry point: asks a raw goal about a stored decision's facts, e.g.
     * {@code why_not(approved('P-1'), Reasons)}, {@code why(rejected('P-1'), Tree)} or
     * {@code status(P, rejected)}. Each solution is written as the bindings of the goal's named variables
     * ({@code P = 'P-1', S = rejected}; variables left unbound and {@code _}-prefixed ones are left out),
     * or {@code true} when there are none; no solution gives an empty list. A final full stop is allowed.
     * The goal may call only the decision's facts, the theory's predicates and a few pure built-ins
     * ({@code queryable/2} of the theory lists them), never assert, retract, load or reach Java.
     *
     * @throws QueryException if the goal is malformed, calls a predicate queries may not call, raises a
     *                        Prolog error, has more than {@value #MAX_SOLUTIONS} solutions, or runs past
     *                        {@code limits}; the explainer stays usable
     */
    public List<String> query(DecisionFacts facts, String goal, QueryLimits limits) {
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(limits, "limits");
        lock.lock();
        try {
            Term parsed = parse(goal);
            Struct guarded = new Struct("query_goal", parsed);
            return solve(facts, guarded, goal, true, limits, PrologExplainer::bindings,
                    (kind, problem) -> new QueryException(kind, "Prolog goal '" + goal + "' " + problem));
        } finally {
            lock.unlock();
        }
    }

    private Term parse(String goal) {
        String text = goal.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            throw new QueryException(QueryException.Kind.MALFORMED, "Prolog goal '" + goal
                    + "' is empty; expected a goal such as " + EXAMPLE_GOAL);
        }
        try {
            return Parser.parseSingleTerm(text, engine.getOperatorManager());
        } catch (InvalidTermException e) {
            QueryException malformed = new QueryException(QueryException.Kind.MALFORMED, "Prolog goal '" + goal
                    + "' is malformed: " + e.getMessage() + "; expected one goal such as " + EXAMPLE_GOAL);
            malformed.initCause(e);
            throw malformed;
        }
    }

    /**
     * Solves {@code goal} against {@code facts}, reading every solution (at most {@value #MAX_SOLUTIONS})
     * or only the first. Prolog errors, too many solutions and running out of time are reported through
     * {@code failure}.
     */
    private <T> List<T> solve(DecisionFacts facts, Term goal, String goalText, boolean every, QueryLimits limits,
                              Function<SolveInfo, T> reader, BiFunction<QueryException.Kind, String, RuntimeException> failure) {
        lock.lock();
        try {
            return solveLocked(facts, goal, goalText, every, limits, reader, failure);
        } finally {
            lock.unlock();
        }
    }

    /** @param limits null for the explainer's own goals: the default time, no step counting */
    private <T> List<T> solveLocked(DecisionFacts facts, Term goal, String goalText, boolean every, QueryLimits limits,
                                    Function<SolveInfo, T> reader,
                                    BiFunction<QueryException.Kind, String, RuntimeException> failure) {
        Struct guarded = new Struct("catch", goal, new Var(ERROR_VARIABLE), new Struct("true"));
        // The watchdog halts the engine only while this call still holds it; once halted, the engine is
        // replaced, since tuProlog may keep a pending halt or a half-built computation.
        AtomicReference<Prolog> haltable = new AtomicReference<>(engine);
        AtomicBoolean halted = new AtomicBoolean();
        boolean settled = false; // the engine ended the goal in a known state
        Duration timeout = limits == null ? Duration.ofSeconds(GOAL_SECONDS) : limits.timeout();
        ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> {
            Prolog solving = haltable.getAndSet(null);
            if (solving != null) {
                halted.set(true);
                solving.solveHalt();
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        StepCounter steps = limits == null ? null : new StepCounter(engine, limits.maxSteps());
        try {
            if (facts != served) {
                library.serve(DecisionTerms.of(facts));
                served = facts;
            }
            engine.clearTheory();
            List<T> solutions = new ArrayList<>();
            SolveInfo solution = engine.solve(guarded);
            while (solution.isSuccess()) {
                Term error = binding(solution, ERROR_VARIABLE);
                if (!(error instanceof Var)) {
                    settled = true;
                    String rendered = PrologText.render(error);
                    throw failure.apply(rendered.contains("permission_error") ? QueryException.Kind.FORBIDDEN
                            : QueryException.Kind.PROLOG_ERROR, "raised the Prolog error " + rendered);
                }
                if (solutions.size() == MAX_SOLUTIONS) {
                    settled = true;
                    throw failure.apply(QueryException.Kind.TOO_MANY_SOLUTIONS,
                            "has more than " + MAX_SOLUTIONS + " solutions; narrow it down");
                }
                solutions.add(reader.apply(solution));
                if (!every || !solution.hasOpenAlternatives()) {
                    break;
                }
                solution = engine.solveNext();
            }
            settled = true;
            if (steps != null && steps.exceeded()) {
                throw failure.apply(QueryException.Kind.STEP_LIMIT, "took more than " + limits.maxSteps()
                        + " resolution steps; it may loop, or ask for too much at once");
            }
            if (halted.get()) {
                throw failure.apply(QueryException.Kind.TIME_LIMIT, "did not finish within " + timeout
                        + "; it may loop, or ask for too much at once");
            }
            return solutions;
        } catch (NoMoreSolutionException e) {
            throw new IllegalStateException("tuProlog lost the alternatives of " + goalText, e);
        } catch (StackOverflowError e) {
            // tuProlog recurses on the Java stack: an endless generator (length(L, N)) may end here.
            RuntimeException tooDeep = failure.apply(QueryException.Kind.TIME_LIMIT,
                    "went too deep (the Java stack overflowed); it may loop");
            tooDeep.initCause(e);
            throw tooDeep;
        } finally {
            haltable.set(null);
            watchdog.cancel(false);
            if (steps != null) {
                steps.detach();
            }
            if (!settled || halted.get() || steps != null && steps.exceeded()) {
                loadEngine();
            } else {
                engine.solveEnd();
            }
        }
    }

    private static String bindings(SolveInfo solution) {
        StringJoiner text = new StringJoiner(", ");
        try {
            for (Var variable : solution.getBindingVars()) {
                Term value = variable.getTerm();
                if (!variable.getName().startsWith("_") && !(value instanceof Var)) {
                    text.add(variable.getName() + " = " + PrologText.render(value));
                }
            }
        } catch (NoSolutionException e) {
            throw new IllegalStateException("tuProlog reported a solution without bindings", e);
        }
        return text.length() == 0 ? "true" : text.toString();
    }

    private static Term binding(SolveInfo solution, String variable) {
        try {
            return solution.getTerm(variable).getTerm();
        } catch (NoSolutionException | UnknownVarException e) {
            throw new IllegalStateException("tuProlog has no binding for " + variable + " in a solution", e);
        }
    }

    private static String atomText(Term term) {
        return term instanceof Struct atom && atom.isAtom() ? atom.getName() : PrologText.render(term);
    }

    /** A list of sentences as Java strings: atoms by their text, anything else as Prolog text. */
    private static List<String> texts(Term list) {
        List<String> texts = new ArrayList<>();
        if (list instanceof Struct struct && struct.isList()) {
            struct.listIterator().forEachRemaining(element -> texts.add(atomText(element.getTerm())));
        } else {
            texts.add(PrologText.render(list));
        }
        return texts;
    }

    private static String readTheory() {
        try (InputStream in = PrologExplainer.class.getResourceAsStream(THEORY)) {
            if (in == null) {
                throw new IllegalStateException("the explanation theory " + THEORY + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the explanation theory " + THEORY + " could not be read", e);
        }
    }
}
