package dev.arbiter.engine.state;

/** An event the engine refuses, naming the field, the value and what would be accepted. Nothing is journaled. */
public final class InvalidEventException extends RuntimeException {

    private final String field;
    private final String value;
    private final String accepted;

    public InvalidEventException(String field, String value, String accepted) {
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
