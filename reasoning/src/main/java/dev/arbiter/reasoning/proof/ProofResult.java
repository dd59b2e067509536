package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.util.List;

/**
 * The outcome of one proof.
 *
 * @param verdict       PROVED, VIOLATED or UNKNOWN
 * @param checkedLimits the name of every limit stated to the solver, in the order stated
 * @param violations    the broken limits, empty unless the verdict is VIOLATED
 * @param checkMicros   time spent in the solver's checks, in microseconds
 */
public record ProofResult(ProofVerdict verdict, List<String> checkedLimits, List<LimitViolation> violations,
                          long checkMicros) {

    public ProofResult {
        present("ProofResult", "verdict", verdict);
        checkedLimits = List.copyOf(present("ProofResult", "checkedLimits", checkedLimits));
        violations = List.copyOf(present("ProofResult", "violations", violations));
        if (verdict == ProofVerdict.VIOLATED && violations.isEmpty()) {
            throw new InvalidFactException("ProofResult", "violations", "[]", "at least one violation for VIOLATED");
        }
        if (verdict != ProofVerdict.VIOLATED && !violations.isEmpty()) {
            throw new InvalidFactException("ProofResult", "violations", violations,
                    "no violations unless the verdict is VIOLATED");
        }
        if (checkMicros < 0) {
            throw new InvalidFactException("ProofResult", "checkMicros", checkMicros, "a number >= 0");
        }
    }
}
