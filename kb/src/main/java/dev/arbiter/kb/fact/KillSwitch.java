package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import java.time.Instant;

/** The kill switch (RTS 6 Art. 12): when engaged, nothing is sent until a person releases it. */
public record KillSwitch(boolean engaged, String engagedBy, Instant since, String reason) {

    public KillSwitch {
        text("KillSwitch", "engagedBy", engagedBy);
        present("KillSwitch", "since", since);
        text("KillSwitch", "reason", reason);
    }
}
