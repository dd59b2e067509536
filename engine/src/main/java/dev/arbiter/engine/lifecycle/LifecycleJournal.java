package dev.arbiter.engine.lifecycle;

import java.time.Instant;

/** Records each lifecycle step, with who and when, durably, before the step is acknowledged. */
public interface LifecycleJournal {

    /** The steps of the lifecycle; a shadow is started and stopped by an officer, or stopped by an activation. */
    enum Step { UPLOADED, APPROVED, ACTIVATED, ROLLED_BACK, SHADOW_STARTED, SHADOW_STOPPED }

    void record(Step step, Candidate candidate, String actor, Instant at);
}
