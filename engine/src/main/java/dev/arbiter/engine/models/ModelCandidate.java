package dev.arbiter.engine.models;

import dev.arbiter.engine.decision.RequestedModel;
import dev.arbiter.mlbridge.model.ValidationReport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A registered model proposed for a symbol and a purpose, as stored: which artifact (name, version and hashes), the
 * validation report it was registered with and what the quality bar found in it, its weight in an ensemble, and who
 * moved it through the lifecycle and when.
 *
 * @param role        primary (alone or in an ensemble) or fallback
 * @param weight      its validation score, the out-of-sample AUC above 0.5: its weight in an ensemble
 * @param qualityBar  the bar it was held to when proposed
 * @param shortfalls  where it fell short of the bar, each with the numbers; empty when it cleared it
 * @param inShadow    whether it runs beside the active models in shadow, its outcomes stored, never acted on
 */
public record ModelCandidate(String id, String model, String version, String symbol, String purpose,
                             RequestedModel.Role role, String author, String note, Instant proposedAt, String algorithm,
                             Duration period, int horizon, Instant trainedFrom, Instant trainedTo, String modelSha256,
                             String dataSha256, ValidationReport validation, QualityBar qualityBar,
                             List<String> shortfalls, double weight, ModelCandidateStatus status, String approvedBy,
                             Instant approvedAt, String activatedBy, Instant activatedAt, boolean inShadow) {

    public ModelCandidate {
        shortfalls = List.copyOf(shortfalls);
    }

    ModelCandidate withStatus(ModelCandidateStatus next) {
        return new ModelCandidate(id, model, version, symbol, purpose, role, author, note, proposedAt, algorithm, period,
                horizon, trainedFrom, trainedTo, modelSha256, dataSha256, validation, qualityBar, shortfalls, weight,
                next, approvedBy, approvedAt, activatedBy, activatedAt, inShadow && next != ModelCandidateStatus.ACTIVE);
    }

    ModelCandidate approved(String officer, Instant at) {
        return new ModelCandidate(id, model, version, symbol, purpose, role, author, note, proposedAt, algorithm, period,
                horizon, trainedFrom, trainedTo, modelSha256, dataSha256, validation, qualityBar, shortfalls, weight,
                ModelCandidateStatus.APPROVED, officer, at, activatedBy, activatedAt, inShadow);
    }

    ModelCandidate activated(String officer, Instant at) {
        return new ModelCandidate(id, model, version, symbol, purpose, role, author, note, proposedAt, algorithm, period,
                horizon, trainedFrom, trainedTo, modelSha256, dataSha256, validation, qualityBar, shortfalls, weight,
                ModelCandidateStatus.ACTIVE, approvedBy, approvedAt, officer, at, false);
    }

    ModelCandidate shadowed(boolean on) {
        return new ModelCandidate(id, model, version, symbol, purpose, role, author, note, proposedAt, algorithm, period,
                horizon, trainedFrom, trainedTo, modelSha256, dataSha256, validation, qualityBar, shortfalls, weight,
                status, approvedBy, approvedAt, activatedBy, activatedAt, on);
    }

    /** The model as decisions run it. */
    public RequestedModel requested() {
        return new RequestedModel(symbol, model, version, purpose, role, weight);
    }

    /** Whether it runs in the same slot as {@code other}: the same symbol and purpose. */
    boolean sameSlot(ModelCandidate other) {
        return symbol.equals(other.symbol) && purpose.equals(other.purpose);
    }

    /** "gbm-direction 2026-05-16 for BTC-USDT direction" */
    String describe() {
        return model + " " + version + " for " + symbol + " " + purpose;
    }
}
