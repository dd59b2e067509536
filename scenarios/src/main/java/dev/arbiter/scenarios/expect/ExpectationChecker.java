package dev.arbiter.scenarios.expect;

import dev.arbiter.scenarios.margin.MarginActivity;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.report.RuleActivity;
import dev.arbiter.scenarios.spec.Expectation;
import java.util.List;

/** Checks a scenario's expectations against a run's metrics and rule activity. */
public final class ExpectationChecker {

    private ExpectationChecker() {
    }

    public static List<ExpectationResult> check(List<Expectation> expectations, PerformanceMetrics metrics,
                                                RuleActivity activity, MarginActivity margin) {
        return expectations.stream().map(e -> check(e, metrics, activity, margin)).toList();
    }

    static ExpectationResult check(Expectation e, PerformanceMetrics metrics, RuleActivity activity,
                                   MarginActivity margin) {
        double actual = switch (e.check()) {
            case "max-drawdown" -> metrics.maxDrawdown();
            case "total-return" -> metrics.totalReturn();
            case "trades" -> metrics.trades();
            case "rule-fires", "rule-silent" -> activity.firingsByCode().getOrDefault(e.rule(), 0);
            case "no-open-while-halted" -> activity.openedWhileHalted();
            case "halts" -> activity.haltedDecisions();
            case "liquidations" -> margin.liquidations().size();
            default -> throw new IllegalArgumentException("check: '" + e.check() + "' is not accepted; expected one of "
                    + Expectation.CHECKS);
        };
        boolean held = switch (e.check()) {
            case "no-open-while-halted", "rule-silent" -> actual == 0 && within(e, actual);
            default -> within(e, actual);
        };
        String unit = switch (e.check()) {
            case "rule-fires", "rule-silent" -> " decisions";
            case "no-open-while-halted" -> " buys approved in a halted instrument";
            case "halts" -> " decisions with an instrument halted";
            case "liquidations" -> " positions liquidated";
            default -> "";
        };
        return new ExpectationResult(e, held, actual, e.describe() + ": " + format(actual) + unit);
    }

    private static boolean within(Expectation e, double actual) {
        return (e.atLeast() == null || actual >= e.atLeast()) && (e.atMost() == null || actual <= e.atMost());
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.4f", value);
    }
}
