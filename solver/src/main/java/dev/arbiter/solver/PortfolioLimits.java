package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hard portfolio limits every allocation must respect, besides each candidate's own cap. The same
 * values the rules read: the engine maps them from the limits file (see {@code docs/allocation.md}).
 * A {@code null} limit is not set and does not constrain.
 *
 * @param maxGrossExposure   Σ |existing| + Σ new order value (both sides) may not exceed it; required
 * @param maxNetExposure     |existing net + Σ signed new order value| may not exceed it (nor grow when
 *                           already above it)
 * @param maxLeverage        gross exposure / equity may not exceed it, &gt; 0
 * @param marginRate         share of a new buy's value it needs from the free balance (1 for spot, 0.1
 *                           for 10x margin), &gt; 0; null: the free balance is not checked
 * @param maxInstrumentShare exposure per instrument (existing + new orders) as a share of equity
 * @param maxClusterShare    exposure per correlation cluster as a share of equity, by cluster name; when
 *                           not empty, every instrument's cluster must be one of its keys
 * @param maxSectorShare     exposure per sector as a share of equity, by sector name
 * @param maxPositionQuantity |position quantity + Σ signed order quantity| per instrument may not exceed
 *                           it (nor grow when already above it), &ge; 0; every holding must then give its
 *                           {@code positionQuantity}
 * @param maxLeverageStressed applies instead of {@code maxLeverage}, to the whole portfolio, when a
 *                           candidate's instrument is in a stressed regime
 *                           ({@link AllocationProblem#stressedRegimes()}), &gt; 0
 * @param maxMarginUtilisation (margin used + Σ new buy value × marginRate) / margin capacity may not
 *                           exceed it, &ge; 0; applies only when the account reports its margin
 * @param maxVenueExposure   exposure per venue (existing + new orders, gross) may not exceed it (nor grow
 *                           when already above it), money, &ge; 0; instruments without a venue are not held to it
 */
public record PortfolioLimits(BigDecimal maxGrossExposure, BigDecimal maxNetExposure, BigDecimal maxLeverage,
                              BigDecimal marginRate, BigDecimal maxInstrumentShare,
                              Map<String, BigDecimal> maxClusterShare, Map<String, BigDecimal> maxSectorShare,
                              BigDecimal maxPositionQuantity, BigDecimal maxLeverageStressed,
                              BigDecimal maxMarginUtilisation, BigDecimal maxVenueExposure) {

    private static final String FACT = "PortfolioLimits";

    public PortfolioLimits {
        nonNegative(FACT, "maxGrossExposure", maxGrossExposure);
        if (maxNetExposure != null) {
            nonNegative(FACT, "maxNetExposure", maxNetExposure);
        }
        if (maxLeverage != null) {
            positive(FACT, "maxLeverage", maxLeverage);
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
        if (maxLeverageStressed != null) {
            positive(FACT, "maxLeverageStressed", maxLeverageStressed);
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
    public PortfolioLimits(BigDecimal maxGrossExposure, BigDecimal maxNetExposure, BigDecimal maxLeverage,
                           BigDecimal marginRate, BigDecimal maxInstrumentShare,
                           Map<String, BigDecimal> maxClusterShare, Map<String, BigDecimal> maxSectorShare,
                           BigDecimal maxPositionQuantity, BigDecimal maxLeverageStressed,
                           BigDecimal maxMarginUtilisation) {
        this(maxGrossExposure, maxNetExposure, maxLeverage, marginRate, maxInstrumentShare, maxClusterShare,
                maxSectorShare, maxPositionQuantity, maxLeverageStressed, maxMarginUtilisation, null);
    }

    /** Without the position-quantity, stressed-leverage, margin-utilisation and venue limits. */
    public PortfolioLimits(BigDecimal maxGrossExposure, BigDecimal maxNetExposure, BigDecimal maxLeverage,
                           BigDecimal marginRate, BigDecimal maxInstrumentShare,
                           Map<String, BigDecimal> maxClusterShare, Map<String, BigDecimal> maxSectorShare) {
        this(maxGrossExposure, maxNetExposure, maxLeverage, marginRate, maxInstrumentShare, maxClusterShare,
                maxSectorShare, null, null, null, null);
    }

    private static Map<String, BigDecimal> shares(String field, Map<String, BigDecimal> shares) {
        Map<String, BigDecimal> copy = new TreeMap<>();
        if (shares == null) {
            return Map.copyOf(copy);
        }
        shares.forEach((name, share) -> {
            present(FACT, field, name);
            if (share == null || share.signum() < 0) {
                throw new InvalidFactException(FACT, field + "." + name, share,
                        "a share of equity >= 0, e.g. 0.30 for 30%");
            }
            copy.put(name, share);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /** Only a gross-exposure limit: every other limit unset. */
    public static PortfolioLimits grossOnly(BigDecimal maxGrossExposure) {
        return new PortfolioLimits(maxGrossExposure, null, null, null, null, Map.of(), Map.of());
    }

    /** True when a limit reads the account's equity (leverage, stressed leverage or a share). */
    public boolean needsEquity() {
        return maxLeverage != null || maxLeverageStressed != null || maxInstrumentShare != null || !maxClusterShare.isEmpty()
                || !maxSectorShare.isEmpty();
    }
}
