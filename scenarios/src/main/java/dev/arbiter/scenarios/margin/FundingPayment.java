package dev.arbiter.scenarios.margin;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Funding exchanged for one position at one funding time.
 *
 * @param quantity the signed position held at that time
 * @param mark     the price the notional was valued at: the close of the bar ending at (or spanning) the funding time
 * @param rate     the published rate for the interval
 * @param amount   received (positive) or paid (negative): {@code kb.margin.Funding.payment}
 */
public record FundingPayment(String symbol, Instant at, BigDecimal quantity, BigDecimal mark, BigDecimal rate,
                             BigDecimal amount) {
}
