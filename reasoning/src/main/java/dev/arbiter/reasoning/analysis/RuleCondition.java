package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PatternDescr;

/**
 * A rule's condition (its {@code when} part) as one Z3 formula over {@link SymbolicFacts}. Patterns
 * become "the fact is there and its constraints hold", {@code not}, {@code exists}, {@code and},
 * {@code or} and {@code eval} their logical counterparts, and {@code Limit(name == "x", $v : value)} /
 * {@code Parameter(...)} the named constant. {@code accumulate}, {@code collect}, {@code from},
 * {@code forall} and anything {@link ExpressionTranslator} does not know raise {@link NotInSubset}.
 */
final class RuleCondition {

    private static final Pattern BINDING = Pattern.compile("^\\s*(\\$?[A-Za-z_][\\w$]*)\\s*:\\s*(?!=)(.+)$", Pattern.DOTALL);
    private static final Pattern NAME_IS = Pattern.compile("^\\s*name\\s*==\\s*\"([^\"]*)\"\\s*$");

    private final SymbolicFacts facts;
    private final Context z3;
    /** Limits and parameters the rule reads that the sets do not have: the rule can never fire. */
    private final Set<String> missing = new TreeSet<>();

    private RuleCondition(SymbolicFacts facts) {
        this.facts = facts;
        this.z3 = facts.z3();
    }

    /** The formula, and the names of limits or parameters the rule reads but the sets lack. */
    record Translated(BoolExpr formula, Set<String> missing) {
    }

    static Translated translate(SymbolicFacts facts, AndDescr lhs) {
        RuleCondition condition = new RuleCondition(facts);
        BoolExpr formula = condition.element(lhs, new HashMap<>());
        return new Translated(formula, Set.copyOf(condition.missing));
    }

    private BoolExpr element(BaseDescr descr, Map<String, Value> bindings) {
        return switch (descr) {
            case AndDescr and -> {
                List<BoolExpr> parts = new ArrayList<>();
                for (BaseDescr part : and.getDescrs()) {
                    parts.add(element(part, bindings));
                }
                yield z3.mkAnd(parts.toArray(BoolExpr[]::new));
            }
            case OrDescr or -> {
                List<BoolExpr> parts = new ArrayList<>();
                for (BaseDescr part : or.getDescrs()) {
                    parts.add(element(part, new HashMap<>(bindings)));
                }
                yield z3.mkOr(parts.toArray(BoolExpr[]::new));
            }
            case NotDescr not -> z3.mkNot(children(not.getDescrs(), new HashMap<>(bindings)));
            case ExistsDescr exists -> children(exists.getDescrs(), new HashMap<>(bindings));
            case EvalDescr eval -> new ExpressionTranslator(facts, null, bindings, false)
                    .condition(eval.getContent().toString());
            case PatternDescr pattern -> pattern(pattern, bindings);
            default -> throw new NotInSubset(kind(descr) + " is outside the subset");
        };
    }

    private BoolExpr children(List<? extends BaseDescr> children, Map<String, Value> bindings) {
        List<BoolExpr> parts = new ArrayList<>();
        for (BaseDescr child : children) {
            parts.add(element(child, bindings));
        }
        return z3.mkAnd(parts.toArray(BoolExpr[]::new));
    }

    private BoolExpr pattern(PatternDescr pattern, Map<String, Value> bindings) {
        String type = simpleName(pattern.getObjectType());
        if (pattern.getSource() instanceof AccumulateDescr accumulate) {
            return accumulateOverTheOrder(accumulate, bindings);
        }
        if (pattern.getSource() != null) {
            throw new NotInSubset(kind(pattern.getSource()) + " is outside the subset (it reads many facts at once)");
        }
        if (type.equals("Limit") || type.equals("Parameter")) {
            return named(type, pattern, bindings);
        }
        BoolExpr present = facts.present(type);
        if (pattern.getIdentifier() != null) {
            bindings.put(pattern.getIdentifier(), new Value.Fact(type));
        }
        List<BoolExpr> parts = new ArrayList<>();
        parts.add(present);
        ExpressionTranslator translator = new ExpressionTranslator(facts, type, bindings, false);
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                throw new NotInSubset("the constraint " + constraint.getText() + " of " + type + " is outside the subset");
            }
            constrain(expr.getExpression(), translator, bindings).ifPresent(parts::add);
        }
        return z3.mkAnd(parts.toArray(BoolExpr[]::new));
    }

    /**
     * {@code accumulate} over the request's proposals, {@code count} or {@code sum}: the analysis has one order, so
     * "the proposals up to this one" is that order when it matches the input pattern, and none otherwise. Its
     * constraints on {@code proposalId} (the ordering within a request) hold for the order itself. Other sources
     * read many facts at once and stay outside the subset.
     */
    private BoolExpr accumulateOverTheOrder(AccumulateDescr accumulate, Map<String, Value> bindings) {
        PatternDescr input = accumulate.getInputPattern();
        if (input == null || !simpleName(input.getObjectType()).equals("Proposal") || accumulate.getDescrs().size() > 1
                || accumulate.getFunctions().isEmpty()) {
            throw new NotInSubset("accumulate is outside the subset unless it counts or sums the request's proposals"
                    + " (it reads many facts at once)");
        }
        Map<String, Value> inner = new HashMap<>(bindings);
        ExpressionTranslator translator = new ExpressionTranslator(facts, "Proposal", inner, false);
        List<BoolExpr> matches = new ArrayList<>();
        for (BaseDescr constraint : input.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                throw new NotInSubset("the constraint " + constraint.getText() + " of Proposal is outside the subset");
            }
            if (!expr.getExpression().contains("proposalId")) {
                constrain(expr.getExpression(), translator, inner).ifPresent(matches::add);
            }
        }
        BoolExpr matched = z3.mkAnd(matches.toArray(BoolExpr[]::new));
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            com.microsoft.z3.ArithExpr<com.microsoft.z3.RealSort> one = switch (function.getFunction()) {
                case "count" -> facts.real(java.math.BigDecimal.ONE);
                case "sum" -> {
                    if (function.getParams().length != 1) {
                        throw new NotInSubset("sum with " + function.getParams().length + " arguments is outside the subset");
                    }
                    yield ExpressionTranslator.num(translator.translate(function.getParams()[0]), function.getParams()[0]);
                }
                default -> throw new NotInSubset("accumulate with " + function.getFunction()
                        + " is outside the subset; count and sum over the request's proposals are analysed");
            };
            @SuppressWarnings("unchecked")
            com.microsoft.z3.ArithExpr<com.microsoft.z3.RealSort> total =
                    (com.microsoft.z3.ArithExpr<com.microsoft.z3.RealSort>) z3.mkITE(matched, one,
                            facts.real(java.math.BigDecimal.ZERO));
            if (function.getBind() != null) {
                bindings.put(function.getBind(), new Value.Num(total));
            }
        }
        return z3.mkTrue();
    }

    /** {@code $x : path} binds; anything else is a condition. */
    private Optional<BoolExpr> constrain(String text, ExpressionTranslator translator, Map<String, Value> bindings) {
        Matcher binding = BINDING.matcher(text);
        if (binding.matches() && !text.contains("?")) {
            bindings.put(binding.group(1), translator.translate(binding.group(2)));
            return Optional.empty();
        }
        return Optional.of(translator.condition(text));
    }

    private BoolExpr named(String type, PatternDescr pattern, Map<String, Value> bindings) {
        String name = null;
        List<String> rest = new ArrayList<>();
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (!(constraint instanceof ExprConstraintDescr expr)) {
                throw new NotInSubset("the constraint " + constraint.getText() + " of " + type + " is outside the subset");
            }
            Matcher is = NAME_IS.matcher(expr.getExpression());
            if (is.matches() && name == null) {
                name = is.group(1);
            } else {
                rest.add(expr.getExpression());
            }
        }
        if (name == null) {
            throw new NotInSubset(type + " is matched without name == \"...\"; the analysis needs to know which one");
        }
        Optional<? extends com.microsoft.z3.ArithExpr<com.microsoft.z3.RealSort>> constant =
                type.equals("Limit") ? facts.limit(name) : facts.parameter(name);
        boolean absent = constant.isEmpty();
        if (absent) {
            // The rule can never fire; its other conditions are still read, so that the report says why.
            missing.add(type.toLowerCase(java.util.Locale.ROOT) + " " + name);
        }
        Map<String, Value> valueOnly = new HashMap<>(bindings);
        valueOnly.put("value", new Value.Num(absent ? z3.mkRealConst("missing " + name) : constant.get()));
        ExpressionTranslator translator = new ExpressionTranslator(facts, null, valueOnly, false);
        List<BoolExpr> parts = new ArrayList<>();
        parts.add(absent ? z3.mkFalse() : z3.mkTrue());
        for (String text : rest) {
            Matcher binding = BINDING.matcher(text);
            if (binding.matches()) {
                bindings.put(binding.group(1), translator.translate(binding.group(2)));
                valueOnly.put(binding.group(1), bindings.get(binding.group(1)));
            } else {
                parts.add(translator.condition(text));
            }
        }
        return z3.mkAnd(parts.toArray(BoolExpr[]::new));
    }

    private static String simpleName(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? type : type.substring(dot + 1);
    }

    private static String kind(Object descr) {
        return descr.getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
    }
}
