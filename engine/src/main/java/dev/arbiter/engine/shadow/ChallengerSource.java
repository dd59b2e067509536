package dev.arbiter.engine.shadow;

import java.util.List;

/** Where challengers come from; the service has one per lifecycle. */
public interface ChallengerSource {

    /** The challengers in shadow now; cheap, asked after every decision. */
    List<Challenger> challengers();
}
