package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.mlbridge.model.ModelPrediction;
import java.math.BigDecimal;
import java.util.List;

/**
 * The facts a decision's rule session sees: the request's own facts plus what the engine derived
 * from it (indicator values, feed status, exposure, the registered models' predictions), and the two
 * account totals sizing and proof need.
 *
 * @param modelPredictions      what the registered models the request names predicted, with their provenance
 *
 * @param currentGrossExposure  Σ |position| × mark + Σ open-order value, before any new order
 * @param reservedByOpenOrders  value of working buy orders: balance they already hold
 */
public record AssembledFacts(List<Object> sessionFacts, List<IndicatorValue> indicators, List<FeedStatus> feeds,
                            List<Exposure> exposures, BigDecimal currentGrossExposure,
                            BigDecimal reservedByOpenOrders, List<ModelPrediction> modelPredictions) {

    public AssembledFacts {
        sessionFacts = List.copyOf(sessionFacts);
        indicators = List.copyOf(indicators);
        feeds = List.copyOf(feeds);
        exposures = List.copyOf(exposures);
        modelPredictions = List.copyOf(modelPredictions);
    }
}
