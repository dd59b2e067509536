package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.finite;
import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.unitInterval;

import java.time.Instant;

/**
 * A model's prediction for an instrument.
 *
 * @param model          registered model name
 * @param modelVersion   version of the model that made the prediction
 * @param probabilityUp  probability that the next return is positive, 0..1
 * @param expectedReturn the model's expected forward log return over its horizon, any finite number
 *                       (negative when it expects the price to fall; 0 when the client sent none)
 * @param confidence     the model's confidence in this prediction, 0..1
 */
public record Prediction(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                         double expectedReturn, double confidence) {

    public Prediction {
        identifier("Prediction", "symbol", symbol);
        identifier("Prediction", "model", model);
        identifier("Prediction", "modelVersion", modelVersion);
        present("Prediction", "time", time);
        unitInterval("Prediction", "probabilityUp", probabilityUp);
        finite("Prediction", "expectedReturn", expectedReturn);
        unitInterval("Prediction", "confidence", confidence);
    }
}
