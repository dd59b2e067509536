package dev.arbiter.mlbridge.model;

/**
 * What a decision did with a model's prediction: acted on it (it became the fact the rules see), kept it as a member
 * of an ensemble whose combined prediction acted, or set it aside (its model was unhealthy and a declared fallback
 * acted instead).
 *
 * @param kind how the prediction was used
 * @param note in words, with the numbers: the ensemble's weights and spread, or why the prediction was set aside
 */
public record ModelUse(Kind kind, String note) {

    /** How a prediction was used. */
    public enum Kind { ACTED, MEMBER, SET_ASIDE }

    public static ModelUse acted(String note) {
        return new ModelUse(Kind.ACTED, note);
    }

    public static ModelUse member(String note) {
        return new ModelUse(Kind.MEMBER, note);
    }

    public static ModelUse setAside(String note) {
        return new ModelUse(Kind.SET_ASIDE, note);
    }
}
