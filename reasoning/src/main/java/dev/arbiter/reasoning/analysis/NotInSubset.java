package dev.arbiter.reasoning.analysis;

import java.io.Serial;

/** A rule condition outside the analysed subset of DRL; the message says what and why, for the report. */
final class NotInSubset extends RuntimeException {

    @Serial
    private static final long serialVersionUID = 1L;

    NotInSubset(String reason) {
        super(reason, null, false, false);
    }
}
