package dev.arbiter.engine.report;

import java.time.Instant;

/**
 * A change an auditor must see in a period: a step of the rule-set or model lifecycle, or a trading-state change
 * (halt, reduce-only, resume), with who made it and why.
 *
 * @param kind   what changed, e.g. {@code RULE_SET_ACTIVATED}, {@code MODEL_APPROVED} or {@code TRADING_STATE}
 * @param target what it applies to: a version, an account, a symbol or {@code *} for everything
 * @param state  the state it moved to, e.g. {@code HALTED}, {@code ACTIVE} or the activated version
 */
public record ChangeRecord(Instant at, String kind, String target, String state, String actor, String reason) {
}
