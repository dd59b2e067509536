package dev.arbiter.scenarios.data;

/** A scenario's market-data file is not there (e.g. the shared data set is not on this machine). */
public final class MissingMarketDataException extends RuntimeException {

    public MissingMarketDataException(String message) {
        super(message);
    }
}
