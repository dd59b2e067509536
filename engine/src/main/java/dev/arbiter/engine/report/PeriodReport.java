package dev.arbiter.engine.report;

import dev.arbiter.engine.decision.Decision;
import dev.arbiter.engine.decision.DecisionResult;
import dev.arbiter.engine.decision.DecisionStatus;
import dev.arbiter.engine.decision.DecisionTrace;
import dev.arbiter.engine.decision.Order;
import dev.arbiter.engine.decision.OutcomeRecord;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A period's activity on one page: how many decisions and with what outcome, rejections and caps per layer and
 * rule, halts with who set and who lifted them, gross-exposure utilisation over time as a chart, and rule-set
 * changes. Built only from stored decisions and change records.
 */
public final class PeriodReport {

    /** The section headings, in page order. */
    public static final List<String> SECTIONS = List.of("Decisions", "Rejections and caps by layer and rule",
            "Halts and resumptions", "Limit utilisation", "Rule-set and model changes", "Decision list");

    private PeriodReport() {
    }

    /**
     * The page for decisions and changes between {@code from} (inclusive) and {@code to} (exclusive); anything
     * outside the period is left out.
     */
    public static String render(Instant from, Instant to, List<DecisionResult> decisions, List<ChangeRecord> changes) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("to: " + to + " is not after from " + from
                    + "; a period needs an end after its start");
        }
        List<DecisionResult> inPeriod = decisions.stream().filter(d -> within(d.decision().asOf(), from, to))
                .sorted(Comparator.comparing((DecisionResult d) -> d.decision().asOf())
                        .thenComparing(d -> d.decision().decisionId()))
                .toList();
        List<ChangeRecord> changesInPeriod = changes.stream().filter(c -> within(c.at(), from, to))
                .sorted(Comparator.comparing(ChangeRecord::at)).toList();

        Html html = new Html();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .element("title", "Activity " + from + " to " + to)
                .open("style").raw(ReportStyle.CSS).close("style").raw("</head>\n<body>\n")
                .element("h1", "Activity from " + from + " to " + to);
        counts(html, inPeriod);
        rejections(html, inPeriod);
        halts(html, inPeriod, changesInPeriod);
        utilisation(html, inPeriod);
        lifecycleChanges(html, changesInPeriod);
        decisionList(html, inPeriod);
        return html.raw("</body>\n</html>\n").toString();
    }

    private static boolean within(Instant time, Instant from, Instant to) {
        return !time.isBefore(from) && time.isBefore(to);
    }

    private static void counts(Html html, List<DecisionResult> decisions) {
        html.element("h2", "Decisions");
        Map<DecisionStatus, Integer> byStatus = new EnumMap<>(DecisionStatus.class);
        for (DecisionStatus status : DecisionStatus.values()) {
            byStatus.put(status, 0);
        }
        long orders = 0;
        for (DecisionResult result : decisions) {
            byStatus.merge(result.decision().status(), 1, Integer::sum);
            orders += result.decision().orders().size();
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of("Decisions", decisions.size()));
        byStatus.forEach((status, count) -> rows.add(List.of(status.name(), count)));
        rows.add(List.of("Orders sent", orders));
        html.keyValues(rows);
    }

    private static void rejections(Html html, List<DecisionResult> decisions) {
        html.element("h2", "Rejections and caps by layer and rule");
        Map<String, long[]> byLayerAndCode = new TreeMap<>();
        for (DecisionResult result : decisions) {
            for (OutcomeRecord outcome : result.trace().outcomes()) {
                String key = outcome.reason().layer().code() + "\u0000" + outcome.reason().code() + "\u0000"
                        + outcome.reason().rule();
                long[] kinds = byLayerAndCode.computeIfAbsent(key, k -> new long[3]);
                switch (outcome.kind()) {
                    case "REJECT" -> kinds[0]++;
                    case "CAP" -> kinds[1]++;
                    default -> kinds[2]++;
                }
            }
        }
        if (byLayerAndCode.isEmpty()) {
            html.element("p", "class=\"empty\"", "No rule rejected, capped, flagged or halted anything.");
            return;
        }
        html.open("table").open("thead").open("tr");
        for (String column : List.of("layer", "reason code", "rule", "rejections", "caps", "flags and halts")) {
            html.element("th", column);
        }
        html.close("tr").close("thead").open("tbody");
        byLayerAndCode.forEach((key, kinds) -> {
            String[] parts = key.split("\u0000", 3);
            html.open("tr").element("td", parts[0]).element("td", parts[1]).element("td", parts[2])
                    .element("td", kinds[0]).element("td", kinds[1]).element("td", kinds[2]).close("tr");
        });
        html.close("tbody").close("table");
    }

    private static void halts(Html html, List<DecisionResult> decisions, List<ChangeRecord> changes) {
        html.element("h2", "Halts and resumptions");
        List<ChangeRecord> tradingState = changes.stream().filter(c -> c.kind().equals("TRADING_STATE")).toList();
        html.recordTable(tradingState, "No trading-state change in this period.");
        List<String> ruleHalts = new ArrayList<>();
        for (DecisionResult result : decisions) {
            for (OutcomeRecord outcome : result.trace().outcomes()) {
                if (outcome.kind().equals("HALT") || outcome.kind().equals("REDUCE_ONLY")) {
                    ruleHalts.add(result.decision().asOf() + " " + result.decision().decisionId() + ": "
                            + outcome.kind() + " " + outcome.scope() + " " + outcome.target() + " by "
                            + outcome.reason().code() + " (" + outcome.reason().message() + ")");
                }
            }
        }
        html.element("h3", "Halts concluded by rules");
        html.list(ruleHalts, "No rule halted trading in this period.");
    }

    private static void utilisation(Html html, List<DecisionResult> decisions) {
        html.element("h2", "Limit utilisation");
        List<TimeSeriesChart.Point> points = new ArrayList<>();
        for (DecisionResult result : decisions) {
            grossUtilisation(result.decision(), result.trace()).ifPresent(share ->
                    points.add(new TimeSeriesChart.Point(result.decision().asOf(), share)));
        }
        html.paragraph("Gross exposure after each decision that sized orders, as a share of the maximum gross "
                + "exposure in force for it (current exposure plus the orders that went out).");
        html.raw(TimeSeriesChart.svg("Gross exposure utilisation", points)).raw("\n");
        if (!points.isEmpty()) {
            double peak = points.stream().mapToDouble(TimeSeriesChart.Point::share).max().orElseThrow();
            html.paragraph(String.format(java.util.Locale.ROOT, "%d observations; peak %.1f%% of the limit.",
                    points.size(), peak * 100));
        }
    }

    /** (current gross + orders sent) / max gross, when the decision ran an allocation (which carries the limit). */
    static java.util.Optional<Double> grossUtilisation(Decision decision, DecisionTrace trace) {
        if (trace.allocationProblem() == null) {
            return java.util.Optional.empty();
        }
        BigDecimal limit = trace.allocationProblem().limits().maxGrossExposure();
        if (limit == null || limit.signum() <= 0) {
            return java.util.Optional.empty();
        }
        BigDecimal gross = trace.allocationProblem().currentGrossExposure();
        for (Order order : decision.orders()) {
            gross = gross.add(order.notional());
        }
        return java.util.Optional.of(gross.divide(limit, MathContext.DECIMAL64).doubleValue());
    }

    private static void lifecycleChanges(Html html, List<ChangeRecord> changes) {
        html.element("h2", "Rule-set and model changes");
        html.recordTable(changes.stream().filter(c -> !c.kind().equals("TRADING_STATE")).toList(),
                "No rule-set, limits, parameters or model change in this period.");
    }

    private static void decisionList(Html html, List<DecisionResult> decisions) {
        html.element("h2", "Decision list");
        if (decisions.isEmpty()) {
            html.element("p", "class=\"empty\"", "No decision in this period.");
            return;
        }
        html.open("table").open("thead").open("tr");
        for (String column : List.of("as of", "decision", "status", "summary", "rule set")) {
            html.element("th", column);
        }
        html.close("tr").close("thead").open("tbody");
        for (DecisionResult result : decisions) {
            Decision decision = result.decision();
            html.open("tr").element("td", decision.asOf())
                    .open("td").open("a", "href=\"/v1/decisions/" + Html.escape(decision.decisionId()) + "/report\"")
                    .text(decision.decisionId()).close("a").close("td")
                    .element("td", decision.status()).element("td", decision.summary())
                    .element("td", decision.versions().ruleSet()).close("tr");
        }
        html.close("tbody").close("table");
    }
}
