package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import java.time.Instant;

/** The regime an instrument is in at {@code time}, with the evidence that put it there. */
public record Regime(String symbol, RegimeKind kind, Instant time, String evidence) {

    public Regime {
        identifier("Regime", "symbol", symbol);
        present("Regime", "kind", kind);
        present("Regime", "time", time);
        text("Regime", "evidence", evidence);
    }
}
