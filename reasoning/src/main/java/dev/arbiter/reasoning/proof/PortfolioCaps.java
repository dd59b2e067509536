package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The portfolio limits the prover states besides gross exposure, free balance and each proposal's cap:
 * the same limits the allocator sizes within. A {@code null} limit (or an empty map) is not set and is not
 * checked.
 *
 * @param maxNetExposure       |existing net + &Sigma; signed order value| may not exceed it (nor grow above it), &ge; 0
 * @param maxLeverage          existing gross + &Sigma; order value &le; it &times; equity, &gt; 0
 * @param maxLeverageStressed  replaces {@code maxLeverage}, portfolio-wide, when an order's instrument is in a
 *                             stressed regime, &gt; 0
 * @param marginRate           share of a buy's value it takes from the free balance and as margin, &gt; 0; null: 1
 * @param maxInstrumentShare   per instrument, existing gross + new order value &le; it &times; equity, &ge; 0
 * @param maxClusterShare      per correlation cluster, the same as a share of equity, &ge; 0
 * @param maxSectorShare       per sector, the same as a share of equity, &ge; 0
 * @param maxPositionQuantity  per instrument, |position + &Sigma; signed order quantity| may not exceed it (nor
 *                             grow above it), &ge; 0
 * @param maxMarginUtilisation margin used + &Sigma; buys &times; margin rate &le; it &times; capacity (nor grow
 *                             above it), &ge; 0; checked only when the account reports its margin
 * @param maxVenueExposure     per venue, existing gross + new order value &le; it (nor grow above it), money, &ge; 0
 */
public record PortfolioCaps(BigDecimal maxNetExposure, BigDecimal maxLeverage, BigDecimal maxLeverageStressed,
                            BigDecimal marginRate, BigDecimal maxInstrumentShare, Map<String, BigDecimal> maxClusterShare,
                            Map<String, BigDecimal> maxSectorShare, BigDecimal maxPositionQuantity,
                            BigDecimal maxMarginUtilisation, BigDecimal maxVenueExposure) {

    private static final String FACT = "PortfolioCaps";

    public PortfolioCaps {
        if (maxNetExposure != null) {
            nonNegative(FACT, "maxNetExposure", maxNetExposure);
        }
        if (maxLeverage != null) {
            positive(FACT, "maxLeverage", maxLeverage);
        }
        if (maxLeverageStressed != null) {
            positive(FACT, "maxLeverageStressed", maxLeverageStressed);
        }
        if (marginRate != null) {
            positive(FACT, "marginRate", marginRate);
        }
        if (maxInstrumentShare != null) {
            nonNegative(FACT, "maxInstrumentShare", maxInstrumentShare);
        }
        if (maxPositionQuantity != null) {
            nonNegative(FACT, "maxPositionQuantity", maxPositionQuantity);
        }
        if (maxMarginUtilisation != null) {
            nonNegative(FACT, "maxMarginUtilisation", maxMarginUtilisation);
        }
        if (maxVenueExposure != null) {
            nonNegative(FACT, "maxVenueExposure", maxVenueExposure);
        }
        maxClusterShare = shares("maxClusterShare", maxClusterShare);
        maxSectorShare = shares("maxSectorShare", maxSectorShare);
    }

    /** Without the venue limit. */
    public PortfolioCaps(BigDecimal maxNetExposure, BigDecimal maxLeverage, BigDecimal maxLeverageStressed,
                         BigDecimal marginRate, BigDecimal maxInstrumentShare, Map<String, BigDecimal> maxClusterShare,
                         Map<String, BigDecimal> maxSectorShare, BigDecimal maxPositionQuantity,
                         BigDecimal maxMarginUtilisation) {
        this(maxNetExposure, maxLeverage, maxLeverageStressed, marginRate, maxInstrumentShare, maxClusterShare,
                maxSectorShare, maxPositionQuantity, maxMarginUtilisation, null);
    }

    /** No portfolio limit set. */
    public static PortfolioCaps none() {
        return new PortfolioCaps(null, null, null, null, null, Map.of(), Map.of(), null, null, null);
    }

    /** The margin rate buys are charged at: the one set, else 1 (spot). */
    public BigDecimal effectiveMarginRate() {
        return marginRate == null ? BigDecimal.ONE : marginRate;
    }

    private static Map<String, BigDecimal> shares(String field, Map<String, BigDecimal> shares) {
        Map<String, BigDecimal> copy = new TreeMap<>();
        if (shares != null) {
            shares.forEach((name, share) -> {
                identifier(FACT, field + " key", name);
                if (share == null || share.signum() < 0) {
                    throw new InvalidFactException(FACT, field + "." + name, share,
                            "a share of equity >= 0, e.g. 0.30 for 30%");
                }
                copy.put(name, share);
            });
        }
        return Collections.unmodifiableMap(copy);
    }
}
