package dev.arbiter.scenarios.bench;

import alice.tuprolog.Prolog;
import alice.tuprolog.SolveInfo;
import alice.tuprolog.Theory;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.reasoning.explain.DecisionFacts;
import dev.arbiter.reasoning.explain.PrologExplainer;
import it.unibo.tuprolog.core.Struct;
import it.unibo.tuprolog.core.parsing.TermParser;
import it.unibo.tuprolog.solve.Solution;
import it.unibo.tuprolog.solve.Solver;
import it.unibo.tuprolog.theory.parsing.ClausesParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Classic tuProlog 3.3 against 2p-kt 1.0.4 on the real explanation workload: the facts of the worked example's
 * decision ({@link WorkedExample}: three proposals, their firings, outcomes, allocation and proof) loaded with the
 * shipped theory, then the explanation's fact lookups for every proposal. The setup prints which engine
 * answers {@code explain/3} itself as the shipped explainer does (2p-kt 1.0.4 does not: an
 * instantiation error inside a clause both engines read alike), so the timed goals are the lookups both
 * answer alike.
 * {@code shippedExplainerWholeDecision} is the explanation time of the whole decision as Arbiter runs it.
 * <ul>
 *   <li>{@code shippedExplainer}: what Arbiter runs, the explainer with its Java primitives, theory loaded once;</li>
 *   <li>{@code classicLoadAndAnswer} / {@code twoPKtLoadAndAnswer}: the same theory as plain Prolog
 *       ({@link PortableExplanation}), theory and facts loaded for each decision, then the same goals;</li>
 *   <li>{@code classicAnswer} / {@code twoPKtAnswer}: the plain program loaded once, only the goals.</li>
 * </ul>
 * Each engine's answers are checked once in the setup, so the engines are compared on equal work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class PrologEngineBenchmark {

    private DecisionFacts facts;
    private List<String> proposals;
    private String program;
    private PrologExplainer explainer;
    private Prolog classicLoaded;
    private Solver twoPKtLoaded;
    private final TermParser goals = TermParser.withDefaultOperators();

    @Setup
    public void setUp() throws Exception {
        try (DecisionPipeline pipeline = DecisionPipeline.withShippedDefaults()) {
            facts = WorkedExample.in(WorkedExample.examples()).decide("bench", pipeline).explanationFacts();
        }
        explainer = new PrologExplainer();
        proposals = facts.proposals().stream().map(Proposal::proposalId).toList();
        program = PortableExplanation.theory() + PortableExplanation.facts(facts);
        classicLoaded = classic(program);
        twoPKtLoaded = twoPKt(program);
        List<String> expected = new ArrayList<>();
        for (String p : proposals) {
            expected.add(explainer.explain(facts, p).status().name().toLowerCase(java.util.Locale.ROOT));
        }
        // Correctness first: which engine answers explain/3 as the shipped explainer does.
        System.err.println("explain/3 statuses: shipped " + expected + ", classic " + statuses(classicLoaded)
                + ", 2p-kt " + twoPKtStatuses(twoPKtLoaded));
        if (!classicAnswer(classicLoaded).equals(twoPKtAnswer(twoPKtLoaded))) {
            throw new IllegalStateException("the engines disagree on the fact lookups: classic " + classicAnswer(classicLoaded)
                    + ", 2p-kt " + twoPKtAnswer(twoPKtLoaded));
        }
    }

    /** What Arbiter runs per decision: every proposal explained, and its why-not tree. */
    @Benchmark
    public int shippedExplainerWholeDecision() {
        int sentences = 0;
        for (Proposal proposal : facts.proposals()) {
            sentences += explainer.explain(facts, proposal.proposalId()).because().size();
            sentences += explainer.whyNotApprovedTree(facts, proposal.proposalId()).size();
        }
        return sentences;
    }

    @Benchmark
    public int shippedExplainer() {
        int sentences = 0;
        for (String p : proposals) {
            sentences += explainer.explain(facts, p).because().size();
            sentences += explainer.whyNotApprovedTree(facts, p).size();
        }
        return sentences;
    }

    @Benchmark
    public List<String> classicLoadAndAnswer() throws Exception {
        return classicAnswer(classic(program));
    }

    @Benchmark
    public List<String> classicAnswer() throws Exception {
        return classicAnswer(classicLoaded);
    }

    @Benchmark
    public List<String> twoPKtLoadAndAnswer() {
        return twoPKtAnswer(twoPKt(program));
    }

    @Benchmark
    public List<String> twoPKtAnswer() {
        return twoPKtAnswer(twoPKtLoaded);
    }

    private static Prolog classic(String program) throws Exception {
        Prolog prolog = new Prolog(new String[] {"alice.tuprolog.lib.BasicLibrary", "alice.tuprolog.lib.ISOLibrary"});
        prolog.setTheory(new Theory(program));
        return prolog;
    }

    /**
     * The lookups every explanation makes, which both engines answer alike: for each proposal its fact, its
     * rejections and caps (through decision_facts/2 and member/2), and the layers.
     */
    private static final String[] LOOKUPS = {
            "proposal(P, A, S, Side, Q, Price)", "findall(C, rejected(P, C, L, Src, M), Rs)",
            "findall(C, capped(P, Max, C, L, Src, M), Cs)", "findall(R, (fired(R, L, C), matched(R, F)), Ms)",
            "findall(L, layer(L, Code, Title), Ls)"};

    private List<String> classicAnswer(Prolog prolog) throws Exception {
        List<String> answers = new ArrayList<>();
        for (String p : proposals) {
            for (String lookup : LOOKUPS) {
                SolveInfo solved = prolog.solve(lookup.replace("P,", "'" + p + "',").replace("(P)", "('" + p + "')") + ".");
                answers.add(solved.isSuccess() ? "yes" : "no");
            }
        }
        return answers;
    }

    private List<String> statuses(Prolog prolog) throws Exception {
        List<String> statuses = new ArrayList<>();
        for (String p : proposals) {
            SolveInfo explained = prolog.solve("explain('" + p + "', S, L).");
            statuses.add(explained.isSuccess() ? explained.getTerm("S").toString() : "none");
        }
        return statuses;
    }

    private static Solver twoPKt(String program) {
        return Solver.prolog().newBuilder().staticKb(ClausesParser.withDefaultOperators().parseTheory(program)).build();
    }

    private List<String> twoPKtAnswer(Solver solver) {
        List<String> answers = new ArrayList<>();
        for (String p : proposals) {
            for (String lookup : LOOKUPS) {
                Solution solved = solver.solveOnce(goals.parseStruct(lookup.replace("P,", "'" + p + "',")
                        .replace("(P)", "('" + p + "')")));
                answers.add(solved.isYes() ? "yes" : "no");
            }
        }
        return answers;
    }

    private List<String> twoPKtStatuses(Solver solver) {
        List<String> statuses = new ArrayList<>();
        for (String p : proposals) {
            Solution explained = solver.solveOnce(goals.parseStruct("explain('" + p + "', S, L)"));
            statuses.add(explained.isYes() ? "yes" : explained.isHalt() ? "error (" + explained.toString().replaceAll("(?s).*exception=", "") : "no");
        }
        return statuses;
    }
}
