package dev.arbiter.reasoning.analysis;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.HaltScope;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates one expression of a rule condition (or of an invariant) into Z3. The subset: number,
 * boolean, string and enum literals; fields of the matched fact and of facts bound to {@code $variables};
 * {@code + - * /}, comparisons, {@code && || !}, {@code ?:}; the BigDecimal methods {@code add},
 * {@code subtract}, {@code multiply}, {@code negate}, {@code abs}, {@code max}, {@code min},
 * {@code compareTo}, {@code doubleValue}, {@code BigDecimal.valueOf}; {@code Math.abs/max/min};
 * {@code Measures.opens}, {@code positionAfter} and {@code relativeDistance}; identifier joins;
 * {@code Proposal.usedModel(model)} as a free truth value. Anything else raises {@link NotInSubset} naming what was
 * found.
 */
final class ExpressionTranslator {

    private static final JavaParser JAVA = new JavaParser();
    private static final Map<String, Class<? extends Enum<?>>> ENUMS = enums();

    private final SymbolicFacts facts;
    private final Context z3;
    /** The type of the pattern whose fields bare names refer to; null in eval and invariants. */
    private final String patternType;
    private final Map<String, Value> bindings;
    /** In invariants, {@code Type.field}, {@code limit("name")} and {@code parameter("name")} are allowed. */
    private final boolean qualified;

    ExpressionTranslator(SymbolicFacts facts, String patternType, Map<String, Value> bindings, boolean qualified) {
        this.facts = facts;
        this.z3 = facts.z3();
        this.patternType = patternType;
        this.bindings = bindings;
        this.qualified = qualified;
    }

    static Expression parse(String text) {
        ParseResult<Expression> parsed = JAVA.parseExpression(text.strip());
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            throw new NotInSubset("'" + text.strip() + "' is not a Java expression (Drools operators such as"
                    + " matches, contains, in and memberOf are outside the subset)");
        }
        return parsed.getResult().get();
    }

    Value translate(String text) {
        return translate(parse(text));
    }

    BoolExpr condition(String text) {
        return truth(translate(text), text);
    }

    Value translate(Expression e) {
        return switch (e) {
            case EnclosedExpr enclosed -> translate(enclosed.getInner());
            case IntegerLiteralExpr literal -> new Value.Num(facts.real(new BigDecimal(literal.getValue().replace("_", ""))));
            case LongLiteralExpr literal -> new Value.Num(facts.real(new BigDecimal(
                    literal.getValue().replace("_", "").replaceAll("[lL]$", ""))));
            case DoubleLiteralExpr literal -> new Value.Num(facts.real(new BigDecimal(
                    literal.getValue().replace("_", "").replaceAll("[dDfF]$", ""))));
            case BooleanLiteralExpr literal -> new Value.Truth(z3.mkBool(literal.getValue()));
            case NullLiteralExpr literal -> new Value.Null();
            case StringLiteralExpr literal -> new Value.Text("\"" + literal.getValue() + "\"", false, literal.getValue());
            case NameExpr name -> name(name.getNameAsString());
            case FieldAccessExpr access -> fieldAccess(access);
            case MethodCallExpr call -> call(call);
            case UnaryExpr unary -> unary(unary);
            case BinaryExpr binary -> binary(binary);
            case ConditionalExpr conditional -> conditional(conditional);
            default -> throw new NotInSubset("'" + e + "' (" + e.getClass().getSimpleName().replace("Expr", "")
                    + ") is outside the subset");
        };
    }

    private Value name(String name) {
        Value bound = bindings.get(name);
        if (bound != null) {
            return bound;
        }
        if (patternType != null) {
            Optional<Value> field = facts.fieldIfAny(patternType, name);
            if (field.isPresent()) {
                return field.get();
            }
        }
        throw new NotInSubset("'" + name + "' is neither a field of " + (patternType == null ? "the facts" : patternType)
                + " the analysis knows nor a bound variable");
    }

    private Value fieldAccess(FieldAccessExpr access) {
        String field = access.getNameAsString();
        if (access.getScope() instanceof NameExpr scopeName) {
            String scope = scopeName.getNameAsString();
            Class<? extends Enum<?>> enumType = ENUMS.get(scope);
            if (enumType != null && !bindings.containsKey(scope)) {
                return enumConstant(enumType, field);
            }
            if (qualified && facts.isFactType(scope)) {
                return facts.field(scope, field);
            }
        }
        if (translate(access.getScope()) instanceof Value.Fact fact) {
            return facts.field(fact.type(), field);
        }
        throw new NotInSubset("'" + access + "' reads a field of something that is not a fact");
    }

    private Value enumConstant(Class<? extends Enum<?>> type, String constant) {
        Enum<?>[] constants = type.getEnumConstants();
        for (Enum<?> value : constants) {
            if (value.name().equals(constant)) {
                return new Value.EnumValue(type, z3.mkInt(value.ordinal()));
            }
        }
        throw new NotInSubset(type.getSimpleName() + " has no constant " + constant + "; it has "
                + Arrays.stream(constants).map(Enum::name).toList());
    }

    private Value call(MethodCallExpr call) {
        String method = call.getNameAsString();
        List<Expression> args = call.getArguments();
        if (call.getScope().isEmpty()) {
            if (qualified && (method.equals("limit") || method.equals("parameter")) && args.size() == 1
                    && args.getFirst() instanceof StringLiteralExpr name) {
                Optional<? extends ArithExpr<RealSort>> constant = method.equals("limit")
                        ? facts.limit(name.getValue()) : facts.parameter(name.getValue());
                return new Value.Num(constant.orElseThrow(() -> new NotInSubset(method + " '" + name.getValue()
                        + "' is not in the " + method + " set")));
            }
            if (patternType != null && args.isEmpty()) {
                return facts.field(patternType, method);
            }
            throw new NotInSubset("the call " + call + " is outside the subset");
        }
        Expression scope = call.getScope().get();
        if (scope instanceof NameExpr named && !bindings.containsKey(named.getNameAsString())
                && (patternType == null || facts.fieldIfAny(patternType, named.getNameAsString()).isEmpty())) {
            return staticCall(named.getNameAsString(), method, args, call);
        }
        Value target = translate(scope);
        if (target instanceof Value.Fact fact && args.isEmpty()) {
            return facts.field(fact.type(), method);
        }
        if (target instanceof Value.Fact fact && fact.type().equals("Proposal") && method.equals("usedModel")
                && args.size() == 1) {
            // which models a proposal's origin acted on is not modelled: either answer is possible
            return new Value.Truth(z3.mkBoolConst("Proposal.usedModel(" + args.getFirst() + ")"));
        }
        if (target instanceof Value.Num num) {
            return numberMethod(num.expr(), method, args, call);
        }
        throw new NotInSubset("the call " + call + " is outside the subset");
    }

    private Value staticCall(String type, String method, List<Expression> args, MethodCallExpr call) {
        switch (type + "." + method + "/" + args.size()) {
            case "BigDecimal.valueOf/1" -> {
                return new Value.Num(number(args.get(0)));
            }
            case "Math.abs/1" -> {
                return new Value.Num(abs(number(args.get(0))));
            }
            case "Math.max/2" -> {
                return new Value.Num(max(number(args.get(0)), number(args.get(1))));
            }
            case "Math.min/2" -> {
                return new Value.Num(min(number(args.get(0)), number(args.get(1))));
            }
            case "Measures.opens/2" -> {
                return new Value.Truth(opens(fact(args.get(0), "Proposal"), fact(args.get(1), "Exposure")));
            }
            case "Measures.positionAfter/2" -> {
                return new Value.Num(positionAfter(fact(args.get(0), "Proposal"), fact(args.get(1), "Exposure")));
            }
            case "Measures.fundingPaidAfter/3" -> {
                String proposal = fact(args.get(0), "Proposal");
                String exposure = fact(args.get(1), "Exposure");
                Value.EnumValue side = (Value.EnumValue) facts.field(proposal, "side");
                BoolExpr buy = z3.mkEq(side.expr(), z3.mkInt(Side.BUY.ordinal()));
                ArithExpr<RealSort> order = facts.number(proposal, "notional");
                ArithExpr<RealSort> after = z3.mkAdd(facts.number(exposure, "netNotional"),
                        ite(buy, order, z3.mkUnaryMinus(order)));
                return new Value.Num(max(z3.mkMul(after, number(args.get(2))), facts.real(BigDecimal.ZERO)));
            }
            case "Measures.onStep/2" -> {
                // a whole multiple of the step
                return new Value.Truth(z3.mkIsInteger((com.microsoft.z3.RealExpr) z3.mkDiv(number(args.get(0)),
                        number(args.get(1)))));
            }
            case "Measures.ratio/2" -> {
                return new Value.Num(z3.mkDiv(number(args.get(0)), number(args.get(1))));
            }
            case "Measures.relativeDistance/2" -> {
                ArithExpr<RealSort> price = number(args.get(0));
                ArithExpr<RealSort> reference = number(args.get(1));
                // The analysis reads it as exact division; Measures rounds to 16 digits.
                return new Value.Num(z3.mkDiv(abs(z3.mkSub(price, reference)), reference));
            }
            default -> throw new NotInSubset("the call " + call + " is outside the subset");
        }
    }

    private Value numberMethod(ArithExpr<RealSort> x, String method, List<Expression> args, MethodCallExpr call) {
        return switch (method + "/" + args.size()) {
            case "negate/0" -> new Value.Num(z3.mkUnaryMinus(x));
            case "abs/0" -> new Value.Num(abs(x));
            case "doubleValue/0", "longValue/0", "intValue/0" -> new Value.Num(x);
            case "add/1" -> new Value.Num(z3.mkAdd(x, number(args.get(0))));
            case "subtract/1" -> new Value.Num(z3.mkSub(x, number(args.get(0))));
            case "multiply/1" -> new Value.Num(z3.mkMul(x, number(args.get(0))));
            case "max/1" -> new Value.Num(max(x, number(args.get(0))));
            case "min/1" -> new Value.Num(min(x, number(args.get(0))));
            case "compareTo/1" -> {
                ArithExpr<RealSort> y = number(args.get(0));
                yield new Value.Num(ite(z3.mkLt(x, y), facts.real(BigDecimal.ONE.negate()),
                        ite(z3.mkEq(x, y), facts.real(BigDecimal.ZERO), facts.real(BigDecimal.ONE))));
            }
            default -> throw new NotInSubset("the call " + call + " (BigDecimal." + method
                    + ") is outside the subset; divide, setScale and rounding are not analysed");
        };
    }

    private Value unary(UnaryExpr unary) {
        Value inner = translate(unary.getExpression());
        return switch (unary.getOperator()) {
            case LOGICAL_COMPLEMENT -> new Value.Truth(z3.mkNot(truth(inner, unary.getExpression().toString())));
            case MINUS -> new Value.Num(z3.mkUnaryMinus(num(inner, unary.getExpression().toString())));
            case PLUS -> inner;
            default -> throw new NotInSubset("the operator " + unary.getOperator().asString() + " is outside the subset");
        };
    }

    private Value binary(BinaryExpr binary) {
        Value left = translate(binary.getLeft());
        Value right = translate(binary.getRight());
        String l = binary.getLeft().toString();
        String r = binary.getRight().toString();
        return switch (binary.getOperator()) {
            case AND -> new Value.Truth(z3.mkAnd(truth(left, l), truth(right, r)));
            case OR -> new Value.Truth(z3.mkOr(truth(left, l), truth(right, r)));
            case PLUS -> new Value.Num(z3.mkAdd(num(left, l), num(right, r)));
            case MINUS -> new Value.Num(z3.mkSub(num(left, l), num(right, r)));
            case MULTIPLY -> new Value.Num(z3.mkMul(num(left, l), num(right, r)));
            case DIVIDE -> new Value.Num(z3.mkDiv(num(left, l), num(right, r)));
            case LESS -> new Value.Truth(z3.mkLt(num(left, l), num(right, r)));
            case LESS_EQUALS -> new Value.Truth(z3.mkLe(num(left, l), num(right, r)));
            case GREATER -> new Value.Truth(z3.mkGt(num(left, l), num(right, r)));
            case GREATER_EQUALS -> new Value.Truth(z3.mkGe(num(left, l), num(right, r)));
            case EQUALS -> new Value.Truth(equal(left, right, binary));
            case NOT_EQUALS -> new Value.Truth(z3.mkNot(equal(left, right, binary)));
            default -> throw new NotInSubset("the operator " + binary.getOperator().asString() + " is outside the subset");
        };
    }

    private BoolExpr equal(Value left, Value right, BinaryExpr binary) {
        if (left instanceof Value.Null || right instanceof Value.Null) {
            Value other = left instanceof Value.Null ? right : left;
            if (other instanceof Value.Num num && num.given() != null) {
                return z3.mkNot(num.given()); // == null: the fact leaves it out
            }
            throw new NotInSubset("'" + binary + "' compares with null something no fact leaves out");
        }
        if (left instanceof Value.Num a && right instanceof Value.Num b) {
            return z3.mkEq(a.expr(), b.expr());
        }
        if (left instanceof Value.Truth a && right instanceof Value.Truth b) {
            return z3.mkEq(a.expr(), b.expr());
        }
        if (left instanceof Value.EnumValue a && right instanceof Value.EnumValue b && a.type() == b.type()) {
            return z3.mkEq(a.expr(), b.expr());
        }
        if (left instanceof Value.Text a && right instanceof Value.Text b && a.identifier() && b.identifier()
                && binary.getOperator() == BinaryExpr.Operator.EQUALS) {
            return z3.mkTrue(); // one fact of each type: identifiers always join
        }
        if (left instanceof Value.Text a && right instanceof Value.Text b && !a.what().equals(b.what())
                && (a.literal() == null || b.literal() == null)) {
            // Whether a restriction names this symbol, a control this account, an indicator "atr_14": the
            // analysis may take either answer, and a counterexample shows the one it took.
            return facts.textEquals(a, b);
        }
        throw new NotInSubset("'" + binary + "' compares text or values of different kinds; only numbers, enums,"
                + " booleans and identifier joins (accountId, symbol, proposalId) are analysed");
    }

    private Value conditional(ConditionalExpr conditional) {
        BoolExpr condition = truth(translate(conditional.getCondition()), conditional.getCondition().toString());
        Value then = translate(conditional.getThenExpr());
        Value otherwise = translate(conditional.getElseExpr());
        if (then instanceof Value.Num a && otherwise instanceof Value.Num b) {
            return new Value.Num(ite(condition, a.expr(), b.expr()));
        }
        if (then instanceof Value.Truth a && otherwise instanceof Value.Truth b) {
            return new Value.Truth((BoolExpr) z3.mkITE(condition, a.expr(), b.expr()));
        }
        throw new NotInSubset("'" + conditional + "' chooses between values that are not both numbers or booleans");
    }

    private BoolExpr opens(String proposal, String exposure) {
        ArithExpr<RealSort> held = facts.number(exposure, "positionQuantity");
        ArithExpr<RealSort> after = positionAfter(proposal, exposure);
        ArithExpr<RealSort> zero = facts.real(BigDecimal.ZERO);
        BoolExpr grows = z3.mkGt(abs(after), abs(held));
        BoolExpr flips = z3.mkOr(z3.mkAnd(z3.mkGt(held, zero), z3.mkLt(after, zero)),
                z3.mkAnd(z3.mkLt(held, zero), z3.mkGt(after, zero)));
        return z3.mkOr(grows, flips);
    }

    private ArithExpr<RealSort> positionAfter(String proposal, String exposure) {
        ArithExpr<RealSort> quantity = facts.number(proposal, "quantity");
        Value.EnumValue side = (Value.EnumValue) facts.field(proposal, "side");
        BoolExpr buy = z3.mkEq(side.expr(), z3.mkInt(Side.BUY.ordinal()));
        return z3.mkAdd(facts.number(exposure, "positionQuantity"), ite(buy, quantity, z3.mkUnaryMinus(quantity)));
    }

    private String fact(Expression e, String expectedType) {
        if (translate(e) instanceof Value.Fact fact && fact.type().equals(expectedType)) {
            return fact.type();
        }
        throw new NotInSubset("'" + e + "' must be a bound " + expectedType);
    }

    private ArithExpr<RealSort> number(Expression e) {
        return num(translate(e), e.toString());
    }

    private ArithExpr<RealSort> abs(ArithExpr<RealSort> x) {
        return ite(z3.mkLt(x, facts.real(BigDecimal.ZERO)), z3.mkUnaryMinus(x), x);
    }

    private ArithExpr<RealSort> max(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
        return ite(z3.mkGe(a, b), a, b);
    }

    private ArithExpr<RealSort> min(ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
        return ite(z3.mkLe(a, b), a, b);
    }

    @SuppressWarnings("unchecked")
    private ArithExpr<RealSort> ite(BoolExpr condition, ArithExpr<RealSort> a, ArithExpr<RealSort> b) {
        return (ArithExpr<RealSort>) z3.mkITE(condition, a, b);
    }

    static ArithExpr<RealSort> num(Value value, String text) {
        if (value instanceof Value.Num num) {
            return num.expr();
        }
        if (value instanceof Value.Text) {
            throw new NotInSubset("'" + text + "' is text; text is compared only in identifier joins"
                    + " (accountId, symbol, proposalId)");
        }
        throw new NotInSubset("'" + text + "' is not a number the analysis models");
    }

    static BoolExpr truth(Value value, String text) {
        if (value instanceof Value.Truth truth) {
            return truth.expr();
        }
        throw new NotInSubset("'" + text + "' is not a condition the analysis models");
    }

    private static Map<String, Class<? extends Enum<?>>> enums() {
        Map<String, Class<? extends Enum<?>>> enums = new java.util.HashMap<>();
        for (Class<? extends Enum<?>> type : List.<Class<? extends Enum<?>>>of(Side.class, TradingState.class,
                HaltScope.class, dev.arbiter.kb.fact.RegimeKind.class, dev.arbiter.kb.fact.RestrictionKind.class,
                dev.arbiter.kb.fact.AnomalyKind.class, dev.arbiter.kb.outcome.Layer.class,
                dev.arbiter.kb.fact.InstrumentKind.class, dev.arbiter.kb.fact.MarginMode.class)) {
            enums.put(type.getSimpleName(), type);
        }
        return Map.copyOf(enums);
    }
}
