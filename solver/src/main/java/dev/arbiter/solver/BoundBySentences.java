package dev.arbiter.solver;

import static dev.arbiter.solver.model.Amounts.money;
import static dev.arbiter.solver.model.Amounts.plain;

import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.List;

/**
 * Writes what holds each order's size where it is, once the solver has chosen the sizes: the cap
 * when the order is at it, the gross-exposure limit when one more lot would break it, and otherwise
 * an honest account that neither limit binds.
 */
final class BoundBySentences {

    private BoundBySentences() {
    }

    /** For a feasible allocation whose gross exposure, with every order, is {@code grossExposure}. */
    static List<String> feasible(LotAllocation allocation, List<String> capReasons, GrossExposureLimit limit,
                                 BigDecimal grossExposure) {
        int lots = allocation.lotsOrZero();
        if (lots >= allocation.getMaxLots()) {
            return List.of(atCap(allocation, capReasons));
        }
        BigDecimal grossWithOneMoreLot = grossExposure.add(allocation.lotNotional());
        if (grossWithOneMoreLot.compareTo(limit.maxGrossExposure()) > 0) {
            return List.of(heldByGrossExposure(allocation, limit, grossExposure, grossWithOneMoreLot));
        }
        return List.of(heldBySearch(allocation, limit, grossWithOneMoreLot));
    }

    /** For an allocation the solver could not make feasible: every order is sized 0. */
    static List<String> infeasible(GrossExposureLimit limit) {
        return List.of("not traded: " + infeasibleReason(limit));
    }

    static String infeasibleReason(GrossExposureLimit limit) {
        if (limit.currentGrossExposure().compareTo(limit.maxGrossExposure()) > 0) {
            return "existing gross exposure " + money(limit.currentGrossExposure()) + " already exceeds the limit "
                    + money(limit.maxGrossExposure());
        }
        return "no allocation meets every hard limit";
    }

    private static String atCap(LotAllocation allocation, List<String> capReasons) {
        BigDecimal cap = allocation.getMaxQuantity();
        String lot = plain(allocation.getLotSize());
        String setBy = capReasons.isEmpty() ? "" : " set by " + String.join(" and ", capReasons);
        if (allocation.lotsOrZero() == 0) {
            if (cap.signum() == 0) {
                return "not traded: capped at 0" + setBy.replace(" set by ", " by ");
            }
            return capReasons.isEmpty()
                    ? "not traded: the quantity proposed, " + plain(cap) + ", is below one lot of " + lot
                    : "not traded: the cap " + plain(cap) + setBy + " is below one lot of " + lot;
        }
        BigDecimal quantity = allocation.quantity();
        String rounding = quantity.compareTo(cap) == 0
                ? ""
                : " (" + plain(cap) + " rounded down to whole lots of " + lot + ")";
        return capReasons.isEmpty()
                ? "capped at " + quantity.toPlainString() + ", the quantity proposed" + rounding
                : "capped at " + quantity.toPlainString() + " by " + String.join(" and ", capReasons) + rounding;
    }

    private static String heldByGrossExposure(LotAllocation allocation, GrossExposureLimit limit,
                                              BigDecimal grossExposure, BigDecimal grossWithOneMoreLot) {
        String lot = plain(allocation.getLotSize());
        String limitText = "above the limit " + money(limit.maxGrossExposure());
        if (allocation.lotsOrZero() > 0) {
            return "held at " + allocation.quantity().toPlainString() + ": one more lot of " + lot
                    + " would take gross exposure to " + money(grossWithOneMoreLot) + ", " + limitText;
        }
        if (grossExposure.compareTo(limit.maxGrossExposure()) >= 0) {
            return "not traded: gross exposure is used up (" + money(grossExposure) + " of the limit "
                    + money(limit.maxGrossExposure()) + ")";
        }
        return "not traded: one lot of " + lot + " would take gross exposure to " + money(grossWithOneMoreLot)
                + ", " + limitText;
    }

    private static String heldBySearch(LotAllocation allocation, GrossExposureLimit limit,
                                       BigDecimal grossWithOneMoreLot) {
        String size = allocation.lotsOrZero() > 0
                ? "held at " + allocation.quantity().toPlainString()
                : "not traded";
        if (allocation.getConviction().signum() == 0) {
            return size + ": at conviction 0 the order adds nothing to the objective, so no limit decides its size";
        }
        return size + " by the solver's search: one more lot of " + plain(allocation.getLotSize())
                + " would still fit (gross exposure " + money(grossWithOneMoreLot) + " of the limit "
                + money(limit.maxGrossExposure()) + ") but the search stopped before taking it";
    }
}
