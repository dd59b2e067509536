package dev.arbiter.solver;

import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What to allocate, and everything the allocation is measured against. Validated as a whole: a problem
 * that refers to an instrument it does not describe, to a cluster no limit caps, or whose covariance is
 * not one, cannot be constructed, and the error names the field, the value and what is accepted. The
 * JSON form is documented in {@code docs/allocation.md}.
 *
 * @param candidates           in the order the allocation reports them; proposal ids unique
 * @param instruments          one per symbol a candidate or a holding trades; may be empty only when no
 *                             portfolio limit needs clusters, sectors or minimum notionals (then every
 *                             candidate's instrument is taken as cluster {@code all}, minimum notional 0)
 * @param holdings             what the account already carries, one per symbol at most
 * @param currentGrossExposure exposure already carried, &ge; the holdings' gross (the rest is exposure
 *                             not broken down by instrument)
 * @param account              equity and balance, required when a limit reads them
 * @param limits               the hard limits
 * @param objective            the soft objective's weights
 * @param covariance           covariance of the instruments' returns over the horizon; must cover every
 *                             candidate's symbol when the objective weighs risk
 * @param stressedRegimes      symbol → the stressed regime it is in ({@code HIGH_VOLATILITY}, {@code CRISIS});
 *                             when a candidate's symbol is here, {@link PortfolioLimits#maxLeverageStressed()}
 *                             replaces {@code maxLeverage} for the whole portfolio; absent = calm
 */
public record AllocationProblem(List<AllocationCandidate> candidates, List<AllocationInstrument> instruments,
                                List<Holding> holdings, BigDecimal currentGrossExposure, AccountTerms account,
                                PortfolioLimits limits, ObjectiveWeights objective, ReturnCovariance covariance,
                                Map<String, String> stressedRegimes) {

    private static final String FACT = "AllocationProblem";
    /** The cluster of every instrument when a problem describes none. */
    public static final String DEFAULT_CLUSTER = "all";

    public AllocationProblem {
        present(FACT, "candidates", candidates);
        instruments = instruments == null ? List.of() : List.copyOf(nonNull("instruments", instruments));
        holdings = holdings == null ? List.of() : List.copyOf(nonNull("holdings", holdings));
        present(FACT, "limits", limits);
        objective = objective == null ? ObjectiveWeights.convictionOnly() : objective;
        covariance = covariance == null ? ReturnCovariance.none() : covariance;
        stressedRegimes = stressedRegimes(stressedRegimes);
        Map<String, Integer> proposalIdToIndex = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            AllocationCandidate candidate = candidates.get(i);
            if (candidate == null) {
                throw new InvalidFactException(FACT, "candidates[" + i + "]", null, "a candidate (the list holds no nulls)");
            }
            String proposalId = candidate.proposal().proposalId();
            Integer earlier = proposalIdToIndex.putIfAbsent(proposalId, i);
            if (earlier != null) {
                throw new InvalidFactException(FACT, "candidates[" + i + "].proposal.proposalId", proposalId,
                        "a proposal id no earlier candidate uses (candidates[" + earlier + "] does); "
                                + "at most one candidate per proposal");
            }
        }
        candidates = List.copyOf(candidates);
        nonNegative(FACT, "currentGrossExposure", currentGrossExposure);

        Map<String, AllocationInstrument> bySymbol = new HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            AllocationInstrument instrument = instruments.get(i);
            if (bySymbol.putIfAbsent(instrument.symbol(), instrument) != null) {
                throw new InvalidFactException(FACT, "instruments[" + i + "].symbol", instrument.symbol(),
                        "each instrument once");
            }
            if (!limits.maxClusterShare().isEmpty() && !limits.maxClusterShare().containsKey(instrument.cluster())) {
                throw new InvalidFactException(FACT, "instruments[" + i + "].cluster", instrument.cluster(),
                        "a cluster the limits cap: one of " + limits.maxClusterShare().keySet()
                                + " (limits.maxClusterShare)");
            }
        }
        if (!instruments.isEmpty()) {
            for (int i = 0; i < candidates.size(); i++) {
                requireDescribed("candidates[" + i + "].proposal.symbol", candidates.get(i).proposal().symbol(), bySymbol);
            }
        }
        BigDecimal holdingsGross = BigDecimal.ZERO;
        java.util.Set<String> held = new java.util.HashSet<>();
        for (int i = 0; i < holdings.size(); i++) {
            Holding holding = holdings.get(i);
            if (!held.add(holding.symbol())) {
                throw new InvalidFactException(FACT, "holdings[" + i + "].symbol", holding.symbol(), "each symbol once");
            }
            if (!instruments.isEmpty()) {
                requireDescribed("holdings[" + i + "].symbol", holding.symbol(), bySymbol);
            }
            if (limits.maxPositionQuantity() != null && holding.positionQuantity() == null) {
                throw new InvalidFactException(FACT, "holdings[" + i + "].positionQuantity", null,
                        "the signed position quantity: limits.maxPositionQuantity is set");
            }
            holdingsGross = holdingsGross.add(holding.gross());
        }
        if (currentGrossExposure.compareTo(holdingsGross) < 0) {
            throw new InvalidFactException(FACT, "currentGrossExposure", currentGrossExposure,
                    "a number >= the holdings' gross exposure " + holdingsGross.toPlainString()
                            + " (Σ |position| + open orders)");
        }
        boolean needsBreakdown = limits.maxInstrumentShare() != null || !limits.maxClusterShare().isEmpty()
                || !limits.maxSectorShare().isEmpty();
        if (needsBreakdown && instruments.isEmpty() && !candidates.isEmpty()) {
            throw new InvalidFactException(FACT, "instruments", "[]",
                    "one instrument per candidate symbol (cluster, sector, minNotional): an instrument, cluster "
                            + "or sector limit is set");
        }
        if (limits.needsEquity() || objective.riskAversion().signum() > 0) {
            if (account == null) {
                throw new InvalidFactException(FACT, "account", null,
                        "the account's equity and balance: a leverage or share limit, or a risk aversion > 0, reads them");
            }
        }
        if (limits.marginRate() != null && account == null) {
            throw new InvalidFactException(FACT, "account", null, "the account's free balance: limits.marginRate is set");
        }
        if (objective.riskAversion().signum() > 0) {
            if (account.equity().signum() <= 0) {
                throw new InvalidFactException(FACT, "account.equity", account.equity(),
                        "a number > 0 when objective.riskAversion > 0 (risk is weighed per unit of equity)");
            }
            java.util.Set<String> covered = new TreeSet<>(covariance.symbols());
            for (int i = 0; i < candidates.size(); i++) {
                String symbol = candidates.get(i).proposal().symbol();
                if (!covered.contains(symbol)) {
                    throw new InvalidFactException(FACT, "candidates[" + i + "].proposal.symbol", symbol,
                            "a symbol the covariance covers " + covered + " (objective.riskAversion > 0)");
                }
            }
        }
    }

    /** A problem in a calm market: no instrument in a stressed regime. */
    public AllocationProblem(List<AllocationCandidate> candidates, List<AllocationInstrument> instruments,
                             List<Holding> holdings, BigDecimal currentGrossExposure, AccountTerms account,
                             PortfolioLimits limits, ObjectiveWeights objective, ReturnCovariance covariance) {
        this(candidates, instruments, holdings, currentGrossExposure, account, limits, objective, covariance, Map.of());
    }

    private static Map<String, String> stressedRegimes(Map<String, String> symbolToRegime) {
        if (symbolToRegime == null) {
            return Map.of();
        }
        Map<String, String> copy = new java.util.TreeMap<>();
        symbolToRegime.forEach((symbol, regime) -> {
            present(FACT, "stressedRegimes", symbol);
            if (regime == null || regime.isBlank()) {
                throw new InvalidFactException(FACT, "stressedRegimes." + symbol, regime,
                        "the stressed regime's name, e.g. HIGH_VOLATILITY or CRISIS");
            }
            copy.put(symbol, regime);
        });
        return java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Why the market counts as stressed for this problem: every candidate symbol in a stressed regime,
     * e.g. {@code "BTC-USD in HIGH_VOLATILITY"}; empty when calm.
     */
    public String stressedBy() {
        java.util.Set<String> parts = new java.util.LinkedHashSet<>();
        for (AllocationCandidate candidate : candidates) {
            String symbol = candidate.proposal().symbol();
            String regime = stressedRegimes.get(symbol);
            if (regime != null) {
                parts.add(symbol + " in " + regime);
            }
        }
        return String.join(", ", parts);
    }

    /** Only a gross-exposure limit and conviction-weighted notional: the original allocation problem. */
    public AllocationProblem(List<AllocationCandidate> candidates, BigDecimal maxGrossExposure,
                             BigDecimal currentGrossExposure) {
        this(candidates, List.of(), List.of(), currentGrossExposure, null,
                PortfolioLimits.grossOnly(maxGrossExposure), ObjectiveWeights.convictionOnly(), ReturnCovariance.none());
    }

    private static <T> List<T> nonNull(String field, List<T> list) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new InvalidFactException(FACT, field + "[" + i + "]", null, "a value (the list holds no nulls)");
            }
        }
        return list;
    }

    private static void requireDescribed(String field, String symbol, Map<String, AllocationInstrument> bySymbol) {
        if (!bySymbol.containsKey(symbol)) {
            throw new InvalidFactException(FACT, field, symbol,
                    "a symbol listed in instruments " + new TreeSet<>(bySymbol.keySet()));
        }
    }

    /** The same book and limits with other candidates: what-if sizing of one order. */
    public AllocationProblem withCandidates(List<AllocationCandidate> others) {
        return new AllocationProblem(others, instruments, holdings, currentGrossExposure, account, limits, objective,
                covariance, stressedRegimes);
    }

    /** The gross-exposure limit. */
    public BigDecimal maxGrossExposure() {
        return limits.maxGrossExposure();
    }

    /** The instrument of a symbol, or the default description (cluster {@code all}, min notional 0). */
    public AllocationInstrument instrument(String symbol) {
        return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseGet(() -> new AllocationInstrument(symbol, DEFAULT_CLUSTER, null, BigDecimal.ZERO));
    }
}
