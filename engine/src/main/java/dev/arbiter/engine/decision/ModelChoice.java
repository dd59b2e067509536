package dev.arbiter.engine.decision;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.mlbridge.predict.ModelId;
import java.util.regex.Pattern;

/**
 * The model a client asks a decision to run on a symbol's bars: the models active for a purpose
 * ({@code {"symbol": "BTC-USDT", "purpose": "direction"}}), or one active model by name, optionally with the version
 * it expects ({@code {"symbol": "BTC-USDT", "model": "gbm-direction", "version": "2026-05-16"}}). The engine resolves
 * it to what the model lifecycle activated ({@link ActiveModels}); a client cannot pick an arbitrary registered version.
 *
 * @param symbol  an instrument of the request with bars in its {@code marketData}
 * @param purpose the slot's purpose; {@value #DEFAULT_PURPOSE} when neither it nor a model is given
 * @param model   an active model's name, or null for whatever the purpose's slot holds
 * @param version the version the client expects of {@code model}, or null for the active one
 */
public record ModelChoice(String symbol, String purpose, String model, String version) {

    public static final String DEFAULT_PURPOSE = "direction";
    public static final String PURPOSE_FORMAT = "1-32 lower-case letters, digits and dashes, starting with a letter (e.g. direction)";
    private static final Pattern PURPOSE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    public ModelChoice {
        identifier("ModelChoice", "symbol", symbol);
        if (purpose != null) {
            requirePurpose("purpose", purpose);
        }
        if (model != null) {
            ModelId.requireName("model", model);
        }
        if (version != null) {
            if (model == null) {
                throw new InvalidRequestException("version", "'" + version + "'",
                        "a version only beside the model it belongs to (\"model\": name)");
            }
            ModelId.requireVersion("version", version);
        }
    }

    /** The purpose asked for, or the default one. */
    public String purposeOrDefault() {
        return purpose == null ? DEFAULT_PURPOSE : purpose;
    }

    public static String requirePurpose(String field, String purpose) {
        if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
            throw new InvalidRequestException(field, purpose == null ? "null" : "'" + purpose + "'", PURPOSE_FORMAT);
        }
        return purpose;
    }
}
