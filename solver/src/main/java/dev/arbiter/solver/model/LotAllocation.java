package dev.arbiter.solver.model;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One candidate order as Timefold sees it: everything about it is fixed except {@link #getLots()},
 * the number of lots to trade, which the solver chooses from {@code 0..maxLots} (0 = not traded).
 *
 * <p>Mutable and identified by {@link #getProposalId()}, as Timefold planning entities are. The
 * no-argument constructor exists for Timefold's solution cloner only.
 */
@PlanningEntity(comparatorClass = ConvictionComparator.class)
public class LotAllocation {

    /** Id of the per-entity value range the planning variable draws from. */
    public static final String LOT_RANGE = "lotRange";

    @PlanningId
    private String proposalId;
    private String symbol;
    private Side side;
    private BigDecimal price;
    private BigDecimal conviction;
    private BigDecimal lotSize;
    private BigDecimal maxQuantity;
    private int maxLots;
    private String cluster = "all";
    private String sector;
    private String venue;
    private int minLots = 1;
    private BigDecimal expectedReturnRate;
    private BigDecimal costRate = BigDecimal.ZERO;
    private BigDecimal turnoverRate = BigDecimal.ZERO;
    private double riskWeight;
    private int symbolIndex;
    private double[] covarianceRow = new double[0];
    private double holdingsLoading;

    /** What one unit of the order's value takes from the free balance; 0 for a spot sale. */
    private BigDecimal balanceShare;

    @PlanningVariable(valueRangeProviderRefs = LOT_RANGE)
    private Integer lots;

    /** The size {@link #notionalAtLots} and {@link #signedValueAtLots} were computed for; -1 before any. */
    private int notionalLots = -1;
    private BigDecimal notionalAtLots;
    private double signedValueAtLots;

    /** For Timefold's solution cloner. */
    public LotAllocation() {
    }

    /**
     * @param conviction  the proposal's conviction, 0..1, taken exactly as its decimal text
     * @param maxQuantity the largest quantity the risk rules allow; {@code maxLots} is its whole
     *                    number of lots, rounded down
     * @throws IllegalArgumentException when {@code maxQuantity} holds more than
     *                                  {@code Integer.MAX_VALUE - 1} lots
     */
    public LotAllocation(String proposalId, String symbol, Side side, BigDecimal price, double conviction,
                         BigDecimal lotSize, BigDecimal maxQuantity) {
        this.proposalId = Objects.requireNonNull(proposalId, "proposalId");
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.side = Objects.requireNonNull(side, "side");
        this.price = Objects.requireNonNull(price, "price");
        this.conviction = BigDecimal.valueOf(conviction);
        this.lotSize = Objects.requireNonNull(lotSize, "lotSize");
        this.maxQuantity = Objects.requireNonNull(maxQuantity, "maxQuantity");
        this.maxLots = wholeLots(proposalId, maxQuantity, lotSize);
        this.expectedReturnRate = this.conviction;
        this.balanceShare = side == Side.BUY ? BigDecimal.ONE : BigDecimal.ZERO; // spot, paid in full, until told otherwise
    }

    /**
     * Sets the groups the order's exposure counts towards and the venue's minimum order value: the
     * smallest non-zero size becomes the fewest whole lots worth at least {@code minNotional}.
     *
     * @param sector null when unknown
     */
    public LotAllocation withMarket(String cluster, String sector, BigDecimal minNotional) {
        return withMarket(cluster, sector, minNotional, side == Side.BUY ? BigDecimal.ONE : BigDecimal.ZERO);
    }

    /**
     * As {@link #withMarket(String, String, BigDecimal)}, with what one unit of the order's value takes from the
     * free balance (kb {@code OrderMargin}: a spot buy the margin rate, a spot sale nothing, a perpetual order
     * 1 / leverage).
     */
    public LotAllocation withMarket(String cluster, String sector, BigDecimal minNotional, BigDecimal balanceShare) {
        this.balanceShare = Objects.requireNonNull(balanceShare, "balanceShare");
        this.cluster = Objects.requireNonNull(cluster, "cluster");
        this.sector = sector;
        BigDecimal lots = minNotional.divide(lotNotional(), 0, java.math.RoundingMode.CEILING);
        this.minLots = lots.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) >= 0
                ? Integer.MAX_VALUE
                : Math.max(1, lots.intValueExact());
        return this;
    }

    /**
     * Sets the soft objective's terms for this order.
     *
     * @param expectedReturnRate expected return per unit of order value, in the order's direction
     * @param costRate           fees and slippage per unit of order value
     * @param turnoverRate       turnover penalty per unit of order value
     * @param riskWeight         λ = riskAversion / (2 × equity), per money
     * @param symbolIndex        the order's row in the covariance
     * @param covarianceRow      the covariance row of the order's symbol (shared, not copied)
     * @param holdingsLoading    Σ_j cov(symbol, j) × existing net exposure in j, money
     */
    public LotAllocation withObjective(BigDecimal expectedReturnRate, BigDecimal costRate, BigDecimal turnoverRate,
                                       double riskWeight, int symbolIndex, double[] covarianceRow,
                                       double holdingsLoading) {
        this.expectedReturnRate = Objects.requireNonNull(expectedReturnRate, "expectedReturnRate");
        this.costRate = Objects.requireNonNull(costRate, "costRate");
        this.turnoverRate = Objects.requireNonNull(turnoverRate, "turnoverRate");
        this.riskWeight = riskWeight;
        this.symbolIndex = symbolIndex;
        this.covarianceRow = Objects.requireNonNull(covarianceRow, "covarianceRow");
        this.holdingsLoading = holdingsLoading;
        return this;
    }

    private static int wholeLots(String proposalId, BigDecimal maxQuantity, BigDecimal lotSize) {
        BigDecimal lots = maxQuantity.divideToIntegralValue(lotSize);
        if (lots.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE - 1L)) > 0) {
            throw new IllegalArgumentException("Candidate " + proposalId + ": maxQuantity "
                    + maxQuantity.toPlainString() + " is " + lots.toPlainString() + " lots of "
                    + lotSize.toPlainString() + "; the allocator accepts at most " + (Integer.MAX_VALUE - 1)
                    + " lots per candidate. Maybe the lot size is missing a few zeros?");
        }
        return lots.intValueExact();
    }

    /**
     * The lots the solver may choose from: 0 (not traded), or from {@link #getMinLots()} (the minimum
     * notional) up to {@link #getMaxLots()} (the cap) inclusive.
     */
    @ValueRangeProvider(id = LOT_RANGE)
    public CountableValueRange<Integer> getLotRange() {
        return new LotSteps(minLots, maxLots);
    }

    /** False when the cap allows no size but 0 (below one lot or below the minimum notional): nothing to search. */
    public boolean isSizable() {
        return maxLots >= minLots;
    }

    /** The nearest allowed size at or below {@code lots}: 0 inside the gap below the minimum notional. */
    public int allowedAtOrBelow(int lots) {
        return lots < minLots ? 0 : Math.min(lots, maxLots);
    }

    /** True when a positive size lies below the minimum notional. */
    public boolean isBelowMinNotional() {
        return lotsOrZero() > 0 && lotsOrZero() < minLots;
    }

    public String getCluster() {
        return cluster;
    }

    /** Null when unknown. */
    public String getSector() {
        return sector;
    }

    /** Where the order would trade; null when not said (no venue limit then holds it). */
    public String getVenue() {
        return venue;
    }

    /** Sets the venue the order's exposure counts towards. */
    public LotAllocation atVenue(String venue) {
        this.venue = venue;
        return this;
    }

    public int getMinLots() {
        return minLots;
    }

    public BigDecimal getExpectedReturnRate() {
        return expectedReturnRate;
    }

    public BigDecimal getCostRate() {
        return costRate;
    }

    public BigDecimal getTurnoverRate() {
        return turnoverRate;
    }

    public double getRiskWeight() {
        return riskWeight;
    }

    /** +1 for a buy, -1 for a sell: the sign of the order's value in net exposure and risk. */
    public int sign() {
        return side == Side.BUY ? 1 : -1;
    }

    /** Order value with its sign: positive for a buy, negative for a sell. */
    public BigDecimal signedNotional() {
        return side == Side.BUY ? notional() : notional().negate();
    }

    /** Order quantity with its sign: positive for a buy, negative for a sell. */
    public BigDecimal signedQuantity() {
        return side == Side.BUY ? quantity() : quantity().negate();
    }

    /** Expected return of the order at its size: rate × value. */
    public BigDecimal expectedReturn() {
        return expectedReturnRate.multiply(notional());
    }

    /** Fees and expected slippage of the order at its size: cost rate × value. */
    public BigDecimal tradingCost() {
        return costRate.multiply(notional());
    }

    /** The turnover penalty of the order at its size: turnover rate × value. */
    public BigDecimal turnoverPenalty() {
        return turnoverRate.multiply(notional());
    }

    /** The smallest value a traded order may have: {@link #getMinLots()} whole lots. */
    public BigDecimal minNotional() {
        return lotNotional().multiply(BigDecimal.valueOf(minLots));
    }

    /** How much value the order lacks to reach {@link #minNotional()}; zero or negative when it does. */
    public BigDecimal minNotionalShortfall() {
        return minNotional().subtract(notional());
    }

    /**
     * What the order adds to λ × portfolio variance on its own and against existing holdings:
     * λ(σ²ᵢ nᵢ² + 2 nᵢ Σ_j σᵢⱼ hⱼ), nᵢ signed (money). Pairs of orders are {@link #pairRisk}.
     */
    public double ownRisk() {
        if (riskWeight == 0) {
            return 0;
        }
        double n = signedValue();
        double variance = covarianceRow.length == 0 ? 0 : covarianceRow[symbolIndex];
        return riskWeight * (variance * n * n + 2 * n * holdingsLoading);
    }

    /**
     * The order's soft terms alone ({@link #expectedReturn()} − {@link #tradingCost()} −
     * {@link #turnoverPenalty()} − {@link #ownRisk()}) as a polynomial in its lots, before rounding:
     * the same terms written per lot, for the exact sizer's bounds. {@code LotAllocationTest} checks it
     * against those methods.
     */
    public ObjectiveCurve objectiveCurve() {
        BigDecimal lotValue = lotNotional();
        double lot = lotValue.doubleValue();
        double perLot = expectedReturnRate.subtract(costRate).subtract(turnoverRate).multiply(lotValue).doubleValue();
        double riskPerLot = riskWeight * 2 * sign() * lot * holdingsLoading;
        return new ObjectiveCurve(perLot - riskPerLot, riskWeight * ownVariance() * lot * lot,
                Math.abs(perLot) + Math.abs(riskPerLot));
    }

    /**
     * True when {@link #pairRisk} with {@code other} is not zero, for two traded orders: risk is weighed
     * and the symbols' covariance is not zero (traded values are never zero). Cheaper than the product,
     * which the pair-risk constraint would otherwise compute twice per pair and move.
     */
    public boolean addsPairRiskWith(LotAllocation other) {
        return riskWeight != 0 && covarianceRow.length != 0 && covarianceRow[other.symbolIndex] != 0;
    }

    /**
     * {@link #pairRisk} with {@code other} per lot of each: the pair's risk at k and m lots is this × k × m
     * (before rounding). For the exact sizer's bounds; {@code LotAllocationTest} checks it against
     * {@link #pairRisk}.
     */
    public double pairRiskPerLots(LotAllocation other) {
        if (riskWeight == 0 || covarianceRow.length == 0) {
            return 0;
        }
        return riskWeight * 2 * covarianceRow[other.symbolIndex] * sign() * lotNotional().doubleValue()
                * other.sign() * other.lotNotional().doubleValue();
    }

    /** λ × 2 σᵢⱼ nᵢ nⱼ: what two orders add to portfolio variance together. */
    public double pairRisk(LotAllocation other) {
        if (riskWeight == 0 || covarianceRow.length == 0) {
            return 0;
        }
        double covariance = covarianceRow[other.symbolIndex];
        return riskWeight * 2 * covariance * signedValue() * other.signedValue();
    }

    /** Variance of the order's symbol over the horizon; 0 when risk is not weighed. */
    public double ownVariance() {
        return covarianceRow.length == 0 ? 0 : covarianceRow[symbolIndex];
    }

    /** Covariance of this order's symbol with another's; 0 when risk is not weighed. */
    public double covarianceWith(LotAllocation other) {
        return covarianceRow.length == 0 ? 0 : covarianceRow[other.symbolIndex];
    }

    public double getHoldingsLoading() {
        return holdingsLoading;
    }

    /** True when the order is traded and risk is weighed: only then can it add risk. */
    public boolean isRisky() {
        return riskWeight != 0 && lotsOrZero() > 0;
    }

    public String getProposalId() {
        return proposalId;
    }

    public String getSymbol() {
        return symbol;
    }

    public Side getSide() {
        return side;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public BigDecimal getConviction() {
        return conviction;
    }

    public BigDecimal getLotSize() {
        return lotSize;
    }

    public BigDecimal getMaxQuantity() {
        return maxQuantity;
    }

    public int getMaxLots() {
        return maxLots;
    }

    /** Lots chosen, or {@code null} before the solver has assigned any. */
    public Integer getLots() {
        return lots;
    }

    public void setLots(Integer lots) {
        this.lots = lots;
    }

    /** Chosen lots, counting an unassigned variable as 0. */
    public int lotsOrZero() {
        return lots == null ? 0 : lots;
    }

    /** The quantity the chosen lots make, exact, at the lot size's scale. */
    public BigDecimal quantity() {
        return Amounts.quantityOf(lotsOrZero(), lotSize);
    }

    /** Order value at the chosen quantity: quantity × price (both sides count towards gross exposure). */
    /** What the order takes from the free balance at its size: its value times {@link #getBalanceShare()}. */
    public BigDecimal balanceNeeded() {
        return notional().multiply(balanceShare);
    }

    public BigDecimal getBalanceShare() {
        return balanceShare;
    }

    /** Whether the order takes anything from the free balance. */
    public boolean takesBalance() {
        return balanceShare.signum() > 0;
    }

    public BigDecimal notional() {
        int current = lotsOrZero();
        if (current != notionalLots) {
            // every constraint reads the value, many per move: computed once per size, checked against
            // the lots themselves because Timefold may write the planning variable without the setter
            notionalAtLots = quantity().multiply(price);
            signedValueAtLots = (side == Side.BUY ? notionalAtLots : notionalAtLots.negate()).doubleValue();
            notionalLots = current;
        }
        return notionalAtLots;
    }

    /** {@link #signedNotional()} as a double, for the risk terms. */
    private double signedValue() {
        notional();
        return signedValueAtLots;
    }

    /** Value of one more lot: lot size × price. */
    public BigDecimal lotNotional() {
        return lotSize.multiply(price);
    }

    /** What the objective weighs: conviction × notional. */
    public BigDecimal convictionWeightedNotional() {
        return conviction.multiply(notional());
    }

    /** True when the chosen quantity is larger than the cap the risk rules set. */
    public boolean isAboveCap() {
        return quantity().compareTo(maxQuantity) > 0;
    }

    /** Lots above the largest whole number of lots within the cap; 0 when within it. */
    public long lotsAboveCap() {
        return Math.max(0L, (long) lotsOrZero() - maxLots);
    }

    /** Traded: a positive number of lots. */
    public boolean isTraded() {
        return lotsOrZero() > 0;
    }

    @Override
    public String toString() {
        return proposalId + "(" + lots + " of max " + maxLots + " lots)";
    }
}
