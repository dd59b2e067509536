package dev.arbiter.solver;

import static dev.arbiter.kb.text.Figures.money;
import static dev.arbiter.kb.text.Figures.plain;

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
import java.util.Locale;
import java.util.Map;

/**
 * Writes what holds each order's size where it is, once the solver has chosen the sizes: one
 * sentence per binding constraint (the cap when the order is at it; every portfolio limit that one more
 * lot would break), and otherwise what the objective says about one more lot.
 */
final class BoundBySentences {

    private final AllocationPlan plan;
    private final GrossExposureLimit limit;
    private final PortfolioTerms terms;
    private final BigDecimal ordersGross;
    private final BigDecimal ordersSigned;
    private final BigDecimal buys;
    private final BigDecimal needed;
    private final Map<String, BigDecimal> symbolToOrders = new HashMap<>();
    private final Map<String, BigDecimal> clusterToOrders = new HashMap<>();
    private final Map<String, BigDecimal> sectorToOrders = new HashMap<>();
    private final Map<String, BigDecimal> venueToOrders = new HashMap<>();
    private final Map<String, BigDecimal> symbolToSignedQuantity = new HashMap<>();

    BoundBySentences(AllocationPlan plan) {
        this.plan = plan;
        this.limit = plan.getGrossExposureLimit();
        this.terms = plan.getPortfolioTerms();
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal signed = BigDecimal.ZERO;
        BigDecimal buying = BigDecimal.ZERO;
        BigDecimal taking = BigDecimal.ZERO;
        for (LotAllocation allocation : plan.getAllocations()) {
            if (!allocation.isTraded()) {
                continue;
            }
            gross = gross.add(allocation.notional());
            signed = signed.add(allocation.signedNotional());
            if (allocation.sign() > 0) {
                buying = buying.add(allocation.notional());
            }
            taking = taking.add(allocation.balanceNeeded());
            symbolToOrders.merge(allocation.getSymbol(), allocation.notional(), BigDecimal::add);
            symbolToSignedQuantity.merge(allocation.getSymbol(), allocation.signedQuantity(), BigDecimal::add);
            clusterToOrders.merge(allocation.getCluster(), allocation.notional(), BigDecimal::add);
            if (allocation.getSector() != null) {
                sectorToOrders.merge(allocation.getSector(), allocation.notional(), BigDecimal::add);
            }
            if (allocation.getVenue() != null) {
                venueToOrders.merge(allocation.getVenue(), allocation.notional(), BigDecimal::add);
            }
        }
        this.ordersGross = gross;
        this.ordersSigned = signed;
        this.buys = buying;
        this.needed = taking;
    }

    /** A limit one more step would break: its name, the amount it would reach, and the cap in words. */
    private record Breach(String what, BigDecimal reached, String cap, boolean usedUp) {
    }

    /**
     * For a feasible allocation: the cap when the order is at it, every limit one more step (one lot,
     * or the minimum order when not traded) would break, or, when none binds, what the objective says.
     */
    List<String> feasible(LotAllocation allocation, List<String> capReasons) {
        List<String> sentences = new ArrayList<>(2);
        int lots = allocation.lotsOrZero();
        int step = lots == 0 ? allocation.getMinLots() : 1;
        boolean atCap = (long) lots + step > allocation.getMaxLots();
        if (atCap) {
            sentences.add(atCap(allocation, capReasons));
        }
        if (allocation.getMaxLots() > 0) {
            BigDecimal stepNotional = allocation.lotNotional().multiply(BigDecimal.valueOf(step));
            for (Breach breach : breaches(allocation, stepNotional)) {
                sentences.add(sentence(allocation, breach, atCap, step));
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(heldByObjective(allocation));
        }
        return List.copyOf(sentences);
    }

    private List<Breach> breaches(LotAllocation allocation, BigDecimal step) {
        List<Breach> breaches = new ArrayList<>();
        BigDecimal grossNow = limit.grossWith(ordersGross);
        BigDecimal grossNext = grossNow.add(step);
        if (grossNext.compareTo(limit.maxGrossExposure()) > 0) {
            breaches.add(new Breach("gross exposure", grossNext, "the limit " + money(limit.maxGrossExposure()),
                    grossNow.compareTo(limit.maxGrossExposure()) >= 0));
        }
        BigDecimal signedStep = allocation.sign() > 0 ? step : step.negate();
        if (terms.netExcess(ordersSigned.add(signedStep)).signum() > 0) {
            breaches.add(new Breach("net exposure", terms.currentNetExposure().add(ordersSigned).add(signedStep).abs(),
                    "the limit " + money(terms.maxNetExposure()), false));
        }
        if (terms.leverageExcess(ordersGross.add(step)).signum() > 0) {
            breaches.add(new Breach("gross exposure for leverage", grossNext, "the limit "
                    + money(terms.maxLeveragedExposure()) + " (leverage " + plain(terms.maxLeverage()) + "x equity)",
                    false));
        }
        BigDecimal neededNext = needed.add(step.multiply(allocation.getBalanceShare()));
        if (allocation.takesBalance() && terms.balanceExcess(neededNext).signum() > 0) {
            breaches.add(new Breach("balance needed by orders", neededNext,
                    "the free balance less open orders " + money(terms.availableBalance()), false));
        }
        String symbol = allocation.getSymbol();
        BigDecimal symbolNext = symbolToOrders.getOrDefault(symbol, BigDecimal.ZERO).add(step);
        if (terms.instrumentExcess(symbol, symbolNext).signum() > 0) {
            breaches.add(new Breach("instrument " + symbol + " exposure",
                    terms.symbolToExposure().getOrDefault(symbol, BigDecimal.ZERO).add(symbolNext),
                    "its cap " + money(terms.maxInstrumentExposure()) + " (" + percent(terms.maxInstrumentShare())
                            + " of equity)", false));
        }
        String cluster = allocation.getCluster();
        BigDecimal clusterNext = clusterToOrders.getOrDefault(cluster, BigDecimal.ZERO).add(step);
        if (terms.clusterExcess(cluster, clusterNext).signum() > 0) {
            breaches.add(new Breach("cluster " + cluster + " exposure",
                    terms.clusterToExposure().getOrDefault(cluster, BigDecimal.ZERO).add(clusterNext),
                    "its cap " + money(terms.clusterToMaxExposure().get(cluster)) + " ("
                            + percent(terms.clusterToMaxShare().get(cluster)) + " of equity)", false));
        }
        String sector = allocation.getSector();
        if (sector != null) {
            BigDecimal sectorNext = sectorToOrders.getOrDefault(sector, BigDecimal.ZERO).add(step);
            if (terms.sectorExcess(sector, sectorNext).signum() > 0) {
                breaches.add(new Breach("sector " + sector + " exposure",
                        terms.sectorToExposure().getOrDefault(sector, BigDecimal.ZERO).add(sectorNext),
                        "its cap " + money(terms.sectorToMaxExposure().get(sector)) + " ("
                                + percent(terms.sectorToMaxShare().get(sector)) + " of equity)", false));
            }
        }
        String venue = allocation.getVenue();
        if (venue != null) {
            BigDecimal venueNext = venueToOrders.getOrDefault(venue, BigDecimal.ZERO).add(step);
            if (terms.venueExcess(venue, venueNext).signum() > 0) {
                breaches.add(new Breach("venue " + venue + " exposure",
                        terms.venueToExposure().getOrDefault(venue, BigDecimal.ZERO).add(venueNext),
                        "its cap " + money(terms.maxVenueExposure()) + " (max-venue-exposure)", false));
            }
        }
        breaches.addAll(optionalBreaches(allocation, step));
        return breaches;
    }

    /** The position-quantity, stressed-leverage and margin-utilisation limits, where the problem sets them. */
    private List<Breach> optionalBreaches(LotAllocation allocation, BigDecimal step) {
        List<Breach> breaches = new ArrayList<>();
        PositionQuantityLimit position = plan.getPositionQuantityLimit();
        if (position != null) {
            String symbol = allocation.getSymbol();
            BigDecimal stepQuantity = step.divide(allocation.getPrice(), java.math.MathContext.DECIMAL128)
                    .stripTrailingZeros();
            BigDecimal signedNext = symbolToSignedQuantity.getOrDefault(symbol, BigDecimal.ZERO)
                    .add(allocation.sign() > 0 ? stepQuantity : stepQuantity.negate());
            if (position.excess(symbol, signedNext).signum() > 0) {
                breaches.add(new Breach("position in " + symbol, null, plain(position.positionAfter(symbol, signedNext))
                        + " units, above the position-quantity limit " + plain(position.maxPositionQuantity()), false));
            }
        }
        StressedLeverageLimit stressed = plan.getStressedLeverageLimit();
        if (stressed != null && stressed.excess(ordersGross.add(step)).signum() > 0) {
            breaches.add(new Breach("gross exposure for stressed leverage", limit.grossWith(ordersGross).add(step),
                    "the limit " + money(stressed.maxLeveragedExposure()) + " (stressed leverage "
                            + plain(stressed.maxLeverageStressed()) + "x equity: " + stressed.stressedBy() + ")", false));
        }
        MarginUtilisationLimit margin = plan.getMarginUtilisationLimit();
        if (margin != null && allocation.sign() > 0 && margin.excess(buys.add(step)).signum() > 0) {
            breaches.add(new Breach("margin used", margin.usedWith(buys.add(step)), "the limit "
                    + money(margin.maxUsed()) + " (" + percent(margin.maxMarginUtilisation()) + " of capacity "
                    + money(margin.capacity()) + ")", false));
        }
        return breaches;
    }

    private static String sentence(LotAllocation allocation, Breach breach, boolean atCap, int step) {
        String lot = plain(allocation.getLotSize());
        if (breach.reached() == null) {
            // a quantity, not money: the cap text carries the amount reached and the limit
            String first = atCap ? breach.what() + " binds too: one more lot of " + lot
                    : allocation.lotsOrZero() > 0 ? "held at " + plain(allocation.quantity()) + ": one more lot of " + lot
                    : "not traded: " + (step == 1 ? "one lot of " + lot : step + " lots of " + lot);
            return first + " would take " + (atCap ? "it" : breach.what()) + " to " + breach.cap();
        }
        String above = ", above " + breach.cap();
        if (atCap) {
            return breach.what() + " binds too: one more lot of " + lot + " would take it to " + money(breach.reached())
                    + above;
        }
        if (allocation.lotsOrZero() > 0) {
            return "held at " + plain(allocation.quantity()) + ": one more lot of " + lot + " would take "
                    + breach.what() + " to " + money(breach.reached()) + above;
        }
        if (breach.usedUp()) {
            return "not traded: " + breach.what() + " is used up (" + money(breach.reached()
                    .subtract(allocation.lotNotional().multiply(BigDecimal.valueOf(step)))) + " of " + breach.cap() + ")";
        }
        String first = step == 1
                ? "one lot of " + lot
                : "the smallest order the venue accepts, " + step + " lots of " + lot;
        return "not traded: " + first + " would take " + breach.what() + " to " + money(breach.reached()) + above;
    }

    /** For an allocation the solver could not make feasible: every order is sized 0. */
    static List<String> infeasible(String reason) {
        return List.of("not traded: " + reason);
    }

    /** Why nothing may trade, from the limits the account already breaks before any order. */
    static String infeasibleReason(AllocationPlan plan) {
        GrossExposureLimit limit = plan.getGrossExposureLimit();
        PortfolioTerms terms = plan.getPortfolioTerms();
        StressedLeverageLimit stressed = plan.getStressedLeverageLimit();
        List<String> reasons = new ArrayList<>();
        if (limit.currentGrossExposure().compareTo(limit.maxGrossExposure()) > 0) {
            reasons.add("existing gross exposure " + money(limit.currentGrossExposure()) + " already exceeds the limit "
                    + money(limit.maxGrossExposure()));
        }
        if (terms.leverageExcess(BigDecimal.ZERO).signum() > 0) {
            reasons.add("existing gross exposure " + money(terms.currentGrossExposure()) + " already exceeds the "
                    + "leverage limit " + money(terms.maxLeveragedExposure()) + " (" + plain(terms.maxLeverage())
                    + "x equity)");
        }
        if (stressed != null && stressed.excess(BigDecimal.ZERO).signum() > 0) {
            reasons.add("existing gross exposure " + money(stressed.currentGrossExposure()) + " already exceeds the "
                    + "stressed leverage limit " + money(stressed.maxLeveragedExposure()) + " ("
                    + plain(stressed.maxLeverageStressed()) + "x equity: " + stressed.stressedBy() + ")");
        }
        return reasons.isEmpty() ? "no allocation meets every hard limit" : String.join("; ", reasons);
    }

    private static String atCap(LotAllocation allocation, List<String> capReasons) {
        BigDecimal cap = allocation.getMaxQuantity();
        String lot = plain(allocation.getLotSize());
        String byReasons = capReasons.isEmpty() ? "" : " by " + String.join(" and ", capReasons);
        if (allocation.lotsOrZero() == 0) {
            if (cap.signum() == 0) {
                return "not traded: capped at 0" + byReasons;
            }
            if (allocation.getMaxLots() > 0) {
                BigDecimal minimum = allocation.lotNotional().multiply(BigDecimal.valueOf(allocation.getMinLots()));
                return "not traded: " + (capReasons.isEmpty() ? "the quantity proposed, " + plain(cap) + ","
                        : "the cap " + plain(cap) + " set" + byReasons) + " is worth less than the venue's minimum "
                        + "order of " + money(minimum) + " (" + allocation.getMinLots() + " lots of " + lot + ")";
            }
            return capReasons.isEmpty()
                    ? "not traded: the quantity proposed, " + plain(cap) + ", is below one lot of " + lot
                    : "not traded: the cap " + plain(cap) + " set" + byReasons + " is below one lot of " + lot;
        }
        BigDecimal quantity = allocation.quantity();
        String rounding = quantity.compareTo(cap) == 0
                ? ""
                : " (" + plain(cap) + " rounded down to whole lots of " + lot + ")";
        return capReasons.isEmpty()
                ? "capped at " + plain(quantity) + ", the quantity proposed" + rounding
                : "capped at " + plain(quantity) + byReasons + rounding;
    }

    /**
     * No limit binds: the objective holds the size. One more lot (or the minimum order) would change the
     * objective by its expected return less its costs and the risk it adds; when that is not positive the
     * objective is why the order stops here.
     */
    private String heldByObjective(LotAllocation allocation) {
        int lots = allocation.lotsOrZero();
        int step = lots == 0 ? allocation.getMinLots() : 1;
        String size = lots > 0 ? "held at " + plain(allocation.quantity()) : "not traded";
        BigDecimal stepNotional = allocation.lotNotional().multiply(BigDecimal.valueOf(step));
        BigDecimal gain = allocation.getExpectedReturnRate().multiply(stepNotional);
        BigDecimal costs = allocation.getCostRate().add(allocation.getTurnoverRate()).multiply(stepNotional);
        double risk = marginalRisk(allocation, stepNotional.doubleValue() * allocation.sign());
        double change = gain.subtract(costs).doubleValue() - risk;
        if (gain.signum() == 0 && costs.signum() == 0 && risk == 0) {
            return size + ": at " + (allocation.getConviction().signum() == 0 ? "conviction 0" : "expected return 0")
                    + " the order adds nothing to the objective, so no limit decides its size";
        }
        String more = lots > 0 ? "one more lot of " + plain(allocation.getLotSize()) : "the first "
                + (step == 1 ? "lot of " + plain(allocation.getLotSize()) : step + " lots");
        String terms = "expected return " + money(gain.setScale(4, java.math.RoundingMode.HALF_EVEN)) + ", costs "
                + money(costs.setScale(4, java.math.RoundingMode.HALF_EVEN)) + ", risk penalty "
                + String.format(Locale.ROOT, "%.4f", risk);
        if (change <= 0) {
            return size + " by the objective: " + more + " would change it by "
                    + String.format(Locale.ROOT, "%.4f", change) + " (" + terms + ")";
        }
        return size + " by the solver's search: " + more + " would still fit every limit and add "
                + String.format(Locale.ROOT, "%.4f", change) + " (" + terms + ") but the search stopped before taking it";
    }

    /** λ × the variance one more step of signed value {@code delta} adds, with the orders and holdings as they are. */
    private double marginalRisk(LotAllocation allocation, double delta) {
        double lambda = allocation.getRiskWeight();
        if (lambda == 0) {
            return 0;
        }
        double n = allocation.signedNotional().doubleValue();
        double variance = allocation.ownVariance();
        double loading = allocation.getHoldingsLoading();
        double own = lambda * (variance * ((n + delta) * (n + delta) - n * n) + 2 * delta * loading);
        double pairs = 0;
        for (LotAllocation other : plan.getAllocations()) {
            if (other != allocation && other.isRisky()) {
                pairs += lambda * 2 * allocation.covarianceWith(other) * delta * other.signedNotional().doubleValue();
            }
        }
        return own + pairs;
    }

    private static String percent(BigDecimal share) {
        return plain(share.movePointRight(2)) + "%";
    }
}
