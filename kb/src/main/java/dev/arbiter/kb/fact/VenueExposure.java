package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import java.math.BigDecimal;

/**
 * An account's gross exposure at one venue: the positions and working orders of every instrument traded there, long
 * or short, summed by the engine ({@code dev.arbiter.kb.margin.BookFacts}). What the account stands to lose if the
 * venue fails, and what {@code max-venue-exposure} caps.
 */
public record VenueExposure(String accountId, String venue, BigDecimal grossExposure) {

    public VenueExposure {
        identifier("VenueExposure", "accountId", accountId);
        identifier("VenueExposure", "venue", venue);
        nonNegative("VenueExposure", "grossExposure", grossExposure);
    }
}
