package dev.arbiter.solver.constraints;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sumBigDecimal;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.model.MarginUtilisationLimit;
import dev.arbiter.solver.model.PortfolioTerms;
import dev.arbiter.solver.model.PositionQuantityLimit;
import dev.arbiter.solver.model.StressedLeverageLimit;
import java.math.BigDecimal;
import java.util.List;

/**
 * The allocation's constraints.
 *
 * <p>Hard (money above a limit in units of 0.01, rounded up; see {@link ScoreUnits}): every order within
 * its proposal's cap and at or above the venue's minimum value; gross exposure, net exposure, leverage
 * and the free balance (with open orders' reservations) within their limits; exposure per instrument,
 * per correlation cluster and per sector within its share of equity, per venue within max-venue-exposure; each instrument's position quantity
 * within its limit; leverage within the stressed limit (instead of the ordinary one) when the market is
 * stressed; margin utilisation within its limit when the account reports its margin. A limit the account already broke
 * before the orders does not make the orders infeasible unless they add to it (gross exposure and
 * leverage, ordinary or stressed, excepted: those an existing breach makes infeasible outright, so nothing
 * trades).
 *
 * <p>Soft (money in units of 0.0001): expected return, minus λ × the portfolio variance the orders add
 * (own and with existing holdings, and between pairs of orders), minus fees and slippage, minus a small
 * turnover penalty.
 */
public final class AllocationConstraintProvider implements ConstraintProvider {

    public static final String WITHIN_PROPOSAL_CAP = "Order within its proposal cap";
    public static final String AT_LEAST_MIN_NOTIONAL = "Order at or above the minimum notional";
    public static final String WITHIN_GROSS_EXPOSURE_LIMIT = "Gross exposure within limit";
    public static final String WITHIN_NET_EXPOSURE_LIMIT = "Net exposure within limit";
    public static final String WITHIN_LEVERAGE_LIMIT = "Leverage within limit";
    public static final String WITHIN_FREE_BALANCE = "Orders within free balance";
    public static final String WITHIN_INSTRUMENT_SHARE = "Instrument exposure within its share of equity";
    public static final String WITHIN_CLUSTER_CAP = "Cluster exposure within its cap";
    public static final String WITHIN_SECTOR_CAP = "Sector exposure within its cap";
    public static final String WITHIN_VENUE_CAP = "Venue exposure within its cap";
    public static final String WITHIN_POSITION_QUANTITY = "Position quantity within limit";
    public static final String WITHIN_STRESSED_LEVERAGE_LIMIT = "Leverage within stressed limit";
    public static final String WITHIN_MARGIN_UTILISATION = "Margin utilisation within limit";
    public static final String EXPECTED_RETURN = "Expected return";
    public static final String OWN_RISK = "Risk of each order with existing holdings";
    public static final String PAIR_RISK = "Risk between pairs of orders";
    public static final String TRADING_COSTS = "Fees and slippage";
    public static final String TURNOVER = "Turnover penalty";

    /** Every constraint name, hard first: the order the score analysis reports them in. */
    public static final List<String> NAMES = List.of(WITHIN_PROPOSAL_CAP, AT_LEAST_MIN_NOTIONAL,
            WITHIN_GROSS_EXPOSURE_LIMIT, WITHIN_NET_EXPOSURE_LIMIT, WITHIN_LEVERAGE_LIMIT, WITHIN_FREE_BALANCE,
            WITHIN_INSTRUMENT_SHARE, WITHIN_CLUSTER_CAP, WITHIN_SECTOR_CAP, WITHIN_VENUE_CAP, WITHIN_POSITION_QUANTITY,
            WITHIN_STRESSED_LEVERAGE_LIMIT, WITHIN_MARGIN_UTILISATION, EXPECTED_RETURN, OWN_RISK, PAIR_RISK,
            TRADING_COSTS, TURNOVER);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                withinProposalCap(factory),
                atLeastMinNotional(factory),
                withinGrossExposureLimit(factory),
                withinNetExposureLimit(factory),
                withinLeverageLimit(factory),
                withinFreeBalance(factory),
                withinInstrumentShare(factory),
                withinClusterCap(factory),
                withinSectorCap(factory),
                withinVenueCap(factory),
                withinPositionQuantity(factory),
                withinStressedLeverageLimit(factory),
                withinMarginUtilisation(factory),
                expectedReturn(factory),
                ownRisk(factory),
                pairRisk(factory),
                tradingCosts(factory),
                turnover(factory)
        };
    }

    /**
     * lots × lotSize &le; maxQuantity. The value range already keeps the solver within the cap; the
     * constraint states the rule explicitly, so a move or a hand-built plan that breaks it is caught
     * and explained. Penalised by whole lots above the cap.
     */
    Constraint withinProposalCap(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isAboveCap)
                .penalizeLong(HardSoftLongScore.ONE_HARD, LotAllocation::lotsAboveCap)
                .justifyWith((allocation, score) -> ProposalCapJustification.of(allocation))
                .asConstraint(WITHIN_PROPOSAL_CAP);
    }

    /**
     * A traded order is worth at least the venue's minimum notional. The value range skips the sizes in
     * between; a custom move or a hand-built plan that lands there is penalised by the value missing.
     */
    Constraint atLeastMinNotional(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isBelowMinNotional)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        allocation -> ScoreUnits.hardMoney(allocation.minNotionalShortfall()))
                .justifyWith((allocation, score) -> new MinNotionalJustification(allocation.getProposalId(),
                        allocation.notional(), allocation.minNotional()))
                .asConstraint(AT_LEAST_MIN_NOTIONAL);
    }

    /**
     * existing gross exposure + Σ quantity × price &le; maxGrossExposure, both sides counting.
     * Penalised by the amount above the limit, in hard units of 0.01 rounded up.
     */
    Constraint withinGrossExposureLimit(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .groupBy(sumBigDecimal(LotAllocation::notional))
                .join(GrossExposureLimit.class)
                .filter((ordersNotional, limit) -> limit.isExceededWith(ordersNotional))
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (ordersNotional, limit) -> ScoreUnits.hardMoney(limit.excessWith(ordersNotional)))
                .justifyWith((ordersNotional, limit, score) -> new GrossExposureJustification(ordersNotional,
                        limit.currentGrossExposure(), limit.maxGrossExposure()))
                .asConstraint(WITHIN_GROSS_EXPOSURE_LIMIT);
    }

    /** |existing net + Σ signed order value| &le; maxNetExposure (or no higher than it already was). */
    Constraint withinNetExposureLimit(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isTraded)
                .groupBy(sumBigDecimal(LotAllocation::signedNotional))
                .join(PortfolioTerms.class)
                .filter((signed, terms) -> terms.netExcess(signed).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (signed, terms) -> ScoreUnits.hardMoney(terms.netExcess(signed)))
                .justifyWith((signed, terms, score) -> new ExposureLimitJustification("net exposure",
                        terms.currentNetExposure().abs(), terms.currentNetExposure().add(signed).abs(),
                        terms.maxNetExposure(), ""))
                .asConstraint(WITHIN_NET_EXPOSURE_LIMIT);
    }

    /** existing gross + Σ order value &le; maxLeverage × equity. */
    Constraint withinLeverageLimit(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .groupBy(sumBigDecimal(LotAllocation::notional))
                .join(PortfolioTerms.class)
                .filter((orders, terms) -> terms.leverageExcess(orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (orders, terms) -> ScoreUnits.hardMoney(terms.leverageExcess(orders)))
                .justifyWith((orders, terms, score) -> new ExposureLimitJustification("gross exposure for leverage",
                        terms.currentGrossExposure(), terms.currentGrossExposure().add(orders),
                        terms.maxLeveragedExposure(), "leverage " + plainOf(terms.maxLeverage()) + "x equity"))
                .asConstraint(WITHIN_LEVERAGE_LIMIT);
    }

    /**
     * Σ balance the new orders take (a spot buy its value × margin rate, a perpetual order value / leverage) &le;
     * free balance − balance reserved by open orders.
     */
    Constraint withinFreeBalance(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.takesBalance())
                .groupBy(sumBigDecimal(LotAllocation::balanceNeeded))
                .join(PortfolioTerms.class)
                .filter((needed, terms) -> terms.balanceExcess(needed).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (needed, terms) -> ScoreUnits.hardMoney(terms.balanceExcess(needed)))
                .justifyWith((needed, terms, score) -> new ExposureLimitJustification("balance needed by orders",
                        BigDecimal.ZERO, needed, terms.availableBalance(),
                        "free balance less open orders, margin rate " + plainOf(terms.marginRate())))
                .asConstraint(WITHIN_FREE_BALANCE);
    }

    /** Per instrument: existing exposure + new orders' value &le; maxInstrumentShare × equity. */
    Constraint withinInstrumentShare(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isTraded)
                .groupBy(LotAllocation::getSymbol, sumBigDecimal(LotAllocation::notional))
                .join(PortfolioTerms.class)
                .filter((symbol, orders, terms) -> terms.instrumentExcess(symbol, orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (symbol, orders, terms) -> ScoreUnits.hardMoney(terms.instrumentExcess(symbol, orders)))
                .justifyWith((symbol, orders, terms, score) -> {
                    BigDecimal before = terms.symbolToExposure().getOrDefault(symbol, BigDecimal.ZERO);
                    return new ExposureLimitJustification("instrument " + symbol + " exposure", before,
                            before.add(orders), terms.maxInstrumentExposure(),
                            percentOf(terms.maxInstrumentShare()) + " of equity");
                })
                .asConstraint(WITHIN_INSTRUMENT_SHARE);
    }

    /** Per correlation cluster: existing exposure + new orders' value &le; the cluster's share × equity. */
    Constraint withinClusterCap(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isTraded)
                .groupBy(LotAllocation::getCluster, sumBigDecimal(LotAllocation::notional))
                .join(PortfolioTerms.class)
                .filter((cluster, orders, terms) -> terms.clusterExcess(cluster, orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (cluster, orders, terms) -> ScoreUnits.hardMoney(terms.clusterExcess(cluster, orders)))
                .justifyWith((cluster, orders, terms, score) -> {
                    BigDecimal before = terms.clusterToExposure().getOrDefault(cluster, BigDecimal.ZERO);
                    return new ExposureLimitJustification("cluster " + cluster + " exposure", before,
                            before.add(orders), terms.clusterToMaxExposure().get(cluster),
                            percentOf(terms.clusterToMaxShare().get(cluster)) + " of equity");
                })
                .asConstraint(WITHIN_CLUSTER_CAP);
    }

    /** Per sector: existing exposure + new orders' value &le; the sector's share × equity. */
    Constraint withinSectorCap(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.getSector() != null)
                .groupBy(LotAllocation::getSector, sumBigDecimal(LotAllocation::notional))
                .join(PortfolioTerms.class)
                .filter((sector, orders, terms) -> terms.sectorExcess(sector, orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (sector, orders, terms) -> ScoreUnits.hardMoney(terms.sectorExcess(sector, orders)))
                .justifyWith((sector, orders, terms, score) -> {
                    BigDecimal before = terms.sectorToExposure().getOrDefault(sector, BigDecimal.ZERO);
                    return new ExposureLimitJustification("sector " + sector + " exposure", before,
                            before.add(orders), terms.sectorToMaxExposure().get(sector),
                            percentOf(terms.sectorToMaxShare().get(sector)) + " of equity");
                })
                .asConstraint(WITHIN_SECTOR_CAP);
    }

    /** Per venue: existing exposure + new orders' value &le; max-venue-exposure. */
    Constraint withinVenueCap(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.getVenue() != null)
                .groupBy(LotAllocation::getVenue, sumBigDecimal(LotAllocation::notional))
                .join(PortfolioTerms.class)
                .filter((venue, orders, terms) -> terms.venueExcess(venue, orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (venue, orders, terms) -> ScoreUnits.hardMoney(terms.venueExcess(venue, orders)))
                .justifyWith((venue, orders, terms, score) -> {
                    BigDecimal before = terms.venueToExposure().getOrDefault(venue, BigDecimal.ZERO);
                    return new ExposureLimitJustification("venue " + venue + " exposure", before,
                            before.add(orders), terms.maxVenueExposure(), "max-venue-exposure");
                })
                .asConstraint(WITHIN_VENUE_CAP);
    }

    /**
     * Per instrument: |position quantity + Σ signed order quantity| &le; maxPositionQuantity, every order of
     * the decision in the instrument counted (or no larger than the position already was). Penalised by the
     * quantity above the limit in hard units of 0.01, rounded up.
     */
    Constraint withinPositionQuantity(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isTraded)
                .groupBy(LotAllocation::getSymbol, sumBigDecimal(LotAllocation::signedQuantity))
                .join(PositionQuantityLimit.class)
                .filter((symbol, orders, limit) -> limit.excess(symbol, orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD,
                        (symbol, orders, limit) -> ScoreUnits.hardQuantity(limit.excess(symbol, orders)))
                .justifyWith((symbol, orders, limit, score) -> new PositionQuantityJustification(symbol,
                        limit.positionBefore(symbol), limit.positionAfter(symbol, orders), limit.maxPositionQuantity()))
                .asConstraint(WITHIN_POSITION_QUANTITY);
    }

    /**
     * When the market is stressed (the fact exists only then): existing gross + Σ order value &le;
     * maxLeverageStressed × equity, for the whole portfolio, instead of the ordinary leverage limit.
     */
    Constraint withinStressedLeverageLimit(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .groupBy(sumBigDecimal(LotAllocation::notional))
                .join(StressedLeverageLimit.class)
                .filter((orders, limit) -> limit.excess(orders).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (orders, limit) -> ScoreUnits.hardMoney(limit.excess(orders)))
                .justifyWith((orders, limit, score) -> new ExposureLimitJustification("gross exposure for stressed leverage",
                        limit.currentGrossExposure(), limit.currentGrossExposure().add(orders),
                        limit.maxLeveragedExposure(), "stressed leverage " + plainOf(limit.maxLeverageStressed())
                                + "x equity: " + limit.stressedBy()))
                .asConstraint(WITHIN_STRESSED_LEVERAGE_LIMIT);
    }

    /** margin used + Σ new buys × margin rate &le; maxMarginUtilisation × margin capacity. */
    Constraint withinMarginUtilisation(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.sign() > 0)
                .groupBy(sumBigDecimal(LotAllocation::notional))
                .join(MarginUtilisationLimit.class)
                .filter((buys, limit) -> limit.excess(buys).signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_HARD, (buys, limit) -> ScoreUnits.hardMoney(limit.excess(buys)))
                .justifyWith((buys, limit, score) -> new ExposureLimitJustification("margin used", limit.used(),
                        limit.usedWith(buys), limit.maxUsed(), percentOf(limit.maxMarginUtilisation()) + " of capacity "
                                + plainOf(limit.capacity()) + ", margin rate " + plainOf(limit.marginRate())))
                .asConstraint(WITHIN_MARGIN_UTILISATION);
    }

    /** Rewards every traded order with its expected return rate × value (negative when the models disagree). */
    Constraint expectedReturn(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isTraded)
                .impactLong(HardSoftLongScore.ONE_SOFT, allocation -> ScoreUnits.soft(allocation.expectedReturn()))
                .justifyWith((allocation, score) -> new ExpectedReturnJustification(allocation.getProposalId(),
                        allocation.notional(), allocation.getExpectedReturnRate()))
                .asConstraint(EXPECTED_RETURN);
    }

    /** λ(σ²ᵢ nᵢ² + 2 nᵢ Σ_j σᵢⱼ hⱼ) per traded order: its own variance and its covariance with holdings. */
    Constraint ownRisk(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isRisky)
                .impactLong(HardSoftLongScore.ONE_SOFT, allocation -> -ScoreUnits.softDouble(allocation.ownRisk()))
                .justifyWith((allocation, score) -> new RiskJustification(List.of(allocation.getProposalId()),
                        allocation.ownRisk()))
                .asConstraint(OWN_RISK);
    }

    /** λ × 2 σᵢⱼ nᵢ nⱼ per pair of traded orders (ordered by proposal id, each pair once). */
    Constraint pairRisk(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(LotAllocation::isRisky)
                .join(factory.forEach(LotAllocation.class).filter(LotAllocation::isRisky),
                        Joiners.lessThan(LotAllocation::getProposalId))
                .filter(LotAllocation::addsPairRiskWith)
                .impactLong(HardSoftLongScore.ONE_SOFT, (left, right) -> -ScoreUnits.softDouble(left.pairRisk(right)))
                .justifyWith((left, right, score) -> new RiskJustification(
                        List.of(left.getProposalId(), right.getProposalId()), left.pairRisk(right)))
                .asConstraint(PAIR_RISK);
    }

    /** Fees and expected slippage: cost rate × value per traded order. */
    Constraint tradingCosts(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.getCostRate().signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        allocation -> ScoreUnits.soft(allocation.tradingCost()))
                .justifyWith((allocation, score) -> new CostJustification(allocation.getProposalId(),
                        "fees and slippage", allocation.notional(), allocation.getCostRate()))
                .asConstraint(TRADING_COSTS);
    }

    /** A small penalty per unit of value traded, so that of two equally good allocations the smaller wins. */
    Constraint turnover(ConstraintFactory factory) {
        return factory.forEach(LotAllocation.class)
                .filter(allocation -> allocation.isTraded() && allocation.getTurnoverRate().signum() > 0)
                .penalizeLong(HardSoftLongScore.ONE_SOFT,
                        allocation -> ScoreUnits.soft(allocation.turnoverPenalty()))
                .justifyWith((allocation, score) -> new CostJustification(allocation.getProposalId(),
                        "turnover penalty", allocation.notional(), allocation.getTurnoverRate()))
                .asConstraint(TURNOVER);
    }

    private static String plainOf(BigDecimal value) {
        return dev.arbiter.kb.text.Figures.plain(value);
    }

    private static String percentOf(BigDecimal share) {
        return dev.arbiter.kb.text.Figures.plain(share.movePointRight(2)) + "%";
    }
}
