package dev.arbiter.scenarios.spec;

/** A scenario file that cannot be run, naming the field, the value found and what is accepted. */
public final class InvalidScenarioException extends RuntimeException {

    private final String field;

    public InvalidScenarioException(String field, Object value, String accepted) {
        super(field + ": " + value + " is not accepted; expected " + accepted);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
