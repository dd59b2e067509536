package dev.arbiter.engine.json;

import dev.arbiter.kb.fact.Prediction;
import java.time.Instant;
import tools.jackson.databind.annotation.JsonDeserialize;
import tools.jackson.databind.util.StdConverter;

/**
 * A {@link Prediction} as requests (and traces stored before it existed) write it: {@code expectedReturn}
 * may be left out and then is 0, "no expected return given". Every other field is required as the fact
 * requires it; the fact is built (and so checked) while the JSON is read, so a refusal names the field's path.
 */
record PredictionJson(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                      Double expectedReturn, double confidence) {

    PredictionJson {
        toFact(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence);
    }

    Prediction toFact() {
        return toFact(symbol, model, modelVersion, time, probabilityUp, expectedReturn, confidence);
    }

    private static Prediction toFact(String symbol, String model, String modelVersion, Instant time, double probabilityUp,
                                     Double expectedReturn, double confidence) {
        return new Prediction(symbol, model, modelVersion, time, probabilityUp, expectedReturn == null ? 0.0 : expectedReturn,
                confidence);
    }

    /** Mixed into {@link Prediction}: it is read as a {@link PredictionJson}, then becomes the fact. */
    @JsonDeserialize(converter = ToFact.class)
    abstract static class Mixin {
    }

    static final class ToFact extends StdConverter<PredictionJson, Prediction> {
        @Override
        public Prediction convert(PredictionJson json) {
            return json.toFact();
        }
    }
}
