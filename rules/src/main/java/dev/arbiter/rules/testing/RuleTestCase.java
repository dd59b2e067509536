package dev.arbiter.rules.testing;

import java.util.List;

/**
 * One case of a rule-test file.
 *
 * @param file  the test file's path inside the rule set
 * @param name  what the case checks, in words
 * @param given         the facts of the case; with the background facts they make the session's input
 * @param releaseLimits limits the case reads at the rule set's own value (its {@code limits.json}) rather than at the
 *                      value the background pins: a case that must fail when that number changes says so here
 */
public record RuleTestCase(String file, String name, List<Object> given, Expectation expect,
                           List<String> releaseLimits) {

    public RuleTestCase {
        given = List.copyOf(given);
        releaseLimits = releaseLimits == null ? List.of() : List.copyOf(releaseLimits);
    }

    public RuleTestCase(String file, String name, List<Object> given, Expectation expect) {
        this(file, name, given, expect, List.of());
    }

    /**
     * What must hold after the session.
     *
     * @param fired     reason codes of rules that must fire
     * @param notFired  reason codes of rules that must not fire
     * @param outcomes  outcomes that must be among those inserted
     * @param proposals proposals strategy rules must have made
     */
    public record Expectation(List<String> fired, List<String> notFired, List<ExpectedOutcome> outcomes,
                              List<ExpectedProposal> proposals) {

        public Expectation {
            fired = fired == null ? List.of() : List.copyOf(fired);
            notFired = notFired == null ? List.of() : List.copyOf(notFired);
            outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
            proposals = proposals == null ? List.of() : List.copyOf(proposals);
        }
    }

    /**
     * An outcome to find. Unset fields match anything; {@code message} matches a part of the message.
     *
     * @param kind REJECT, CAP, FLAG or HALT
     */
    public record ExpectedOutcome(String kind, String code, String proposal, String message,
                                  java.math.BigDecimal maxQuantity, String scope, String target) {
    }

    /** A proposal to find: its id, and optionally its side and quantity. */
    public record ExpectedProposal(String proposal, dev.arbiter.kb.fact.Side side, java.math.BigDecimal quantity) {
    }
}
