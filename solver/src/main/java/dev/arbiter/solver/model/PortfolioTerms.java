package dev.arbiter.solver.model;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The problem fact behind every portfolio limit other than gross exposure: each limit as an amount of
 * money (shares and leverage already multiplied by equity), and what the account carries against it
 * before any new order. A {@code null} limit is not set.
 *
 * @param maxNetExposure          limit on |net exposure|
 * @param currentNetExposure      existing net exposure, signed
 * @param maxLeveragedExposure    maxLeverage × equity: limit on gross exposure from leverage
 * @param maxLeverage             the leverage limit itself, for sentences
 * @param currentGrossExposure    existing gross exposure
 * @param marginRate              share of a new spot buy's value taken from the free balance; null: no balance limit
 * @param availableBalance        free balance less what open orders reserved
 * @param maxInstrumentExposure   maxInstrumentShare × equity
 * @param maxInstrumentShare      the share itself, for sentences
 * @param symbolToExposure        existing gross exposure per symbol
 * @param clusterToMaxExposure    cap per cluster, money
 * @param clusterToMaxShare       cap per cluster, share of equity
 * @param clusterToExposure       existing gross exposure per cluster
 * @param sectorToMaxExposure     cap per sector, money
 * @param sectorToMaxShare        cap per sector, share of equity
 * @param sectorToExposure        existing gross exposure per sector
 * @param maxVenueExposure        cap per venue, money, the same for every venue
 * @param venueToExposure         existing gross exposure per venue
 */
public record PortfolioTerms(BigDecimal maxNetExposure, BigDecimal currentNetExposure,
                             BigDecimal maxLeveragedExposure, BigDecimal maxLeverage, BigDecimal currentGrossExposure,
                             BigDecimal marginRate, BigDecimal availableBalance,
                             BigDecimal maxInstrumentExposure, BigDecimal maxInstrumentShare,
                             Map<String, BigDecimal> symbolToExposure,
                             Map<String, BigDecimal> clusterToMaxExposure, Map<String, BigDecimal> clusterToMaxShare,
                             Map<String, BigDecimal> clusterToExposure,
                             Map<String, BigDecimal> sectorToMaxExposure, Map<String, BigDecimal> sectorToMaxShare,
                             Map<String, BigDecimal> sectorToExposure,
                             BigDecimal maxVenueExposure, Map<String, BigDecimal> venueToExposure) {

    public PortfolioTerms {
        Objects.requireNonNull(currentNetExposure, "currentNetExposure");
        Objects.requireNonNull(currentGrossExposure, "currentGrossExposure");
        symbolToExposure = Map.copyOf(symbolToExposure);
        clusterToMaxExposure = Map.copyOf(clusterToMaxExposure);
        clusterToMaxShare = Map.copyOf(clusterToMaxShare);
        clusterToExposure = Map.copyOf(clusterToExposure);
        sectorToMaxExposure = Map.copyOf(sectorToMaxExposure);
        sectorToMaxShare = Map.copyOf(sectorToMaxShare);
        sectorToExposure = Map.copyOf(sectorToExposure);
        venueToExposure = Map.copyOf(venueToExposure);
    }

    /** No limit but gross exposure (which {@link GrossExposureLimit} holds). */
    public static PortfolioTerms unlimited(BigDecimal currentGrossExposure) {
        return new PortfolioTerms(null, BigDecimal.ZERO, null, null, currentGrossExposure, null, null, null, null,
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), null, Map.of());
    }

    /**
     * How far {@code after} lies above a cap, where exposure already above the cap before the orders
     * ({@code before}) is not counted against them: an existing breach blocks any increase, but is not
     * itself the orders' fault. Zero or negative when within.
     */
    public static BigDecimal excess(BigDecimal before, BigDecimal after, BigDecimal cap) {
        return after.subtract(cap.max(before));
    }

    /** Net exposure excess with orders of signed value {@code signedOrders}; null limit → 0. */
    public BigDecimal netExcess(BigDecimal signedOrders) {
        if (maxNetExposure == null) {
            return BigDecimal.ZERO;
        }
        return excess(currentNetExposure.abs(), currentNetExposure.add(signedOrders).abs(), maxNetExposure);
    }

    /** Leverage excess (money above maxLeverage × equity) with orders worth {@code orders}; null limit → 0. */
    public BigDecimal leverageExcess(BigDecimal orders) {
        if (maxLeveragedExposure == null) {
            return BigDecimal.ZERO;
        }
        return currentGrossExposure.add(orders).subtract(maxLeveragedExposure);
    }

    /**
     * Balance excess when the new orders take {@code needed} (each order's value times its balance share, kb
     * {@code OrderMargin}); null margin rate (no balance limit) → 0.
     */
    public BigDecimal balanceExcess(BigDecimal needed) {
        if (marginRate == null) {
            return BigDecimal.ZERO;
        }
        return needed.subtract(availableBalance);
    }

    public BigDecimal instrumentExcess(String symbol, BigDecimal orders) {
        if (maxInstrumentExposure == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal before = symbolToExposure.getOrDefault(symbol, BigDecimal.ZERO);
        return excess(before, before.add(orders), maxInstrumentExposure);
    }

    public BigDecimal clusterExcess(String cluster, BigDecimal orders) {
        BigDecimal cap = clusterToMaxExposure.get(cluster);
        if (cap == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal before = clusterToExposure.getOrDefault(cluster, BigDecimal.ZERO);
        return excess(before, before.add(orders), cap);
    }

    /** Venue excess with orders worth {@code orders} at {@code venue}; no venue, or no limit → 0. */
    public BigDecimal venueExcess(String venue, BigDecimal orders) {
        if (venue == null || maxVenueExposure == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal before = venueToExposure.getOrDefault(venue, BigDecimal.ZERO);
        return excess(before, before.add(orders), maxVenueExposure);
    }

    public BigDecimal sectorExcess(String sector, BigDecimal orders) {
        BigDecimal cap = sector == null ? null : sectorToMaxExposure.get(sector);
        if (cap == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal before = sectorToExposure.getOrDefault(sector, BigDecimal.ZERO);
        return excess(before, before.add(orders), cap);
    }
}
