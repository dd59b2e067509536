package dev.arbiter.engine.json;

import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.state.AccountState;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * How Arbiter reads and writes JSON: unknown fields are errors (a misspelt field must not be silently
 * ignored in a risk request), numbers keep their exact decimal value, times are ISO-8601 UTC and
 * durations ISO-8601 ({@code PT5M}). A {@code Prediction}'s {@code expectedReturn} is optional and then 0
 * ({@link PredictionJson}). An account state leaves out its margin modes while it has none ({@link AccountStateJson}).
 */
public final class ArbiterJson {

    private static final JsonMapper MAPPER = configure(JsonMapper.builder()).build();
    private static final JsonMapper INPUT = MAPPER.rebuild().addModule(StrictScalars.forInput()).build();

    private ArbiterJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }

    /** The mapper for what clients send: as {@link #mapper()}, and amounts refused outside what an amount can be. */
    public static JsonMapper input() {
        return INPUT;
    }

    /** Applies Arbiter's settings to a builder (the service applies them to Spring's mapper too). */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .addMixIn(Prediction.class, PredictionJson.Mixin.class)
                .addMixIn(AccountState.class, AccountStateJson.class)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // no coercion between JSON types: text is not a number, a number is not text, an enum or a time
                .addModule(StrictScalars.everywhere())
                // properties read and written through generated lambdas: reflection's method handles cost a check
                // about a tenth of its request-thread time in the service (every check's trace is written as JSON)
                .addModule(new BlackbirdModule())
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfigDefaults(c -> c.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    }
}
