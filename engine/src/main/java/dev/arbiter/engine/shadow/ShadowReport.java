package dev.arbiter.engine.shadow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * How a challenger compared with the champion over a period ({@link ShadowReports#of}).
 *
 * @param compared       decisions the challenger decided in shadow in the period
 * @param changed        of those, how many it would have decided differently
 * @param statusChanges  how many decisions' status each change of status concerned, e.g. APPROVED to REJECTED
 * @param changedDecisions each decision that would have changed, with its differences and the rules responsible
 * @param models         per side and model version seen in the traces: predictions, outcomes, scores, and the P&L of
 *                       the orders that acted on the model; empty when no model ran
 */
public record ShadowReport(String challengerId, String kind, String description, Instant from, Instant to,
                           int compared, int changed, List<StatusChange> statusChanges,
                           List<ChangedDecision> changedDecisions, List<ModelScore> models) {

    public ShadowReport {
        statusChanges = List.copyOf(statusChanges);
        changedDecisions = List.copyOf(changedDecisions);
        models = List.copyOf(models);
    }

    /** One decision the challenger would have decided differently. */
    public record ChangedDecision(String decisionId, Instant decidedAt, String statusBefore, String statusAfter,
                                  List<String> differences, List<String> rulesResponsible) {

        public ChangedDecision {
            differences = List.copyOf(differences);
            rulesResponsible = List.copyOf(rulesResponsible);
        }
    }

    /** Decisions whose status went from {@code before} (the champion's) to {@code after} (the challenger's). */
    public record StatusChange(String before, String after, int decisions) {
    }

    /**
     * One model version as one side (the champion's traces or the challenger's) ran it.
     *
     * @param side             {@code champion} or {@code challenger}
     * @param predictions      distinct predictions (symbol and time) the traces hold
     * @param resolved         of those, how many the later bars resolved ({@code horizon} closes after)
     * @param unresolved       those whose later close has not been seen (yet)
     * @param accuracy         share of resolved predictions on the right side of 0.5; null with none resolved
     * @param brierScore       mean squared distance of the probability from the outcome (0 best, 1 worst); null with
     *                         none resolved
     * @param calibration      five bins of the predicted probability, each with the share that went up
     * @param ordersMarked     orders this side approved on proposals that acted on the model, marked at the later close
     * @param ordersUnresolved such orders whose later close has not been seen
     * @param pnl              Σ side × quantity × (later close − order price) over the marked orders
     */
    public record ModelScore(String side, String model, String modelVersion, int predictions, int resolved,
                             int unresolved, Double accuracy, Double brierScore, List<CalibrationBin> calibration,
                             int ordersMarked, int ordersUnresolved, BigDecimal pnl) {

        public ModelScore {
            calibration = List.copyOf(calibration);
        }
    }

    /**
     * Resolved predictions whose probability of up lies in [{@code from}, {@code to}) (the last bin includes 1).
     *
     * @param meanProbabilityUp the bin's mean predicted probability (only bins holding predictions are listed)
     * @param observedUpShare   the share that went up; null when empty
     */
    public record CalibrationBin(double from, double to, int predictions, Double meanProbabilityUp,
                                 Double observedUpShare) {
    }
}
