package dev.arbiter.scenarios.compare;

import dev.arbiter.scenarios.margin.MarginActivity;
import dev.arbiter.scenarios.report.MarginSection;

import java.util.List;
import java.util.Locale;

/** Side-by-side tables of runs with and without the risk layers, as Markdown and HTML. */
public final class ComparisonTable {

    private ComparisonTable() {
    }

    public static String markdown(List<RiskLayerComparison> rows) {
        boolean perpetuals = rows.stream().anyMatch(RiskLayerComparison::perpetuals);
        StringBuilder md = new StringBuilder("| scenario | risk layers | return | max drawdown | worst day | time in market | trades | Sharpe |"
                + (perpetuals ? " liquidations | closest to liquidation | funding paid | funding received |" : "") + "\n"
                + "|---|---|---|---|---|---|---|---|" + (perpetuals ? "---|---|---|---|" : "") + "\n");
        for (RiskLayerComparison row : rows) {
            md.append(line(row.scenario(), "with", row.withRisk(), perpetuals ? row.withRiskMargin() : null));
            md.append(line(row.scenario(), "without", row.withoutRisk(), perpetuals ? row.withoutRiskMargin() : null));
        }
        return md.toString();
    }

    private static String line(String scenario, String label, dev.arbiter.scenarios.metrics.PerformanceMetrics m,
                               MarginActivity margin) {
        String line = String.format(Locale.ROOT, "| %s | %s | %.2f %% | %.2f %% | %.2f %% | %.1f %% | %d | %.2f |", scenario,
                label, 100 * m.totalReturn(), 100 * m.maxDrawdown(), 100 * m.worstDay(), 100 * m.exposure(), m.trades(),
                m.sharpe());
        if (margin != null) {
            line += " " + margin.liquidations().size() + " | " + MarginSection.distance(margin) + " | "
                    + MarginSection.money(margin.fundingPaid()) + " | " + MarginSection.money(margin.fundingReceived()) + " |";
        }
        return line + System.lineSeparator();
    }

    public static String html(List<RiskLayerComparison> rows) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
                + "What the risk layers are worth</title><style>body{font-family:sans-serif;margin:24px}"
                + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px}</style></head><body>"
                + "<h1>What the risk layers are worth</h1><p>Same strategies, clients, bars and fills; with the rule set's "
                + "risk layers (L1..L7) and with its strategy rules alone.</p><table><tr><th>scenario</th><th>risk layers</th>"
                + "<th>return</th><th>max drawdown</th><th>worst day</th><th>time in market</th><th>trades</th><th>Sharpe</th>"
                + (rows.stream().anyMatch(RiskLayerComparison::perpetuals) ? "<th>liquidations</th><th>closest to "
                + "liquidation</th><th>funding paid</th><th>funding received</th>" : "") + "</tr>");
        for (String line : markdown(rows).split("\n")) {
            if (line.startsWith("| scenario") || line.startsWith("|---")) {
                continue;
            }
            String[] cells = line.substring(2, line.length() - 2).split(" \\| ");
            html.append("<tr>");
            for (String cell : cells) {
                html.append("<td>").append(cell).append("</td>");
            }
            html.append("</tr>");
        }
        return html.append("</table></body></html>").toString();
    }
}
