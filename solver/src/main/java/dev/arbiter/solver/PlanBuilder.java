package dev.arbiter.solver;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.solver.model.AllocationPlan;
import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import dev.arbiter.solver.model.MarginUtilisationLimit;
import dev.arbiter.solver.model.PortfolioTerms;
import dev.arbiter.solver.model.PositionQuantityLimit;
import dev.arbiter.solver.model.StressedLeverageLimit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns an {@link AllocationProblem} into what Timefold searches: planning entities and problem facts. */
final class PlanBuilder {

    private PlanBuilder() {
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(8, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    static GrossExposureLimit grossLimit(AllocationProblem problem) {
        return new GrossExposureLimit(problem.maxGrossExposure(), problem.currentGrossExposure());
    }

    /** The plan to score or search: the allocations with every limit the problem sets. */
    static AllocationPlan plan(AllocationProblem problem, List<LotAllocation> allocations) {
        return new AllocationPlan(allocations, grossLimit(problem), terms(problem), positionQuantityLimit(problem),
                stressedLeverageLimit(problem), marginUtilisationLimit(problem));
    }

    /** Null unless maxPositionQuantity is set. */
    static PositionQuantityLimit positionQuantityLimit(AllocationProblem problem) {
        BigDecimal max = problem.limits().maxPositionQuantity();
        if (max == null) {
            return null;
        }
        Map<String, BigDecimal> symbolToQuantity = new HashMap<>();
        problem.holdings().forEach(holding -> symbolToQuantity.put(holding.symbol(), holding.positionQuantity()));
        return new PositionQuantityLimit(max, symbolToQuantity);
    }

    /** Null unless maxLeverageStressed is set and a candidate's instrument is in a stressed regime. */
    static StressedLeverageLimit stressedLeverageLimit(AllocationProblem problem) {
        BigDecimal max = problem.limits().maxLeverageStressed();
        String stressedBy = problem.stressedBy();
        if (max == null || stressedBy.isEmpty()) {
            return null;
        }
        return new StressedLeverageLimit(max, max.multiply(problem.account().equity()), problem.currentGrossExposure(),
                stressedBy);
    }

    /** Null unless maxMarginUtilisation is set and the account reports its margin. */
    static MarginUtilisationLimit marginUtilisationLimit(AllocationProblem problem) {
        BigDecimal max = problem.limits().maxMarginUtilisation();
        AccountTerms account = problem.account();
        if (max == null || account == null || !account.reportsMargin()) {
            return null;
        }
        BigDecimal rate = problem.limits().marginRate() == null ? BigDecimal.ONE : problem.limits().marginRate();
        return new MarginUtilisationLimit(max, account.marginUsed(), account.marginCapacity(), rate);
    }

    /**
     * Every limit as money, and what the holdings already use of it. When the stressed leverage limit
     * applies, the ordinary leverage limit does not (it is left unset here).
     */
    static PortfolioTerms terms(AllocationProblem problem) {
        PortfolioLimits limits = problem.limits();
        AccountTerms account = problem.account();
        BigDecimal equity = account == null ? BigDecimal.ZERO : account.equity();
        BigDecimal maxLeverage = stressedLeverageLimit(problem) == null ? limits.maxLeverage() : null;
        BigDecimal net = BigDecimal.ZERO;
        Map<String, BigDecimal> symbolToExposure = new HashMap<>();
        Map<String, BigDecimal> clusterToExposure = new HashMap<>();
        Map<String, BigDecimal> sectorToExposure = new HashMap<>();
        Map<String, BigDecimal> venueToExposure = new HashMap<>();
        for (Holding holding : problem.holdings()) {
            net = net.add(holding.net());
            AllocationInstrument instrument = problem.instrument(holding.symbol());
            symbolToExposure.merge(holding.symbol(), holding.gross(), BigDecimal::add);
            clusterToExposure.merge(instrument.cluster(), holding.gross(), BigDecimal::add);
            if (instrument.sector() != null) {
                sectorToExposure.merge(instrument.sector(), holding.gross(), BigDecimal::add);
            }
            if (instrument.venue() != null) {
                venueToExposure.merge(instrument.venue(), holding.gross(), BigDecimal::add);
            }
        }
        Map<String, BigDecimal> clusterToMax = new HashMap<>();
        limits.maxClusterShare().forEach((cluster, share) -> clusterToMax.put(cluster, share.multiply(equity)));
        Map<String, BigDecimal> sectorToMax = new HashMap<>();
        limits.maxSectorShare().forEach((sector, share) -> sectorToMax.put(sector, share.multiply(equity)));
        return new PortfolioTerms(limits.maxNetExposure(), net,
                maxLeverage == null ? null : maxLeverage.multiply(equity), maxLeverage,
                problem.currentGrossExposure(), limits.marginRate(),
                account == null ? null : account.available(),
                limits.maxInstrumentShare() == null ? null : limits.maxInstrumentShare().multiply(equity),
                limits.maxInstrumentShare(), symbolToExposure, clusterToMax, limits.maxClusterShare(), clusterToExposure,
                sectorToMax, limits.maxSectorShare(), sectorToExposure, limits.maxVenueExposure(), venueToExposure);
    }

    /**
     * One allocation per candidate, in the candidates' order. Those whose cap allows no size but 0 are
     * sized 0 at once and kept out of the search: a one-value range leaves nothing to search.
     */
    static List<LotAllocation> allocations(AllocationProblem problem) {
        ObjectiveWeights weights = problem.objective();
        ReturnCovariance covariance = problem.covariance();
        double[][] matrix = covariance.toArray();
        Map<String, Integer> symbolToRow = covariance.index();
        double riskWeight = weights.riskAversion().signum() == 0 ? 0.0
                : weights.riskAversion().doubleValue() / (2.0 * problem.account().equity().doubleValue());
        double[] rowNet = new double[matrix.length];
        for (Holding holding : problem.holdings()) {
            Integer row = symbolToRow.get(holding.symbol());
            if (row != null) {
                rowNet[row] += holding.net().doubleValue();
            }
        }
        List<LotAllocation> allocations = new ArrayList<>(problem.candidates().size());
        BigDecimal marginRate = problem.limits().marginRate() == null ? BigDecimal.ONE : problem.limits().marginRate();
        for (AllocationCandidate candidate : problem.candidates()) {
            Proposal proposal = candidate.proposal();
            AllocationInstrument instrument = problem.instrument(proposal.symbol());
            int sign = proposal.side() == Side.BUY ? 1 : -1;
            // conviction and edge are doubles: taken at 8 decimals so the rate reads as the inputs were written
            BigDecimal expectedReturnRate = weights.returnPerConviction().multiply(decimal(proposal.conviction()))
                    .add(weights.predictionWeight().multiply(decimal(sign * candidate.predictedUpEdge())))
                    .stripTrailingZeros();
            Integer row = symbolToRow.get(proposal.symbol());
            double[] covarianceRow = row == null ? new double[0] : matrix[row];
            double loading = 0;
            if (row != null) {
                for (int j = 0; j < matrix.length; j++) {
                    loading += covarianceRow[j] * rowNet[j];
                }
            }
            LotAllocation allocation = new LotAllocation(proposal.proposalId(), proposal.symbol(), proposal.side(),
                    proposal.price(), proposal.conviction(), candidate.lotSize(), candidate.maxQuantity())
                    .withMarket(instrument.cluster(), instrument.sector(), instrument.minNotional(),
                            instrument.balanceShare(proposal.side(), marginRate))
                    .atVenue(instrument.venue())
                    .withObjective(expectedReturnRate, weights.costRate(), weights.turnoverPenalty(),
                            row == null ? 0.0 : riskWeight, row == null ? 0 : row, covarianceRow, loading);
            if (!allocation.isSizable()) {
                allocation.setLots(0);
            }
            allocations.add(allocation);
        }
        return allocations;
    }
}
