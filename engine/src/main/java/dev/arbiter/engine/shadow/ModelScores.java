package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
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
 * Brier score and calibration, and the P&L of the orders the side approved on proposals that acted on the model,
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
     * @param proposals   the trace that says which models each proposal acted on (the request's, the same for both)
     */
    record Made(Decision decision, List<ModelPrediction> predictions, DecisionTrace proposals) {
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
            if (made.proposals().proposals() != null) {
                made.proposals().proposals().forEach(p -> proposals.put(p.proposalId(), p));
            }
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

        ShadowReport.ModelScore score(String side, LaterCloses closes) {
            int resolved = 0;
            int right = 0;
            double brier = 0;
            int[] binCount = new int[BINS];
            double[] binProbability = new double[BINS];
            int[] binUp = new int[BINS];
            for (ModelPrediction p : seen.values()) {
                Optional<LaterCloses.Resolution> outcome = closes.after(p.symbol(), p.time(), p.horizon());
                if (outcome.isEmpty()) {
                    continue;
                }
                int up = outcome.get().up();
                resolved++;
                right += (p.probabilityUp() >= 0.5 ? 1 : 0) == up ? 1 : 0;
                brier += (p.probabilityUp() - up) * (p.probabilityUp() - up);
                int bin = Math.min(BINS - 1, (int) Math.floor(p.probabilityUp() * BINS));
                binCount[bin]++;
                binProbability[bin] += p.probabilityUp();
                binUp[bin] += up;
            }
            List<ShadowReport.CalibrationBin> calibration = new ArrayList<>();
            for (int b = 0; b < BINS; b++) {
                calibration.add(new ShadowReport.CalibrationBin((double) b / BINS, (double) (b + 1) / BINS, binCount[b],
                        binCount[b] == 0 ? null : binProbability[b] / binCount[b],
                        binCount[b] == 0 ? null : (double) binUp[b] / binCount[b]));
            }
            return new ShadowReport.ModelScore(side, model, version, seen.size(), resolved, seen.size() - resolved,
                    resolved == 0 ? null : (double) right / resolved, resolved == 0 ? null : brier / resolved,
                    calibration, ordersMarked, ordersUnresolved, pnl);
        }
    }
}
