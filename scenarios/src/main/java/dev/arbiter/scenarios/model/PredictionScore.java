package dev.arbiter.scenarios.model;

import dev.arbiter.engine.decision.DecisionRequest;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelPrediction;
import dev.arbiter.scenarios.run.StepListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the model predictions that entered a run's decisions ({@code trace.modelPredictions}) and scores
 * them against what happened: the sign of the close {@code horizon} bars after the bar each prediction was
 * made at (a prediction is made at a bar's close time).
 */
public final class PredictionScore implements StepListener {

    private final StepListener next;
    private final List<ModelPrediction> predictions = new ArrayList<>();

    /** @param next a listener that sees every decision as well */
    public PredictionScore(StepListener next) {
        this.next = next;
    }

    @Override
    public void decided(int step, DecisionRequest request, DecisionResult result) {
        predictions.addAll(result.trace().modelPredictions());
        next.decided(step, request, result);
    }

    public List<ModelPrediction> predictions() {
        return List.copyOf(predictions);
    }

    /** Each model's out-of-sample outcome over the predictions collected. */
    public List<ModelOutcome> outcomes(List<TrainedModel> models, Map<String, List<Bar>> barsBySymbol) {
        List<ModelOutcome> outcomes = new ArrayList<>();
        for (TrainedModel model : models) {
            outcomes.add(new ModelOutcome(model, score(model, barsBySymbol.get(model.symbol()))));
        }
        return outcomes;
    }

    private Metrics score(TrainedModel model, List<Bar> bars) {
        Map<Instant, Integer> indexByClose = new HashMap<>();
        for (int i = 0; i < bars.size(); i++) {
            indexByClose.put(bars.get(i).endTime(), i);
        }
        int horizon = model.metadata().horizon();
        Map<Instant, Double> probabilityByTime = new LinkedHashMap<>();
        for (ModelPrediction p : predictions) {
            if (p.symbol().equals(model.symbol()) && p.model().equals(model.request().model())
                    && p.modelVersion().equals(model.request().version())) {
                probabilityByTime.putIfAbsent(p.time(), p.probabilityUp());
            }
        }
        List<Integer> truth = new ArrayList<>();
        List<Double> probability = new ArrayList<>();
        for (Map.Entry<Instant, Double> e : probabilityByTime.entrySet()) {
            Integer i = indexByClose.get(e.getKey());
            if (i == null || i + horizon >= bars.size()) {
                continue;
            }
            truth.add(bars.get(i + horizon).close().compareTo(bars.get(i).close()) > 0 ? 1 : 0);
            probability.add(e.getValue());
        }
        return Metrics.of(truth.stream().mapToInt(Integer::intValue).toArray(),
                probability.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
