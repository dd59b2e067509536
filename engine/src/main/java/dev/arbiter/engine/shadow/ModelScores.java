package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.mlbridge.model.Calibration;
import dev.arbiter.mlbridge.model.Metrics;
import dev.arbiter.mlbridge.model.ModelPrediction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How the models one side ran did, over whatever predictions its traces hold: each model version's predictions
 * resolved by the close {@code horizon} bars later (up when strictly above, as models are trained), its accuracy,
 * Brier score and calibration (as the validation report defines them), and the P&L of the orders the side approved on proposals that acted on the model,
 * marked at that later close. The same code scores the champion and any challenger, whatever it swapped.
 */
final class ModelScores {

    static final String CHAMPION = "champion";
    static final String CHALLENGER = "challenger";
    private static final int BINS = 5;

    /**
     * One decision as one side made it.
     *
     * @param decision    the side's decision (its orders)
     * @param predictions the side's model predictions for it
     * @param proposals   the side's proposals, each naming the models it acted on
     */
    record Made(Decision decision, List<ModelPrediction> predictions, List<Proposal> proposals) {
    }

    private ModelScores() {
    }

    static List<ShadowReport.ModelScore> of(String side, List<Made> decisions, LaterCloses closes) {
        Map<String, Tally> byModel = new TreeMap<>();
        for (Made made : decisions) {
            for (ModelPrediction p : made.predictions()) {
                byModel.computeIfAbsent(p.model() + "@" + p.modelVersion(), k -> new Tally(p.model(), p.modelVersion()))
                        .predicted(p);
            }
            Map<String, Proposal> proposals = new LinkedHashMap<>();
            made.proposals().forEach(p -> proposals.put(p.proposalId(), p));
            for (Order order : made.decision().orders()) {
                Proposal proposal = proposals.get(order.proposalId());
                if (proposal == null) {
                    continue;
                }
                for (String model : proposal.models()) {
                    predictionOf(made.predictions(), model, order.symbol()).ifPresent(p ->
                            byModel.computeIfAbsent(p.model() + "@" + p.modelVersion(),
                                    k -> new Tally(p.model(), p.modelVersion())).marked(order, p, closes));
                }
            }
        }
        return byModel.values().stream().map(t -> t.score(side, closes)).toList();
    }

    private static Optional<ModelPrediction> predictionOf(List<ModelPrediction> predictions, String model, String symbol) {
        return predictions.stream().filter(p -> p.model().equals(model) && p.symbol().equals(symbol)).findFirst();
    }

    /** One model version's running figures. */
    private static final class Tally {
        private final String model;
        private final String version;
        /** Distinct predictions by symbol and time: several decisions on the same bar hold the same prediction. */
        private final Map<String, ModelPrediction> seen = new LinkedHashMap<>();
        private int ordersMarked;
        private int ordersUnresolved;
        private BigDecimal pnl = BigDecimal.ZERO;

        Tally(String model, String version) {
            this.model = model;
            this.version = version;
        }

        void predicted(ModelPrediction p) {
            seen.putIfAbsent(p.symbol() + "|" + p.time(), p);
        }

        void marked(Order order, ModelPrediction p, LaterCloses closes) {
            Optional<LaterCloses.Resolution> later = closes.after(order.symbol(), p.time(), p.horizon());
            if (later.isEmpty()) {
                ordersUnresolved++;
                return;
            }
            BigDecimal move = later.get().later().subtract(order.price());
            BigDecimal signed = order.side() == Side.BUY ? move : move.negate();
            pnl = pnl.add(signed.multiply(order.quantity()));
            ordersMarked++;
        }

        /** Accuracy and calibration as the validation report defines them ({@link Metrics}, {@link Calibration}). */
        ShadowReport.ModelScore score(String side, LaterCloses closes) {
            List<Integer> outcomes = new ArrayList<>();
            List<Double> probabilities = new ArrayList<>();
            for (ModelPrediction p : seen.values()) {
                closes.after(p.symbol(), p.time(), p.horizon()).ifPresent(outcome -> {
                    outcomes.add(outcome.up());
                    probabilities.add(p.probabilityUp());
                });
            }
            int resolved = outcomes.size();
            Double accuracy = null;
            Double brier = null;
            List<ShadowReport.CalibrationBin> bins = new ArrayList<>();
            if (resolved > 0) {
                int[] truth = outcomes.stream().mapToInt(Integer::intValue).toArray();
                double[] p = probabilities.stream().mapToDouble(Double::doubleValue).toArray();
                accuracy = Metrics.of(truth, p).accuracy();
                Calibration calibration = Calibration.of(truth, p, BINS);
                brier = calibration.brier();
                calibration.bins().forEach(b -> bins.add(new ShadowReport.CalibrationBin(b.lower(), b.upper(), b.count(),
                        b.meanPredicted(), b.observedUpShare())));
            }
            return new ShadowReport.ModelScore(side, model, version, seen.size(), resolved, seen.size() - resolved,
                    accuracy, brier, bins, ordersMarked, ordersUnresolved, pnl);
        }
    }
}
