package dev.arbiter.scenarios.margin;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run's perpetual positions went through: every funding exchange, every liquidation, and how close any
 * position came to its liquidation price.
 *
 * @param closestDistance the smallest |price &minus; liquidation price| / price seen, at a bar's close or at its
 *                        adverse extreme (0 for a liquidation); null when no position ever had a liquidation price
 * @param closestAt       the open time of the bar it was seen in, or null
 * @param closestSymbol   the instrument, or null
 */
public record MarginActivity(List<FundingPayment> funding, List<Liquidation> liquidations, BigDecimal closestDistance,
                             Instant closestAt, String closestSymbol) {

    public static final MarginActivity NONE = new MarginActivity(List.of(), List.of(), null, null, null);

    public MarginActivity {
        funding = List.copyOf(funding);
        liquidations = List.copyOf(liquidations);
    }

    /** Whether the run held a perpetual position at all (spot runs have nothing to report here). */
    public boolean any() {
        return !funding.isEmpty() || !liquidations.isEmpty() || closestDistance != null;
    }

    /** Funding paid, as a positive amount. */
    public BigDecimal fundingPaid() {
        return funding.stream().map(FundingPayment::amount).filter(a -> a.signum() < 0).reduce(BigDecimal.ZERO,
                BigDecimal::add).negate();
    }

    public BigDecimal fundingReceived() {
        return funding.stream().map(FundingPayment::amount).filter(a -> a.signum() > 0).reduce(BigDecimal.ZERO,
                BigDecimal::add);
    }

    /** Received less paid. */
    public BigDecimal fundingNet() {
        return fundingReceived().subtract(fundingPaid());
    }

    /** Collects a run's activity as the venue goes; one per run, not shared. */
    public static final class Recorder {
        private final List<FundingPayment> funding = new ArrayList<>();
        private final List<Liquidation> liquidations = new ArrayList<>();
        private BigDecimal closest;
        private Instant closestAt;
        private String closestSymbol;

        public void funded(FundingPayment payment) {
            funding.add(payment);
        }

        public void liquidated(Liquidation liquidation) {
            liquidations.add(liquidation);
            distance(liquidation.symbol(), liquidation.at(), BigDecimal.ZERO);
        }

        /** A position's distance to its liquidation price seen in the bar opening at {@code at}. */
        public void distance(String symbol, Instant at, BigDecimal distance) {
            if (distance != null && (closest == null || distance.compareTo(closest) < 0)) {
                closest = distance;
                closestAt = at;
                closestSymbol = symbol;
            }
        }

        public MarginActivity activity() {
            return new MarginActivity(funding, liquidations, closest, closestAt, closestSymbol);
        }
    }
}
