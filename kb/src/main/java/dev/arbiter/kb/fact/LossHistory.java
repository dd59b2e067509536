package dev.arbiter.kb.fact;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;

/**
 * An account's recent losses, kept by the engine across decisions, for cooldown rules (as freqtrade's
 * StoplossGuard and CooldownPeriod).
 *
 * @param consecutiveStopLosses  stop-losses hit in a row, most recent last
 * @param secondsSinceStopLoss   seconds since the last stop-loss, or -1 when there was none
 * @param largestRecentLoss      the largest single loss in the lookback, as a positive amount
 * @param secondsSinceLargestLoss seconds since that loss, or -1 when there was none
 */
public record LossHistory(String accountId, int consecutiveStopLosses, long secondsSinceStopLoss,
                          BigDecimal largestRecentLoss, long secondsSinceLargestLoss) {

    public LossHistory {
        identifier("LossHistory", "accountId", accountId);
        if (consecutiveStopLosses < 0) {
            throw new InvalidFactException("LossHistory", "consecutiveStopLosses", consecutiveStopLosses, "a number >= 0");
        }
        if (secondsSinceStopLoss < -1) {
            throw new InvalidFactException("LossHistory", "secondsSinceStopLoss", secondsSinceStopLoss, "seconds >= 0, or -1 for none");
        }
        nonNegative("LossHistory", "largestRecentLoss", largestRecentLoss);
        if (secondsSinceLargestLoss < -1) {
            throw new InvalidFactException("LossHistory", "secondsSinceLargestLoss", secondsSinceLargestLoss, "seconds >= 0, or -1 for none");
        }
    }
}
