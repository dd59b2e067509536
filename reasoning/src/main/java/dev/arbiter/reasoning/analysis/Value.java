package dev.arbiter.reasoning.analysis;

import com.microsoft.z3.ArithExpr;
import com.microsoft.z3.BoolExpr;
import com.microsoft.z3.IntExpr;
import com.microsoft.z3.RealSort;

/** What a DRL expression stands for once translated: a number, a truth value, an enum value, text or a fact. */
sealed interface Value {

    /**
     * A number; every number is a real in the analysis (whole-number fields are constrained to be whole).
     *
     * @param given for a field a fact may leave null (a liquidation price), whether it is given; null otherwise
     */
    record Num(ArithExpr<RealSort> expr, BoolExpr given) implements Value {

        Num(ArithExpr<RealSort> expr) {
            this(expr, null);
        }
    }

    /** The literal {@code null}: only compared with a field a fact may leave null. */
    record Null() implements Value {
    }

    record Truth(BoolExpr expr) implements Value {
    }

    /** An enum value, as the index of its constant in {@code type}. */
    record EnumValue(Class<? extends Enum<?>> type, IntExpr expr) implements Value {
    }

    /**
     * Text the analysis does not model (identifiers, names, times). Only identifier joins
     * ({@code accountId == $accountId}) are understood; see {@link SymbolicFacts}.
     *
     * @param identifier whether this is one of the identifiers the analysis takes to match
     */
    record Text(String what, boolean identifier, String literal) implements Value {
    }

    /** A fact bound to a pattern variable ({@code $p : Proposal(...)}). */
    record Fact(String type) implements Value {
    }
}
