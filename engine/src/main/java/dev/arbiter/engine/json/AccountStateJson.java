package dev.arbiter.engine.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.MarginSetting;
import java.util.List;

/**
 * Mixed into {@link AccountState}: an account that margins everything cross writes no {@code marginModes}, so a
 * state, its snapshot and its hash read as they did before margin modes existed, and the state hashes decisions
 * recorded then still come out of a fold of their journal.
 */
abstract class AccountStateJson {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    abstract List<MarginSetting> marginModes();
}
