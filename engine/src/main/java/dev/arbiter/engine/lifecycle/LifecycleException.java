package dev.arbiter.engine.lifecycle;

/** A lifecycle step that is refused, with a stable code a client can act on and a sentence a person can. */
public final class LifecycleException extends RuntimeException {

    /** Why a step was refused. */
    public enum Code {
        /** The upload itself is malformed (no author, no files, a path outside the pack). */
        INVALID_UPLOAD,
        /** No candidate has this id. */
        UNKNOWN_CANDIDATE,
        /** The author of a candidate tried to approve it: a second risk officer must. */
        SELF_APPROVAL,
        /** The candidate failed its checks (vetting, compilation, analysis or tests) and cannot be approved. */
        CHECKS_FAILED,
        /** Activation of a candidate nobody approved. */
        NOT_APPROVED,
        /** The step does not apply to the candidate in its current state (e.g. approving an active one). */
        WRONG_STATE,
        /** As many candidates as may run in shadow at once already do. */
        SHADOW_LIMIT
    }

    private final Code code;

    public LifecycleException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
