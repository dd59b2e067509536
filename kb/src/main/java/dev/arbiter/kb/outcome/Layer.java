package dev.arbiter.kb.outcome;

import dev.arbiter.kb.InvalidFactException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where a rule sits: the strategy layer proposes, the seven risk layers reject, cap, flag or halt.
 * ENGINE is not for rules: the engine uses it when a session fails and every proposal is rejected.
 */
public enum Layer {
    STRATEGY("S", "strategy"),
    L1("L1", "position"),
    L2("L2", "portfolio"),
    L3("L3", "account"),
    L4("L4", "systemic"),
    L5("L5", "model"),
    L6("L6", "operational"),
    L7("L7", "compliance"),
    /** The engine itself: a rule failed, looped or ran out of time, so the decision fails closed. */
    ENGINE("E", "engine");

    private final String code;
    private final String title;

    Layer(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** Reads a layer from a rule's {@code @layer} metadata: {@code L1}..{@code L7} or {@code STRATEGY}. */
    public static Layer fromCode(String value) {
        for (Layer layer : values()) {
            if (layer.name().equals(value) || layer.code.equals(value)) {
                return layer;
            }
        }
        throw new InvalidFactException("Reason", "layer", value, "one of "
                + Arrays.stream(values()).map(Layer::name).collect(Collectors.joining(", ")));
    }
}
