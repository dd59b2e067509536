package dev.arbiter.kb;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.Limit;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Parameter;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.VenueExposure;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.Rejection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every record a rule can match or conclude, by its simple name ({@code Exposure}, {@code Rejection}):
 * the one list that rule tests, traces and their JSON use to name a fact's type and read it back.
 */
public final class FactTypes {

    /** The facts rules match, in package {@code fact}. */
    public static final Map<String, Class<? extends Record>> FACTS = byName(Stream.of(Account.class, Anomaly.class,
            Bar.class, ClusterExposure.class, EnsembleSpread.class, Exposure.class, FeedStatus.class, IndicatorValue.class, Instrument.class, KillSwitch.class,
            Limit.class, LossHistory.class, Margin.class, MarkPrice.class, ModelHealth.class, OpenOrder.class, OrderActivity.class,
            OrderIntent.class, Parameter.class, Portfolio.class, Position.class, Prediction.class, Proposal.class,
            ProtectiveStop.class, ReconciliationBreak.class, Regime.class, Restriction.class, TradingControl.class,
            VenueExposure.class));

    /** The outcomes rules conclude with, in package {@code outcome}. */
    public static final Map<String, Class<? extends Record>> OUTCOMES = byName(Stream.of(Rejection.class, Cap.class,
            Flag.class, Halt.class, ReduceOnly.class));

    private static final Map<String, Class<? extends Record>> ALL = all();

    private FactTypes() {
    }

    /** The fact or outcome type of that simple name, e.g. {@code Exposure}. */
    public static Optional<Class<? extends Record>> byName(String simpleName) {
        return Optional.ofNullable(ALL.get(simpleName));
    }

    /** Whether {@code type} is one of the facts or outcomes. */
    public static boolean isKnown(Class<?> type) {
        return ALL.get(type.getSimpleName()) == type;
    }

    @SafeVarargs
    private static Map<String, Class<? extends Record>> byName(Stream<Class<? extends Record>>... types) {
        Map<String, Class<? extends Record>> byName = new LinkedHashMap<>();
        Stream.of(types).flatMap(s -> s).forEach(type -> {
            if (byName.put(type.getSimpleName(), type) != null) {
                throw new IllegalStateException("two fact types are named " + type.getSimpleName());
            }
        });
        return Collections.unmodifiableMap(byName);
    }

    private static Map<String, Class<? extends Record>> all() {
        return byName(FACTS.values().stream(), OUTCOMES.values().stream());
    }
}
