package dev.arbiter.cluster.job;

import dev.arbiter.cluster.core.DeskLimits;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the decision stage of the job is built with.
 *
 * @param pipeline        how each worker makes its pipeline
 * @param instrumentsJson the listed instruments as a JSON array of {@code Instrument}, or null for the active
 *                        release's reference data (as the service lists)
 * @param barsKept        bars kept per instrument and period (the window regimes, anomalies and models see)
 * @param cachedAccounts  accounts whose cores a worker keeps built; others are rebuilt from their state when next used
 * @param deskLimitsJson  the desk's limits leased to its accounts ({@link dev.arbiter.cluster.core.DeskLimits}), or null
 */
public record JobSettings(PipelineSource pipeline, String instrumentsJson, int barsKept, int cachedAccounts,
                          String deskLimitsJson) implements Serializable {

    /** Without desk-wide limits. */
    public JobSettings(PipelineSource pipeline, String instrumentsJson, int barsKept, int cachedAccounts) {
        this(pipeline, instrumentsJson, barsKept, cachedAccounts, null);
    }

    public JobSettings {
        Objects.requireNonNull(pipeline, "pipeline");
        if (barsKept < 2) {
            throw new IllegalArgumentException("barsKept must be at least 2, was " + barsKept);
        }
        if (cachedAccounts < 1) {
            throw new IllegalArgumentException("cachedAccounts must be at least 1, was " + cachedAccounts);
        }
        if (deskLimitsJson != null) {
            DeskLimits.fromJson(deskLimitsJson); // refused when the job is built, not on every worker
        }
    }

    /** The shipped pipeline and the release's instruments, with the service's defaults. */
    public static JobSettings shipped(String modelRegistry) {
        return new JobSettings(PipelineSource.shipped(modelRegistry), null, 300, 4096);
    }
}
