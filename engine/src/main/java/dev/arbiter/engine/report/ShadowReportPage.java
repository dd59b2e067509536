package dev.arbiter.engine.report;

import dev.arbiter.engine.shadow.ShadowReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A challenger's comparison with the champion over a period, on one self-contained page. */
public final class ShadowReportPage {

    /** The section headings, in page order. */
    public static final List<String> SECTIONS = List.of("Decisions compared", "Status changes", "Changed decisions",
            "Models");

    private ShadowReportPage() {
    }

    public static String render(ShadowReport report) {
        Html html = new Html();
        String title = "Shadow " + report.challengerId() + " from " + report.from() + " to " + report.to();
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .element("title", title)
                .open("style").raw(ReportStyle.CSS).close("style").raw("</head>\n<body>\n")
                .element("h1", title)
                .paragraph(report.description() + ". Decided in shadow of the active release: stored and compared, "
                        + "never acted on.");
        html.element("h2", SECTIONS.get(0));
        html.keyValues(List.of(List.of("Decisions compared", report.compared()),
                List.of("Would have changed", report.changed()),
                List.of("Unchanged", report.compared() - report.changed())));
        html.element("h2", SECTIONS.get(1));
        html.recordTable(report.statusChanges(), "No decision would have changed status.");
        html.element("h2", SECTIONS.get(2));
        html.recordTable(report.changedDecisions(), "No decision would have changed.");
        html.element("h2", SECTIONS.get(3));
        models(html, report.models());
        return html.raw("</body>\n</html>\n").toString();
    }

    private static void models(Html html, List<ShadowReport.ModelScore> models) {
        if (models.isEmpty()) {
            html.element("p", "class=\"empty\"", "No model ran in these decisions.");
            return;
        }
        html.open("table").open("thead").open("tr");
        for (String column : List.of("side", "model", "version", "predictions", "resolved", "unresolved", "accuracy",
                "Brier score", "orders marked", "orders unresolved", "P&L")) {
            html.element("th", column);
        }
        html.close("tr").close("thead").open("tbody");
        for (ShadowReport.ModelScore m : models) {
            html.open("tr").element("td", m.side()).element("td", m.model()).element("td", m.modelVersion())
                    .element("td", m.predictions()).element("td", m.resolved()).element("td", m.unresolved())
                    .element("td", figure(m.accuracy())).element("td", figure(m.brierScore()))
                    .element("td", m.ordersMarked()).element("td", m.ordersUnresolved()).element("td", m.pnl())
                    .close("tr");
        }
        html.close("tbody").close("table");
        for (ShadowReport.ModelScore m : models) {
            html.element("h3", "Calibration: " + m.side() + " " + m.model() + "@" + m.modelVersion());
            List<List<Object>> rows = new ArrayList<>();
            for (ShadowReport.CalibrationBin bin : m.calibration()) {
                rows.add(List.of(String.format(Locale.ROOT, "%.1f to %.1f", bin.from(), bin.to()),
                        bin.predictions() + " predicted, mean " + figure(bin.meanProbabilityUp()) + ", went up "
                                + figure(bin.observedUpShare())));
            }
            html.keyValues(rows);
        }
    }

    private static String figure(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
