package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import java.time.Instant;

/** A market-data anomaly detected for an instrument, with the evidence behind it. */
public record Anomaly(String symbol, AnomalyKind kind, Instant time, String evidence) {

    public Anomaly {
        identifier("Anomaly", "symbol", symbol);
        present("Anomaly", "kind", kind);
        present("Anomaly", "time", time);
        text("Anomaly", "evidence", evidence);
    }
}
