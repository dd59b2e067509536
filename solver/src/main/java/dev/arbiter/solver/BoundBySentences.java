package dev.arbiter.solver;

import static dev.arbiter.solver.model.Amounts.money;
import static dev.arbiter.solver.model.Amounts.plain;

import dev.arbiter.solver.model.GrossExposureLimit;
import dev.arbiter.solver.model.LotAllocation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what holds each order's size where it is, once the solver has chosen the sizes: one
 * sentence per binding constraint (the cap when the order is at it, the gross-exposure limit when one
 * more lot would break it), and otherwise an honest account of why neither binds.
 */
final class BoundBySentences {

    private BoundBySentences() {
    }

    /**
     * For a feasible allocation whose gross exposure, with every order, is {@code grossExposure}: the
     * cap when the order is at it, the gross-exposure limit when one more lot would break it (both
     * when both bind), or, when neither binds, why the size is what it is.
     */
    static List<String> feasible(LotAllocation allocation, List<String> capReasons, GrossExposureLimit limit,
                                 BigDecimal grossExposure) {
        List<String> sentences = new ArrayList<>(2);
        boolean atCap = allocation.lotsOrZero() >= allocation.getMaxLots();
        if (atCap) {
            sentences.add(atCap(allocation, capReasons));
        }
        BigDecimal grossWithOneMoreLot = grossExposure.add(allocation.lotNotional());
        boolean grossBinds = grossWithOneMoreLot.compareTo(limit.maxGrossExposure()) > 0;
        if (grossBinds && allocation.getMaxLots() > 0) {
            sentences.add(atCap
                    ? grossExposureBindsToo(allocation, limit, grossWithOneMoreLot)
                    : heldByGrossExposure(allocation, limit, grossExposure, grossWithOneMoreLot));
        }
        if (sentences.isEmpty()) {
            sentences.add(heldBySearch(allocation, limit, grossWithOneMoreLot));
        }
        return List.copyOf(sentences);
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
        String byReasons = capReasons.isEmpty() ? "" : " by " + String.join(" and ", capReasons);
        if (allocation.lotsOrZero() == 0) {
            if (cap.signum() == 0) {
                return "not traded: capped at 0" + byReasons;
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
                ? "capped at " + quantity.toPlainString() + ", the quantity proposed" + rounding
                : "capped at " + quantity.toPlainString() + byReasons + rounding;
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

    private static String grossExposureBindsToo(LotAllocation allocation, GrossExposureLimit limit,
                                                BigDecimal grossWithOneMoreLot) {
        return "gross exposure binds too: one more lot of " + plain(allocation.getLotSize()) + " would take it to "
                + money(grossWithOneMoreLot) + ", above the limit " + money(limit.maxGrossExposure());
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
