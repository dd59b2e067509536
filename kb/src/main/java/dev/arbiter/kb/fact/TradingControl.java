package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.outcome.HaltScope;

/**
 * A trading state someone set for an account, an instrument or everything, with who set it and why.
 * The engine supplies the ones in force; rules turn HALTED into halts and REDUCING into rejections of
 * opening orders.
 *
 * @param target the account id or symbol; {@code *} for GLOBAL
 */
public record TradingControl(HaltScope scope, String target, TradingState state, String changedBy, String reason) {

    public TradingControl {
        present("TradingControl", "scope", scope);
        present("TradingControl", "target", target);
        if (scope == HaltScope.GLOBAL != "*".equals(target)) {
            throw new InvalidFactException("TradingControl", "target", target,
                    "'*' exactly when the scope is GLOBAL, an account id or symbol otherwise");
        }
        present("TradingControl", "state", state);
        text("TradingControl", "changedBy", changedBy);
        text("TradingControl", "reason", reason);
    }
}
