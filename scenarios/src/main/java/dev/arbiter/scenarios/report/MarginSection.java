package dev.arbiter.scenarios.report;

import dev.arbiter.scenarios.margin.Liquidation;
import dev.arbiter.scenarios.margin.MarginActivity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The perpetuals part of a report: funding paid and received, liquidations, the closest approach to one. */
public final class MarginSection {

    private MarginSection() {
    }

    /** For {@code summary.json}: amounts as exact decimals, the distance as a fraction of the price. */
    public static Map<String, Object> json(MarginActivity margin) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fundingPaid", margin.fundingPaid().toPlainString());
        json.put("fundingReceived", margin.fundingReceived().toPlainString());
        json.put("fundingEvents", margin.funding().size());
        json.put("liquidations", margin.liquidations().size());
        json.put("closestLiquidationDistance", margin.closestDistance() == null ? null
                : margin.closestDistance().round(new java.math.MathContext(6)).toPlainString());
        json.put("closestLiquidationAt", margin.closestAt() == null ? null : margin.closestAt().toString());
        List<Map<String, Object>> liquidations = new ArrayList<>();
        for (Liquidation l : margin.liquidations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("symbol", l.symbol());
            row.put("at", l.at().toString());
            row.put("quantity", l.quantity().toPlainString());
            row.put("entryPrice", l.entryPrice().toPlainString());
            row.put("liquidationPrice", money(l.liquidationPrice()));
            row.put("adversePrice", l.adversePrice().toPlainString());
            row.put("marginLost", money(l.marginLost()));
            liquidations.add(row);
        }
        json.put("liquidated", liquidations);
        return json;
    }

    public static String html(MarginActivity margin) {
        StringBuilder html = new StringBuilder("<h2>Perpetuals</h2><table>");
        row(html, "Funding paid", money(margin.fundingPaid()));
        row(html, "Funding received", money(margin.fundingReceived()));
        row(html, "Funding events (positions held at a funding time)", String.valueOf(margin.funding().size()));
        row(html, "Liquidations", String.valueOf(margin.liquidations().size()));
        row(html, "Closest distance to liquidation (of the price)", distance(margin));
        html.append("</table>");
        if (!margin.liquidations().isEmpty()) {
            html.append("<table><tr><th>symbol</th><th>bar</th><th>quantity</th><th>entry</th><th>liquidation price</th>"
                    + "<th>bar's extreme</th><th>maintenance margin lost</th></tr>");
            for (Liquidation l : margin.liquidations()) {
                html.append("<tr><td>").append(SvgCharts.escape(l.symbol())).append("</td><td>").append(l.at())
                        .append("</td><td>").append(l.quantity().toPlainString()).append("</td><td>")
                        .append(money(l.entryPrice())).append("</td><td>").append(money(l.liquidationPrice()))
                        .append("</td><td>").append(l.adversePrice().toPlainString()).append("</td><td>")
                        .append(money(l.marginLost())).append("</td></tr>");
            }
            html.append("</table>");
        }
        return html.toString();
    }

    /** The closest distance as a percentage with where it was seen, or "none" when nothing could be liquidated. */
    public static String distance(MarginActivity margin) {
        if (margin.closestDistance() == null) {
            return "none";
        }
        return margin.closestDistance().movePointRight(2).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + " % ("
                + margin.closestSymbol() + ", bar of " + margin.closestAt() + ")";
    }

    /** An amount to the cent. */
    public static String money(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><th>").append(label).append("</th><td>").append(SvgCharts.escape(value)).append("</td></tr>");
    }
}
