package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

/** An entry of a restricted list: an instrument or a venue no order may go to, and why. */
public record Restriction(RestrictionKind kind, String value, String reason) {

    public Restriction {
        present("Restriction", "kind", kind);
        identifier("Restriction", "value", value);
        text("Restriction", "reason", reason);
    }
}
