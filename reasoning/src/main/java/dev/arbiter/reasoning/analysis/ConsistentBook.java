package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.Context;
import com.microsoft.z3.RealSort;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What makes the symbolic facts a book the engine could measure, not arbitrary field values: the relations the
 * margin model ({@code dev.arbiter.kb.margin}) guarantees between them. Each is a named assumption, so a proof that
 * needs one says so, and every counterexample is a consistent book.
 */
final class ConsistentBook {

    private ConsistentBook() {
    }

    static void assume(SymbolicFacts facts, Context z3, Map<String, BoolExpr> assumptions) {
        ArithExpr<RealSort> zero = facts.real(BigDecimal.ZERO);
        ArithExpr<RealSort> quantity = facts.number("Exposure", "positionQuantity");
        ArithExpr<RealSort> mark = facts.number("Exposure", "markPrice");
        ArithExpr<RealSort> held = facts.number("Exposure", "positionNotional");
        ArithExpr<RealSort> heldGross = facts.number("Exposure", "grossExposure");
        ArithExpr<RealSort> gross = facts.number("Portfolio", "grossExposure");
        ArithExpr<RealSort> net = facts.number("Portfolio", "netExposure");
        ArithExpr<RealSort> cluster = facts.number("ClusterExposure", "grossExposure");
        ArithExpr<RealSort> venue = facts.number("VenueExposure", "grossExposure");
        ArithExpr<RealSort> equity = facts.number("Account", "equity");
        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> size = (ArithExpr<RealSort>) z3.mkITE(z3.mkLt(quantity, zero), z3.mkUnaryMinus(quantity),
                quantity);

        assumptions.put("book: equity > 0", z3.mkGt(equity, zero));
        Value.EnumValue kind = (Value.EnumValue) facts.field("Instrument", "kind");
        assumptions.put("book: a spot instrument's leverage is 1",
                z3.mkImplies(z3.mkEq(kind.expr(), z3.mkInt(dev.arbiter.kb.fact.InstrumentKind.SPOT.ordinal())),
                        z3.mkEq(facts.number("Instrument", "leverage"), facts.real(BigDecimal.ONE))));
        assumptions.put("book: Exposure.positionNotional = |positionQuantity| x markPrice",
                z3.mkEq(held, z3.mkMul(size, mark)));
        assumptions.put("book: the portfolio holds the instrument (Portfolio.grossExposure >= Exposure.grossExposure)",
                z3.mkGe(gross, heldGross));
        assumptions.put("book: the cluster holds the instrument (ClusterExposure.grossExposure >= Exposure.grossExposure)",
                z3.mkGe(cluster, heldGross));
        assumptions.put("book: the portfolio holds the cluster (Portfolio.grossExposure >= ClusterExposure.grossExposure)",
                z3.mkGe(gross, cluster));
        assumptions.put("book: the venue holds the instrument (VenueExposure.grossExposure >= Exposure.grossExposure)",
                z3.mkGe(venue, heldGross));
        assumptions.put("book: the portfolio holds the venue (Portfolio.grossExposure >= VenueExposure.grossExposure)",
                z3.mkGe(gross, venue));
        assumptions.put("book: |Portfolio.netExposure| <= Portfolio.grossExposure",
                z3.mkAnd(z3.mkLe(net, gross), z3.mkGe(net, z3.mkUnaryMinus(gross))));
        assumptions.put("book: Portfolio.maintenanceMargin >= Exposure.maintenanceMargin",
                z3.mkGe(facts.number("Portfolio", "maintenanceMargin"), facts.number("Exposure", "maintenanceMargin")));
        assumptions.put("book: Portfolio.initialMargin >= Exposure.initialMargin",
                z3.mkGe(facts.number("Portfolio", "initialMargin"), facts.number("Exposure", "initialMargin")));
        assumptions.put("book: Portfolio.marginRatio x equity = Portfolio.maintenanceMargin",
                z3.mkEq(z3.mkMul(facts.number("Portfolio", "marginRatio"), equity),
                        facts.number("Portfolio", "maintenanceMargin")));
        // a position that can be liquidated is on the losing side of its liquidation price, at the distance stated
        BoolExpr liquidatable = ((Value.Num) facts.field("Exposure", "liquidationPrice")).given();
        ArithExpr<RealSort> liquidation = facts.number("Exposure", "liquidationPrice");
        ArithExpr<RealSort> distance = facts.number("Exposure", "liquidationDistance");
        @SuppressWarnings("unchecked")
        ArithExpr<RealSort> gap = (ArithExpr<RealSort>) z3.mkITE(z3.mkGt(quantity, zero), z3.mkSub(mark, liquidation),
                z3.mkSub(liquidation, mark));
        assumptions.put("book: a liquidation price lies on the losing side, distance = |mark - price| / mark",
                z3.mkImplies(liquidatable, z3.mkAnd(z3.mkNot(z3.mkEq(quantity, zero)), z3.mkGe(gap, zero),
                        z3.mkEq(z3.mkMul(distance, mark), gap))));
    }
}
