package dev.arbiter.engine.decision;

/**
 * A decision request the engine will not decide on. Names the field by its path in the request
 * (e.g. {@code intents[1].symbol}), the value, and what would be accepted. No order results.
 */
public final class InvalidRequestException extends IllegalArgumentException {

    private final String field;
    private final String value;
    private final String accepted;

    public InvalidRequestException(String field, String value, String accepted) {
        super(field + ": " + value + " is not accepted; expected " + accepted);
        this.field = field;
        this.value = value;
        this.accepted = accepted;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String accepted() {
        return accepted;
    }
}
