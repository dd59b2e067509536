package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.Model;
import com.microsoft.z3.Params;
import com.microsoft.z3.RealSort;
import com.microsoft.z3.Solver;
import com.microsoft.z3.Status;
import dev.arbiter.reasoning.analysis.AnalysisReport.DeadRule;
import dev.arbiter.reasoning.analysis.AnalysisReport.InvariantResult;
import dev.arbiter.reasoning.analysis.AnalysisReport.LimitConflict;
import dev.arbiter.reasoning.analysis.AnalysisReport.NotAnalysed;
import dev.arbiter.reasoning.analysis.AnalysisReport.RuleRef;
import dev.arbiter.reasoning.analysis.AnalysisReport.Shadowing;
import dev.arbiter.reasoning.analysis.AnalysisReport.Verdict;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSource;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Static analysis of a rule set with Z3, before it goes live (in {@code arbiter rules check} and when a
 * rule set is uploaded to the service). For the risk rules whose conditions are in the analysed subset
 * (see {@link RuleCondition} and {@link ExpressionTranslator}; the world is {@link SymbolicFacts}: one
 * order, one fact of each type, field ranges from {@link FieldRanges}) it finds:
 * <ul>
 *   <li>dead rules: the condition is unsatisfiable, or reads a limit or parameter the sets lack;</li>
 *   <li>shadowed rules: another rule of the same layer fires whenever this one does, with an outcome at
 *       least as strong (reject and halt over cap over flag);</li>
 *   <li>contradictory limits: {@code min-x} above {@code max-x}, or limits under which no order could
 *       ever pass the analysed rules;</li>
 *   <li>invariants proved, or refuted with a counterexample written as a rule-test case.</li>
 * </ul>
 * Rules outside the subset, strategy rules and rules that conclude nothing are listed as not analysed,
 * with the reason. Proofs of invariants count only analysed rules, so a proof holds whatever the other
 * rules do; a counterexample assumes the other rules stay quiet, which the pasted rule test then checks.
 *
 * <p>Each call builds its own Z3 context: an analyzer may be shared between threads.
 */
public final class RuleSetAnalyzer {

    private static final Pattern OUTCOME = Pattern.compile("Outcomes\\s*\\.\\s*(reject|capNotional|cap|flag|halt|reduceOnly)\\s*\\(\\s*kcontext\\s*,\\s*([^,]*)");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private final Duration checkTimeout;

    public RuleSetAnalyzer() {
        this(DEFAULT_TIMEOUT);
    }

    /** @param checkTimeout how long one Z3 check may run; a check that runs out says "unknown" */
    public RuleSetAnalyzer(Duration checkTimeout) {
        Objects.requireNonNull(checkTimeout, "checkTimeout");
        if (checkTimeout.toMillis() < 1 || checkTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("checkTimeout: " + checkTimeout + " is not accepted; expected 1 ms to ~24 days");
        }
        this.checkTimeout = checkTimeout;
    }

    /** How strongly an outcome stops the order; 0 for outcomes that do not stop it. */
    enum Strength {
        NONE, FLAG, CAP, REJECT
    }

    private record Rule(RuleRef ref, BoolExpr condition, Strength strength, boolean coversOrder) {
    }

    /**
     * Analyses a rule set against its limits and parameters and checks its invariants.
     *
     * @throws IllegalArgumentException if a DRL file cannot be parsed (vet and compile the rule set first)
     */
    public AnalysisReport analyze(RuleSet ruleSet, LimitSet limits, ParameterSet parameters, Invariants invariants) {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(invariants, "invariants");
        long start = System.nanoTime();
        try (Context z3 = new Context()) {
            SymbolicFacts facts = new SymbolicFacts(z3, limits.values(), parameters.values());
            Solver solver = z3.mkSolver();
            Params params = z3.mkParams();
            params.add("timeout", (int) checkTimeout.toMillis());
            solver.setParameters(params);
            Map<String, BoolExpr> byLabel = new HashMap<>();
            facts.assumptions().forEach((name, constraint) -> {
                BoolExpr label = z3.mkBoolConst(name);
                byLabel.put(label.toString(), label);
                solver.assertAndTrack(constraint, label);
            });

            List<RuleRef> analysed = new ArrayList<>();
            List<NotAnalysed> notAnalysed = new ArrayList<>();
            List<DeadRule> dead = new ArrayList<>();
            List<Rule> live = new ArrayList<>();
            for (RuleSource source : ruleSet.sources()) {
                for (RuleDescr descr : parse(source).getRules()) {
                    RuleRef ref = ref(descr, source.path());
                    String consequence = String.valueOf(descr.getConsequence());
                    Strength strength = strength(consequence);
                    if (ref.layer().equals("STRATEGY")) {
                        notAnalysed.add(new NotAnalysed(ref, "a strategy rule: it proposes orders, the analysis covers risk rules"));
                        continue;
                    }
                    if (strength == Strength.NONE && !consequence.contains("Outcomes.reduceOnly")) {
                        notAnalysed.add(new NotAnalysed(ref, "its consequence concludes no Outcomes.reject, cap, capNotional, flag, halt or reduceOnly"));
                        continue;
                    }
                    RuleCondition.Translated translated;
                    try {
                        translated = RuleCondition.translate(facts, descr.getLhs());
                    } catch (NotInSubset e) {
                        notAnalysed.add(new NotAnalysed(ref, e.getMessage()));
                        continue;
                    }
                    analysed.add(ref);
                    if (!translated.missing().isEmpty()) {
                        dead.add(new DeadRule(ref, translated.missing().stream()
                                .map(name -> name + " is not in the " + name.substring(0, name.indexOf(' ')) + " set").toList()));
                        continue;
                    }
                    solver.push();
                    solver.add(translated.formula());
                    Status status = solver.check();
                    if (status == Status.UNSATISFIABLE) {
                        dead.add(new DeadRule(ref, core(solver, "no facts satisfy its condition under")));
                    }
                    solver.pop();
                    if (status != Status.UNSATISFIABLE) {
                        live.add(new Rule(ref, translated.formula(), strength, coversOrder(consequence)));
                    }
                }
            }
            List<Shadowing> shadowed = shadowing(z3, solver, live);
            List<LimitConflict> conflicts = limitConflicts(z3, solver, limits, live);
            List<InvariantResult> results = new ArrayList<>();
            for (Invariants.Invariant invariant : invariants.all()) {
                results.add(check(invariant, z3, solver, facts, live));
            }
            return new AnalysisReport(ruleSet.version(), analysed, notAnalysed, dead, shadowed, conflicts, results,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private static PackageDescr parse(RuleSource source) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr pkg = parser.parse(false, source.drl());
            if (parser.hasErrors() || pkg == null) {
                throw new IllegalArgumentException(source.path() + " cannot be read as DRL: " + parser.getErrors()
                        + "; run the vetter (arbiter rules check) first");
            }
            return pkg;
        } catch (DroolsParserException e) {
            throw new IllegalArgumentException(source.path() + " cannot be read as DRL: " + e.getMessage(), e);
        }
    }

    private static RuleRef ref(RuleDescr rule, String file) {
        return new RuleRef(rule.getName(), annotation(rule, "reasonCode"), annotation(rule, "layer"), file);
    }

    private static String annotation(RuleDescr rule, String name) {
        AnnotationDescr annotation = rule.getAnnotation(name);
        if (annotation == null || annotation.getSingleValue() == null) {
            return "";
        }
        return AnnotationDescr.unquote(annotation.getSingleValue().toString());
    }

    static Strength strength(String consequence) {
        Strength strongest = Strength.NONE;
        Matcher outcome = OUTCOME.matcher(consequence);
        while (outcome.find()) {
            Strength s = switch (outcome.group(1)) {
                case "reject", "halt" -> Strength.REJECT;
                case "cap", "capNotional" -> Strength.CAP;
                case "flag" -> Strength.FLAG;
                default -> Strength.NONE;
            };
            strongest = s.compareTo(strongest) > 0 ? s : strongest;
        }
        return strongest;
    }

    /**
     * Whether the outcome certainly concerns the order: rejections, caps and flags name it; a halt covers
     * it when its scope is global or the order's account; an instrument halt, or a scope chosen at run
     * time, may name another instrument, so it is not counted.
     */
    private static boolean coversOrder(String consequence) {
        Matcher outcome = OUTCOME.matcher(consequence);
        boolean covers = false;
        while (outcome.find()) {
            String scope = outcome.group(2).strip();
            if (!outcome.group(1).equals("halt") || scope.equals("HaltScope.GLOBAL") || scope.equals("HaltScope.ACCOUNT")) {
                covers = true;
            }
        }
        return covers;
    }

    private static List<Shadowing> shadowing(Context z3, Solver solver, List<Rule> live) {
        List<Shadowing> shadowed = new ArrayList<>();
        for (int i = 0; i < live.size(); i++) {
            Rule rule = live.get(i);
            for (int j = 0; j < live.size(); j++) {
                Rule other = live.get(j);
                if (i == j || !rule.ref().layer().equals(other.ref().layer())
                        || other.strength().compareTo(rule.strength()) < 0) {
                    continue;
                }
                if (implies(z3, solver, rule, other)) {
                    // Two rules with the same condition and outcome strength shadow each other: report the later one.
                    boolean twin = other.strength() == rule.strength() && implies(z3, solver, other, rule);
                    if (!twin || j < i) {
                        shadowed.add(new Shadowing(rule.ref(), other.ref()));
                        break;
                    }
                }
            }
        }
        return shadowed;
    }

    private static boolean implies(Context z3, Solver solver, Rule rule, Rule other) {
        solver.push();
        solver.add(rule.condition());
        solver.add(z3.mkNot(other.condition()));
        boolean implied = solver.check() == Status.UNSATISFIABLE;
        solver.pop();
        return implied;
    }

    private List<LimitConflict> limitConflicts(Context z3, Solver solver, LimitSet limits, List<Rule> live) {
        List<LimitConflict> conflicts = new ArrayList<>();
        limits.values().forEach((name, value) -> {
            if (name.startsWith("min-")) {
                String max = "max-" + name.substring(4);
                BigDecimal maxValue = limits.values().get(max);
                if (maxValue != null && value.compareTo(maxValue) > 0) {
                    conflicts.add(new LimitConflict(List.of(name, max), name + " " + value.toPlainString()
                            + " is above " + max + " " + maxValue.toPlainString()));
                }
            }
        });
        solver.push();
        solver.add(z3.mkNot(blocked(z3, live, Strength.CAP)));
        if (solver.check() == Status.UNSATISFIABLE) {
            List<String> core = core(solver, "");
            List<String> limitNames = core.stream().filter(c -> c.startsWith("limit ")).toList();
            conflicts.add(new LimitConflict(limitNames, "no order could ever pass the analysed rules; "
                    + "the contradiction needs " + String.join(", ", core)));
        }
        solver.pop();
        return conflicts;
    }

    private static BoolExpr blocked(Context z3, List<Rule> live, Strength atLeast) {
        return z3.mkOr(live.stream().filter(r -> r.coversOrder() && r.strength().compareTo(atLeast) >= 0)
                .map(Rule::condition).toArray(BoolExpr[]::new));
    }

    private InvariantResult check(Invariants.Invariant invariant, Context z3, Solver solver, SymbolicFacts facts,
                                  List<Rule> live) {
        String statement = invariant.description() + ": when " + invariant.when() + ", the order is " + invariant.then();
        BoolExpr when;
        try {
            when = new ExpressionTranslator(facts, null, Map.of(), true).condition(invariant.when());
        } catch (NotInSubset e) {
            return new InvariantResult(invariant.name(), statement, Verdict.INVALID, "when: " + e.getMessage(), "");
        }
        Strength atLeast = invariant.then().equals("rejected") ? Strength.REJECT : Strength.CAP;
        BoolExpr slipsThrough = z3.mkAnd(when, presenceOf(z3, facts, invariant.when()), z3.mkNot(blocked(z3, live, atLeast)));
        solver.push();
        solver.add(slipsThrough);
        // Look for a counterexample on a grid of cents first: exact values that paste cleanly into a test.
        solver.push();
        onCentGrid(z3, solver, facts);
        Status status = solver.check();
        if (status != Status.SATISFIABLE) {
            solver.pop();
            solver.push();
            status = solver.check();
        }
        try {
            return switch (status) {
                case UNSATISFIABLE -> new InvariantResult(invariant.name(), statement, Verdict.PROVED,
                        "holds for every input, by " + live.stream().filter(r -> r.coversOrder()
                                && r.strength().compareTo(atLeast) >= 0).count() + " analysed rules", "");
                case UNKNOWN -> new InvariantResult(invariant.name(), statement, Verdict.UNKNOWN,
                        "Z3 gave no answer within " + checkTimeout + ": " + solver.getReasonUnknown(), "");
                case SATISFIABLE -> {
                    Model model = solver.getModel();
                    List<String> quiet = live.stream().filter(r -> r.coversOrder() && r.strength().compareTo(atLeast) >= 0)
                            .map(r -> r.ref().reasonCode()).distinct().toList();
                    yield new InvariantResult(invariant.name(), statement, Verdict.REFUTED,
                            "an order slips through every analysed rule", Counterexample.render(invariant.name(), model,
                            facts, typesIn(model, facts), quiet));
                }
            };
        } finally {
            solver.pop();
            solver.pop();
        }
    }

    /** The optional facts an invariant names are there (a kill switch that is engaged exists). */
    private static BoolExpr presenceOf(Context z3, SymbolicFacts facts, String when) {
        List<BoolExpr> present = new ArrayList<>();
        for (String type : facts.optionalTypes()) {
            if (Pattern.compile("\\b" + type + "\\.").matcher(when).find()) {
                present.add(facts.present(type));
            }
        }
        return z3.mkAnd(present.toArray(BoolExpr[]::new));
    }

    private static void onCentGrid(Context z3, Solver solver, SymbolicFacts facts) {
        ArithExpr<RealSort> hundred = z3.mkReal(100);
        for (String type : SymbolicFacts.TYPES.keySet()) {
            for (Value value : facts.fieldsOf(type).values()) {
                if (value instanceof Value.Num num) {
                    solver.add(z3.mkIsInteger(z3.mkMul(num.expr(), hundred)));
                }
            }
        }
    }

    private static List<String> typesIn(Model model, SymbolicFacts facts) {
        List<String> types = new ArrayList<>(List.of("Account", "Instrument", "Exposure", "Proposal"));
        for (String type : facts.optionalTypes()) {
            Expr<?> present = model.eval(facts.presenceVariable(type), false);
            if (present.isTrue()) {
                types.add(type);
            }
        }
        return types;
    }

    /** The unsat core as the names of the assumptions in it, in a stable order. */
    private static List<String> core(Solver solver, String prefix) {
        Set<String> names = new LinkedHashSet<>();
        Arrays.stream(solver.getUnsatCore()).map(label -> label.toString().replaceAll("^\\|(.*)\\|$", "$1"))
                .sorted().forEach(names::add);
        List<String> because = new ArrayList<>(names);
        if (!prefix.isEmpty()) {
            return List.of(prefix + " " + (because.isEmpty() ? "any assumption (the condition contradicts itself)"
                    : String.join(", ", because)));
        }
        return because;
    }
}
