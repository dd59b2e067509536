package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.AlgebraicNum;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntNum;
import com.microsoft.z3.Model;
import com.microsoft.z3.RatNum;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A Z3 model written as a rule-test case: the facts of the model in the format of {@code *.test.yaml}
 * ({@code - Account: {accountId: acct-1, equity: 100000, ...}}), expecting that none of the rules that
 * should have stopped the order fires. Identifiers are those of the tests' background (account
 * {@code acct-1}, instrument {@code ETH-USD}), so the case's facts replace the background's.
 */
final class Counterexample {

    static final String ACCOUNT = "acct-1";
    static final String SYMBOL = "ETH-USD";
    static final String PROPOSAL = "p-1";
    static final String TIME = "2023-03-15T18:20:00Z";

    private Counterexample() {
    }

    static String render(String invariant, Model model, SymbolicFacts facts, Collection<String> types,
                         List<String> quietCodes) {
        StringBuilder yaml = new StringBuilder();
        yaml.append("- name: \"counterexample to invariant ").append(invariant).append("\"\n");
        yaml.append("  given:\n");
        for (String type : types) {
            yaml.append("    - ").append(type).append(": ").append(fact(type, model, facts)).append('\n');
        }
        if (!types.contains("ProtectiveStop")) {
            // Opening orders need a stop; the order gets one so that the stop-loss rule does not object.
            BigDecimal price = number(model.eval(facts.number("Proposal", "price"), true));
            yaml.append("    - ProtectiveStop: {proposalId: ").append(PROPOSAL).append(", price: ")
                    .append(price.multiply(new BigDecimal("0.9")).setScale(2, RoundingMode.UP).max(new BigDecimal("0.01"))
                            .stripTrailingZeros().toPlainString()).append("}\n");
        }
        yaml.append("  expect:\n");
        yaml.append("    notFired: [").append(String.join(", ", quietCodes)).append("]\n");
        return yaml.toString();
    }

    private static String fact(String type, Model model, SymbolicFacts facts) {
        StringJoiner fields = new StringJoiner(", ", "{", "}");
        for (Map.Entry<String, Value> field : facts.fieldsOf(type).entrySet()) {
            String name = field.getKey();
            String value = switch (field.getValue()) {
                case Value.Num num -> num.given() != null && !model.eval(num.given(), true).isTrue() ? "null"
                        : number(model.eval(num.expr(), true)).stripTrailingZeros().toPlainString();
                case Value.Null none -> throw new IllegalStateException("a fact field cannot hold the literal null");
                case Value.Truth truth -> Boolean.toString(model.eval(truth.expr(), true).isTrue());
                case Value.EnumValue e -> e.type().getEnumConstants()[((IntNum) model.eval(e.expr(), true)).getInt()].name();
                case Value.Text text -> text(type, name, facts, model);
                case Value.Fact fact -> throw new IllegalStateException("a fact field cannot hold a fact");
            };
            fields.add(name + ": " + value);
        }
        return fields.toString();
    }

    /** A text field's value: what the analysis took it to equal, where it asked, else a value of its own. */
    private static String text(String type, String field, SymbolicFacts facts, Model model) {
        for (SymbolicFacts.TextEquality equality : facts.textEqualities(type + "." + field)) {
            if (model.eval(equality.holds(), true).isTrue()) {
                Value.Text other = equality.other();
                if (other.literal() != null) {
                    return "\"" + other.literal() + "\"";
                }
                int dot = other.what().indexOf('.');
                return text(other.what().substring(0, dot), other.what().substring(dot + 1), facts);
            }
        }
        return text(type, field, facts);
    }

    private static String text(String type, String field, SymbolicFacts facts) {
        Class<?> javaType = componentType(type, field);
        if (javaType == Instant.class) {
            return "\"" + TIME + "\"";
        }
        return switch (field) {
            case "accountId" -> ACCOUNT;
            case "symbol" -> SYMBOL;
            case "proposalId", "intentId" -> PROPOSAL;
            case "venue" -> "binance-us";
            case "cluster" -> "majors";
            case "origin", "reason", "evidence", "changedBy", "engagedBy" -> "\"invariant counterexample\"";
            default -> field.toLowerCase(java.util.Locale.ROOT) + "-1";
        };
    }

    private static Class<?> componentType(String type, String field) {
        for (var component : SymbolicFacts.TYPES.get(type).getRecordComponents()) {
            if (component.getName().equals(field)) {
                return component.getType();
            }
        }
        return String.class;
    }

    static BigDecimal number(Expr<?> value) {
        if (value instanceof RatNum rational) {
            return new BigDecimal(rational.getBigIntNumerator())
                    .divide(new BigDecimal(rational.getBigIntDenominator()), MathContext.DECIMAL64);
        }
        if (value instanceof IntNum whole) {
            return new BigDecimal(whole.getBigInteger());
        }
        if (value instanceof AlgebraicNum algebraic) {
            return new BigDecimal(algebraic.toDecimal(10).replace("?", ""));
        }
        throw new IllegalStateException("Z3 gave " + value + " where a number was expected");
    }
}
