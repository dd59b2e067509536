package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.Expr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.RealExpr;
import com.microsoft.z3.RealSort;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.VenueExposure;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The symbolic world the analysis reasons about: <em>one</em> order (a {@code Proposal}) for one
 * account in one instrument, with one fact of every other type, each of which may or may not be there.
 * Every numeric field of every fact is a Z3 real, every enum field an index into its constants, every
 * boolean field a Z3 boolean; text and times are not modelled. Because there is one fact of each type,
 * joins on identifiers ({@code accountId}, {@code symbol}, {@code proposalId}, {@code intentId}) always
 * match. Limits and parameters are named constants held to the values of the limit and parameter sets.
 *
 * <p>The ranges of {@link FieldRanges}, whole-number fields, and the limit and parameter values are
 * named assumptions, so that an unsat core can say which of them make a rule dead or an order
 * impossible.
 */
final class SymbolicFacts {

    /**
     * The facts every decision has: the order, its account, its instrument, the account's exposure in it and the
     * account's sums (portfolio, the instrument's cluster, the instrument's venue).
     */
    static final Set<String> ALWAYS_PRESENT = Set.of("Proposal", "Account", "Instrument", "Exposure", "Portfolio",
            "ClusterExposure", "VenueExposure");
    /**
     * Fields that join facts; {@code cluster} and {@code venue} join the instrument to its cluster's and its venue's
     * exposure.
     */
    static final Set<String> IDENTIFIERS = Set.of("accountId", "symbol", "proposalId", "intentId", "cluster", "venue");
    /** Fields a fact may leave null, with the flag saying whether they are given: a spot position has no liquidation. */
    static final Map<String, String> NULLABLE = Map.of(
            "Exposure.liquidationPrice", "Exposure is liquidatable",
            "Exposure.liquidationDistance", "Exposure is liquidatable");

    static final Map<String, Class<?>> TYPES = Stream.of(Proposal.class, Account.class, Instrument.class,
                    Exposure.class, OrderIntent.class, ProtectiveStop.class, Anomaly.class, Bar.class, FeedStatus.class,
                    IndicatorValue.class, KillSwitch.class, LossHistory.class, Margin.class, ModelHealth.class,
                    OpenOrder.class, OrderActivity.class, Position.class, Prediction.class, Regime.class,
                    Restriction.class, TradingControl.class, Portfolio.class, ClusterExposure.class, VenueExposure.class,
                    ReconciliationBreak.class, MarkPrice.class, EnsembleSpread.class)
            .collect(Collectors.toMap(Class::getSimpleName, c -> c, (a, b) -> a, LinkedHashMap::new));

    private final Context z3;
    private final Map<String, Value> fields = new LinkedHashMap<>();
    private final Map<String, BoolExpr> presence = new LinkedHashMap<>();
    private final Map<String, BoolExpr> assumptions = new LinkedHashMap<>();
    private final Map<String, RealExpr> limits = new LinkedHashMap<>();
    private final Map<String, RealExpr> parameters = new LinkedHashMap<>();
    /** Text field &rarr; the equalities with other text the rules asked about, each a free boolean. */
    private final Map<String, List<TextEquality>> textEqualities = new LinkedHashMap<>();

    /** {@code field} (e.g. {@code Restriction.value}) equals {@code other} (a field or a literal) when {@code holds}. */
    record TextEquality(BoolExpr holds, Value.Text other) {
    }

    SymbolicFacts(Context z3, Map<String, BigDecimal> limitValues, Map<String, BigDecimal> parameterValues) {
        this.z3 = z3;
        TYPES.forEach(this::declare);
        for (FieldRanges.Range range : FieldRanges.RANGES) {
            ArithExpr<RealSort> x = number(range.type(), range.field());
            BoolExpr bounded = switch (range.bound()) {
                case POSITIVE -> z3.mkGt(x, real(BigDecimal.ZERO));
                case NON_NEGATIVE -> z3.mkGe(x, real(BigDecimal.ZERO));
                case UNIT_INTERVAL -> z3.mkAnd(z3.mkGe(x, real(BigDecimal.ZERO)), z3.mkLe(x, real(BigDecimal.ONE)));
            };
            BoolExpr given = ((Value.Num) field(range.type(), range.field())).given();
            assumptions.put(range.name(), given == null ? bounded : z3.mkImplies(given, bounded));
        }
        ConsistentBook.assume(this, z3, assumptions);
        for (FieldRanges.AtLeast ordering : FieldRanges.ORDERINGS) {
            assumptions.put(ordering.name(), z3.mkGe(number(ordering.type(), ordering.field()),
                    number(ordering.type(), ordering.other())));
        }
        limitValues.forEach((name, value) -> limits.put(name, named("limit " + name, value)));
        parameterValues.forEach((name, value) -> parameters.put(name, named("parameter " + name, value)));
    }

    private RealExpr named(String name, BigDecimal value) {
        RealExpr constant = z3.mkRealConst(name);
        assumptions.put(name + " = " + value.toPlainString(), z3.mkEq(constant, real(value)));
        return constant;
    }

    @SuppressWarnings("unchecked")
    private void declare(String type, Class<?> record) {
        presence.put(type, ALWAYS_PRESENT.contains(type) ? z3.mkTrue() : z3.mkBoolConst(type + " present"));
        for (RecordComponent component : record.getRecordComponents()) {
            String key = type + "." + component.getName();
            Class<?> javaType = component.getType();
            if (java.util.Collection.class.isAssignableFrom(javaType)) {
                continue; // lists (the models a proposal used) are not modelled; a rule reading one is outside the subset
            }
            Value value;
            if (javaType == BigDecimal.class || javaType == double.class) {
                String flag = NULLABLE.get(key);
                value = new Value.Num(z3.mkRealConst(key), flag == null ? null : z3.mkBoolConst(flag));
            } else if (javaType == int.class || javaType == long.class) {
                RealExpr x = z3.mkRealConst(key);
                assumptions.put(key + " is a whole number", z3.mkIsInteger(x));
                value = new Value.Num(x);
            } else if (javaType == boolean.class) {
                value = new Value.Truth(z3.mkBoolConst(key));
            } else if (javaType.isEnum()) {
                IntExpr x = z3.mkIntConst(key);
                int count = javaType.getEnumConstants().length;
                assumptions.put(key + " is a " + javaType.getSimpleName(),
                        z3.mkAnd(z3.mkGe(x, z3.mkInt(0)), z3.mkLt(x, z3.mkInt(count))));
                value = new Value.EnumValue((Class<? extends Enum<?>>) javaType, x);
            } else {
                value = new Value.Text(key, IDENTIFIERS.contains(component.getName()), null);
            }
            fields.put(key, value);
        }
        if (type.equals("Proposal") || type.equals("OpenOrder")) {
            fields.put(type + ".notional", new Value.Num(z3.mkMul(number(type, "quantity"), number(type, "price"))));
        }
        if (type.equals("Exposure")) {
            fields.put(type + ".grossExposure", new Value.Num(z3.mkAdd(number(type, "positionNotional"),
                    number(type, "openOrderNotional"))));
            ArithExpr<RealSort> held = number(type, "positionNotional");
            fields.put(type + ".netNotional", new Value.Num((ArithExpr<RealSort>) z3.mkITE(
                    z3.mkLt(number(type, "positionQuantity"), real(BigDecimal.ZERO)), z3.mkUnaryMinus(held), held)));
        }
    }

    /** Whether two texts are equal, as a free boolean: the same one for the same pair, whichever side it is on. */
    BoolExpr textEquals(Value.Text a, Value.Text b) {
        Value.Text field = a.literal() == null ? a : b;
        Value.Text other = field == a ? b : a;
        String name = a.what().compareTo(b.what()) < 0 ? a.what() + " = " + b.what() : b.what() + " = " + a.what();
        BoolExpr holds = z3.mkBoolConst(name);
        List<TextEquality> known = textEqualities.computeIfAbsent(field.what(), unused -> new java.util.ArrayList<>());
        if (known.stream().noneMatch(e -> e.holds().equals(holds))) {
            known.add(new TextEquality(holds, other));
        }
        if (other.literal() == null) {
            List<TextEquality> back = textEqualities.computeIfAbsent(other.what(), unused -> new java.util.ArrayList<>());
            if (back.stream().noneMatch(e -> e.holds().equals(holds))) {
                back.add(new TextEquality(holds, field));
            }
        }
        return holds;
    }

    /** The equalities asked about a text field ({@code Type.field}). */
    List<TextEquality> textEqualities(String key) {
        return textEqualities.getOrDefault(key, List.of());
    }

    boolean isFactType(String type) {
        return TYPES.containsKey(type);
    }

    /** A field of a fact, {@code notional} included for orders. */
    Value field(String type, String field) {
        Value value = fields.get(type + "." + field);
        if (value == null) {
            throw new NotInSubset(type + " has no field '" + field + "' the analysis knows");
        }
        return value;
    }

    Optional<Value> fieldIfAny(String type, String field) {
        return Optional.ofNullable(fields.get(type + "." + field));
    }

    ArithExpr<RealSort> number(String type, String field) {
        if (field(type, field) instanceof Value.Num num) {
            return num.expr();
        }
        throw new IllegalStateException(type + "." + field + " is not numeric");
    }

    BoolExpr present(String type) {
        BoolExpr present = presence.get(type);
        if (present == null) {
            throw new NotInSubset("the fact type " + type + " is not part of the analysed fact model");
        }
        return present;
    }

    Optional<RealExpr> limit(String name) {
        return Optional.ofNullable(limits.get(name));
    }

    Optional<RealExpr> parameter(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** Named constraints every check starts from: field ranges, whole numbers, enum ranges, limit and parameter values. */
    Map<String, BoolExpr> assumptions() {
        return assumptions;
    }

    /** Every variable of a type (for counterexamples), by field name. */
    Map<String, Value> fieldsOf(String type) {
        Map<String, Value> of = new LinkedHashMap<>();
        for (RecordComponent component : TYPES.get(type).getRecordComponents()) {
            Value field = fields.get(type + "." + component.getName());
            if (field != null) {
                of.put(component.getName(), field);
            }
        }
        return of;
    }

    List<String> optionalTypes() {
        return TYPES.keySet().stream().filter(t -> !ALWAYS_PRESENT.contains(t)).toList();
    }

    Expr<?> presenceVariable(String type) {
        return presence.get(type);
    }

    ArithExpr<RealSort> real(BigDecimal value) {
        return z3.mkReal(value.toPlainString());
    }

    Context z3() {
        return z3;
    }
}
