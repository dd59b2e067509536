package dev.arbiter.solver.model;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.CountableValueRange;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeFactory;
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

    @PlanningVariable(valueRangeProviderRefs = LOT_RANGE)
    private Integer lots;

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

    /** The lots the solver may choose from: 0 (not traded) up to {@link #getMaxLots()} inclusive. */
    @ValueRangeProvider(id = LOT_RANGE)
    public CountableValueRange<Integer> getLotRange() {
        return ValueRangeFactory.createIntValueRange(0, maxLots + 1);
    }

    /** False when the cap allows no whole lot: the only size is 0, there is nothing to search. */
    public boolean isSizable() {
        return maxLots > 0;
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
    public BigDecimal notional() {
        return quantity().multiply(price);
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

    @Override
    public String toString() {
        return proposalId + "(" + lots + " of max " + maxLots + " lots)";
    }
}
