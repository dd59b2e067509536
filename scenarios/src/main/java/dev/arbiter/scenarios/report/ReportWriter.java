package dev.arbiter.scenarios.report;

import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.scenarios.expect.ExpectationResult;
import dev.arbiter.scenarios.metrics.PerformanceMetrics;
import dev.arbiter.scenarios.run.Fill;
import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.StepRecord;
import dev.arbiter.scenarios.run.Trade;
import dev.arbiter.scenarios.model.ModelOutcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's report into a folder: {@code report.html} (self-contained, SVG charts inline),
 * {@code summary.json} (metrics, rule activity, expectations) and {@code trades.csv}.
 */
public final class ReportWriter {

    /** Charts draw at most this many points per line: more would not show and would bloat the page. */
    private static final int MAX_POINTS = 2000;

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private ReportWriter() {
    }

    public static void write(ScenarioReport report, RunResult run, Path out) throws IOException {
        write(report, run, List.of(), out);
    }

    /** The report with a model section (and {@code models.md}) for the models the run trained, if any. */
    public static void write(ScenarioReport report, RunResult run, List<ModelOutcome> models, Path out) throws IOException {
        Files.createDirectories(out);
        Map<String, Object> summary = summary(report);
        String html = html(report, run);
        if (!models.isEmpty()) {
            summary.put("models", ModelSection.json(models));
            html = html.replace("</body></html>", ModelSection.html(models) + "</body></html>");
            Files.writeString(out.resolve("models.md"), ModelSection.markdown(models));
        }
        Files.writeString(out.resolve("summary.json"), JSON.writeValueAsString(summary));
        Files.writeString(out.resolve("trades.csv"), trades(run.trades()));
        Files.writeString(out.resolve("report.html"), html);
    }

    private static Map<String, Object> summary(ScenarioReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", report.scenario());
        summary.put("decisions", report.decisions());
        summary.put("barsPerSecond", round(report.barsPerSecond()));
        summary.put("metrics", report.metrics());
        summary.put("activity", report.activity());
        if (report.margin().any()) {
            summary.put("perpetuals", MarginSection.json(report.margin()));
        }
        List<Map<String, Object>> expectations = new ArrayList<>();
        for (ExpectationResult r : report.expectations()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("expectation", r.expectation().describe());
            e.put("held", r.held());
            e.put("actual", r.actual());
            expectations.add(e);
        }
        summary.put("expectations", expectations);
        summary.put("expectationsHeld", report.expectationsHeld());
        return summary;
    }

    private static String trades(List<Trade> trades) {
        StringBuilder csv = new StringBuilder("symbol,origin,entryTime,exitTime,quantity,entryPrice,exitPrice,fees,pnl,exit\n");
        for (Trade t : trades) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%s,%s,%.8f,%.6f,%.6f,%.4f,%.4f,%s%n", t.symbol(), t.origin(),
                    t.entryTime(), t.exitTime(), t.quantity(), t.entryPrice(), t.exitPrice(), t.fees(), t.pnl(), t.exit()));
        }
        return csv.toString();
    }

    static String html(ScenarioReport report, RunResult run) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(SvgCharts.escape(report.scenario())).append("</title><style>")
                .append("body{font-family:sans-serif;margin:24px;max-width:1000px}table{border-collapse:collapse;margin:8px 0}")
                .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}.ok{color:#2a7}.fail{color:#c22;font-weight:bold}")
                .append("</style></head><body>");
        html.append("<h1>").append(SvgCharts.escape(report.scenario())).append("</h1><p>")
                .append(SvgCharts.escape(report.description())).append("</p>");
        html.append("<h2>Expectations: ").append(report.expectationsHeld() ? "<span class=ok>all held</span>"
                : "<span class=fail>NOT all held</span>").append("</h2><table>");
        for (ExpectationResult r : report.expectations()) {
            html.append("<tr><td class=").append(r.held() ? "ok>held" : "fail>failed").append("</td><td>")
                    .append(SvgCharts.escape(r.description())).append("</td></tr>");
        }
        html.append("</table>");
        html.append("<h2>Performance</h2>").append(metricsTable(report.metrics()));
        if (report.margin().any()) {
            html.append(MarginSection.html(report.margin()));
        }
        html.append(String.format(Locale.ROOT, "<p>%d decisions through the full pipeline at %.1f bars/s.</p>",
                report.decisions(), report.barsPerSecond()));
        List<StepRecord> steps = sample(run.steps());
        List<Instant> times = steps.stream().map(StepRecord::time).toList();
        html.append(SvgCharts.line("Equity", times, steps.stream().map(StepRecord::equity).toList(), "#1f77b4",
                List.of(), List.of(), false));
        html.append(SvgCharts.line("Drawdown from peak", times, drawdown(run.startingCash(), steps), "#d62728",
                List.of(), List.of(), true));
        for (Map.Entry<String, List<Bar>> entry : run.bars().entrySet()) {
            html.append(priceChart(entry.getKey(), entry.getValue(), run));
        }
        html.append(timeline(run));
        html.append("<h2>Decisions and rules</h2>").append(table("Decisions by status", report.activity().decisionsByStatus()))
                .append(table("Rejections by layer and rule", report.activity().rejections()))
                .append(table("Caps by layer and rule", report.activity().caps()))
                .append(table("Halts and reduce-only by rule (decisions)", report.activity().haltsByCode()))
                .append(table("Decisions in which each rule fired", report.activity().firingsByCode()))
                .append(table("Decisions that failed closed (rule-session fault or limit proof), by cause", report.activity().faults()));
        html.append(String.format(Locale.ROOT, "<p>Decisions with an instrument halted: %d. Buys approved in a halted instrument: %d.</p>",
                report.activity().haltedDecisions(), report.activity().openedWhileHalted()));
        return html.append("</body></html>").toString();
    }

    private static String metricsTable(PerformanceMetrics m) {
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("Total return", pct(m.totalReturn()));
        rows.put("CAGR", pct(m.cagr()));
        rows.put("Volatility (annualised)", pct(m.volatility()));
        rows.put("Sharpe", num(m.sharpe()));
        rows.put("Sortino", num(m.sortino()));
        rows.put("Max drawdown", pct(m.maxDrawdown()));
        rows.put("Calmar", num(m.calmar()));
        rows.put("Worst day", pct(m.worstDay()));
        rows.put("Trades", String.valueOf(m.trades()));
        rows.put("Win rate", pct(m.winRate()));
        rows.put("Profit factor", num(m.profitFactor()));
        rows.put("Exposure (time in market)", pct(m.exposure()));
        rows.put("Turnover (traded / mean equity)", num(m.turnover()));
        StringBuilder html = new StringBuilder("<table>");
        rows.forEach((k, v) -> html.append("<tr><th>").append(k).append("</th><td>").append(v).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    private static String priceChart(String symbol, List<Bar> bars, RunResult run) {
        List<Bar> sampled = sample(bars);
        List<SvgCharts.Marker> markers = new ArrayList<>();
        for (Fill fill : run.fills()) {
            if (fill.symbol().equals(symbol)) {
                boolean buy = fill.side() == Side.BUY;
                markers.add(new SvgCharts.Marker(fill.time(), fill.price(), buy, buy ? "#2ca02c" : "#d62728",
                        fill.side() + " " + fill.reason() + " " + fill.quantity() + " @ " + fill.price() + " " + fill.time()));
            }
        }
        if (markers.size() > MAX_POINTS) {
            markers = markers.subList(0, MAX_POINTS);
        }
        return SvgCharts.line(symbol + " close, entries (green), exits (red), halted (shaded)",
                sampled.stream().map(Bar::openTime).toList(), sampled.stream().map(b -> b.close().doubleValue()).toList(),
                "#444", markers, haltBands(symbol, run.steps()), false);
    }

    private static List<SvgCharts.Band> haltBands(String symbol, List<StepRecord> steps) {
        List<SvgCharts.Band> bands = new ArrayList<>();
        Instant start = null;
        Instant last = null;
        for (StepRecord step : steps) {
            if (step.halted().contains(symbol)) {
                start = start == null ? step.time() : start;
                last = step.time();
            } else if (start != null) {
                bands.add(new SvgCharts.Band(start, step.time(), "halted " + start + " .. " + last));
                start = null;
            }
        }
        if (start != null) {
            bands.add(new SvgCharts.Band(start, last, "halted from " + start));
        }
        return bands;
    }

    private static String timeline(RunResult run) {
        Map<String, List<Instant>> byCode = new TreeMap<>();
        for (StepRecord step : run.steps()) {
            step.fired().forEach(code -> byCode.computeIfAbsent(code, c -> new ArrayList<>()).add(step.time()));
        }
        List<SvgCharts.TimelineRow> rows = new ArrayList<>();
        byCode.forEach((code, times) -> rows.add(new SvgCharts.TimelineRow(code, sample(times))));
        if (run.steps().isEmpty()) {
            return "";
        }
        return SvgCharts.timeline("Rule firings", run.steps().get(0).time(), run.steps().get(run.steps().size() - 1).time(), rows);
    }

    private static List<Double> drawdown(double start, List<StepRecord> steps) {
        List<Double> values = new ArrayList<>();
        double peak = start;
        for (StepRecord step : steps) {
            peak = Math.max(peak, step.equity());
            values.add(step.equity() / peak - 1);
        }
        return values;
    }

    private static String table(String title, Map<String, Integer> counts) {
        StringBuilder html = new StringBuilder("<h3>").append(SvgCharts.escape(title)).append("</h3>");
        if (counts.isEmpty()) {
            return html.append("<p>none</p>").toString();
        }
        html.append("<table>");
        counts.forEach((k, v) -> html.append("<tr><td>").append(SvgCharts.escape(k)).append("</td><td>").append(v).append("</td></tr>"));
        return html.append("</table>").toString();
    }

    /** Every k-th element, so a chart has at most {@link #MAX_POINTS} points; keeps the last one. */
    static <T> List<T> sample(List<T> values) {
        if (values.size() <= MAX_POINTS) {
            return values;
        }
        int stride = (int) Math.ceil(values.size() / (double) MAX_POINTS);
        List<T> sampled = new ArrayList<>();
        for (int i = 0; i < values.size(); i += stride) {
            sampled.add(values.get(i));
        }
        if (!sampled.get(sampled.size() - 1).equals(values.get(values.size() - 1))) {
            sampled.add(values.get(values.size() - 1));
        }
        return sampled;
    }

    private static String pct(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f%%", 100 * value) : String.valueOf(value);
    }

    private static String num(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.3f", value) : String.valueOf(value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
