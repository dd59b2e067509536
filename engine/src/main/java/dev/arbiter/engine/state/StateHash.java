package dev.arbiter.engine.state;

import dev.arbiter.engine.json.CanonicalJson;
import dev.arbiter.kb.state.AccountState;

/** The hash of an account's state: SHA-256 of its canonical JSON, equal for equal states on every machine. */
public final class StateHash {

    private StateHash() {
    }

    public static String of(AccountState state) {
        return CanonicalJson.sha256(CanonicalJson.write(state));
    }
}
