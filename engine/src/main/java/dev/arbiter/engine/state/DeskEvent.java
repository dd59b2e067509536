package dev.arbiter.engine.state;

import dev.arbiter.kb.outcome.HaltScope;
import java.time.Instant;

/**
 * An officer's action beyond one account: on an instrument (halt, reduce-only, resume) or on everything (the same,
 * and the desk's kill switch). Kept in the desk's own journal.
 *
 * @param target the symbol, or {@code *} for GLOBAL
 */
public record DeskEvent(Instant at, HaltScope scope, String target, OfficerAction action, String by, String reason) {
}
