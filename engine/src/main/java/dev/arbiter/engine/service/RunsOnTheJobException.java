package dev.arbiter.engine.service;

/**
 * Gateway mode: the endpoint reads or changes engine state that the decision job keeps, not this service, and no
 * stream input carries it yet (409).
 */
final class RunsOnTheJobException extends RuntimeException {

    private final String endpoint;

    /**
     * @param endpoint the method and path asked for, e.g. {@code GET /v1/risk}
     * @param what     what it reads or changes, e.g. "the account's state"
     */
    RunsOnTheJobException(String endpoint, String what) {
        super(endpoint + " works on " + what + ", which in cluster mode the decision job keeps, not this service:"
                + " it is not available through the gateway (see docs/deployment.md, gateway mode)");
        this.endpoint = endpoint;
    }

    String endpoint() {
        return endpoint;
    }
}
