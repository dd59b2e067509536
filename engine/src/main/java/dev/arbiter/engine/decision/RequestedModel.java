package dev.arbiter.engine.decision;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.mlbridge.predict.ModelId;

/**
 * A registered model the engine runs on one instrument's bars, predicting at the last bar: what the model lifecycle
 * made active for the symbol and purpose ({@link ModelChoice} is what the client asks for). Several models of one
 * symbol and purpose form an ensemble: the primaries are combined by their weights, and a fallback acts when every
 * primary is unhealthy.
 *
 * @param symbol  an instrument of the request with bars in its {@code marketData}
 * @param model   the registered model's name ({@link ModelId#NAME_FORMAT})
 * @param version the registered version ({@link ModelId#VERSION_FORMAT})
 * @param purpose what the model is for ({@value ModelChoice#DEFAULT_PURPOSE} unless given)
 * @param role    primary (alone, or a member of an ensemble) or fallback
 * @param weight  its weight in an ensemble: its validation score, the out-of-sample AUC above 0.5 (1 unless given)
 */
public record RequestedModel(String symbol, String model, String version, String purpose, Role role, double weight) {

    /** What a model does in its slot. */
    public enum Role { PRIMARY, FALLBACK }

    public RequestedModel {
        identifier("RequestedModel", "symbol", symbol);
        ModelId.requireName("model", model);
        ModelId.requireVersion("version", version);
        purpose = purpose == null ? ModelChoice.DEFAULT_PURPOSE : ModelChoice.requirePurpose("purpose", purpose);
        role = role == null ? Role.PRIMARY : role;
        if (weight == 0) { // left out: a model alone needs no weight
            weight = 1;
        }
        if (!(weight > 0) || !Double.isFinite(weight)) {
            throw new InvalidRequestException("weight", String.valueOf(weight), "a positive finite weight");
        }
    }

    /** A model to run alone, primary for the default purpose. */
    public RequestedModel(String symbol, String model, String version) {
        this(symbol, model, version, null, null, 1);
    }

    /** The name of the prediction an ensemble of a purpose's primaries makes: {@code ensemble-direction}. */
    public static String ensembleOf(String purpose) {
        return "ensemble-" + purpose;
    }

    public ModelId id() {
        return new ModelId(model, version);
    }
}
