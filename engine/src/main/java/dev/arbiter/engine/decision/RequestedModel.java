package dev.arbiter.engine.decision;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.mlbridge.predict.ModelId;

/**
 * A registered model the request asks the engine to run on one instrument's bars, predicting at the
 * last bar: {@code {"symbol": "ETH-USD", "model": "gbt-eth-5m", "version": "1"}}.
 *
 * @param symbol  an instrument of the request with bars in its {@code marketData}
 * @param model   the registered model's name ({@link ModelId#NAME_FORMAT})
 * @param version the registered version ({@link ModelId#VERSION_FORMAT})
 */
public record RequestedModel(String symbol, String model, String version) {

    public RequestedModel {
        identifier("RequestedModel", "symbol", symbol);
        ModelId.requireName("model", model);
        ModelId.requireVersion("version", version);
    }

    public ModelId id() {
        return new ModelId(model, version);
    }
}
