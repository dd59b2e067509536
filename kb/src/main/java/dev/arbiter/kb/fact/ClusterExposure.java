package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import java.math.BigDecimal;

/**
 * An account's gross exposure to one correlation cluster: the positions and working orders of every instrument in
 * it, long or short, summed by the engine ({@code dev.arbiter.kb.margin.BookFacts}).
 */
public record ClusterExposure(String accountId, String cluster, BigDecimal grossExposure) {

    public ClusterExposure {
        identifier("ClusterExposure", "accountId", accountId);
        identifier("ClusterExposure", "cluster", cluster);
        nonNegative("ClusterExposure", "grossExposure", grossExposure);
    }
}
