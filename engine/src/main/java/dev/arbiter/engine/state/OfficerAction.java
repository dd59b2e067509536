package dev.arbiter.engine.state;

/** What an officer can do to an account's trading. */
public enum OfficerAction {
    HALT, REDUCE_ONLY, RESUME, ENGAGE_KILL_SWITCH, RELEASE_KILL_SWITCH
}
