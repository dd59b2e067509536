package dev.arbiter.scenarios.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Plain SVG charts drawn in Java: no script, no external resource, readable offline. */
public final class SvgCharts {

    /** A point marker on a chart, e.g. an entry (up triangle) or an exit (down triangle). */
    public record Marker(Instant time, double value, boolean up, String color, String label) {
    }

    /** A shaded time band, e.g. while an instrument was halted. */
    public record Band(Instant from, Instant to, String label) {
    }

    /** One row of the rule timeline: a reason code and the times it fired. */
    public record TimelineRow(String code, List<Instant> times) {
    }

    private static final int WIDTH = 960;
    private static final int HEIGHT = 240;
    private static final int LEFT = 70;
    private static final int RIGHT = 10;
    private static final int TOP = 24;
    private static final int BOTTOM = 28;

    private SvgCharts() {
    }

    public static String line(String title, List<Instant> times, List<Double> values, String color,
                              List<Marker> markers, List<Band> bands, boolean percent) {
        if (times.isEmpty()) {
            return "<p>(no data for " + escape(title) + ")</p>";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        for (Marker m : markers) {
            min = Math.min(min, m.value());
            max = Math.max(max, m.value());
        }
        if (max - min < 1e-12) {
            max = min + 1;
        }
        Scale x = new Scale(times.get(0).getEpochSecond(), Math.max(times.get(times.size() - 1).getEpochSecond(),
                times.get(0).getEpochSecond() + 1), LEFT, WIDTH - RIGHT);
        Scale y = new Scale(min, max, HEIGHT - BOTTOM, TOP);
        StringBuilder svg = open(title);
        for (Band band : bands) {
            double x0 = x.at(band.from().getEpochSecond());
            double x1 = Math.max(x0 + 1, x.at(band.to().getEpochSecond()));
            svg.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"#d62728\" fill-opacity=\"0.15\"><title>%s</title></rect>",
                    x0, TOP, x1 - x0, HEIGHT - TOP - BOTTOM, escape(band.label())));
        }
        axes(svg, x, y, times, min, max, percent);
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < times.size(); i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x.at(times.get(i).getEpochSecond()), y.at(values.get(i))));
        }
        svg.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.2\" points=\"")
                .append(points.toString().trim()).append("\"/>");
        for (Marker m : markers) {
            double cx = x.at(m.time().getEpochSecond());
            double cy = y.at(m.value());
            String path = m.up()
                    ? String.format(Locale.ROOT, "M%.1f %.1f l-4 7 h8 z", cx, cy)
                    : String.format(Locale.ROOT, "M%.1f %.1f l-4 -7 h8 z", cx, cy);
            svg.append("<path d=\"").append(path).append("\" fill=\"").append(m.color()).append("\"><title>")
                    .append(escape(m.label())).append("</title></path>");
        }
        return svg.append("</svg>").toString();
    }

    public static String timeline(String title, Instant start, Instant end, List<TimelineRow> rows) {
        int rowHeight = 16;
        int height = TOP + BOTTOM + Math.max(1, rows.size()) * rowHeight;
        int left = 150;
        Scale x = new Scale(start.getEpochSecond(), Math.max(end.getEpochSecond(), start.getEpochSecond() + 1), left, WIDTH - RIGHT);
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, height, WIDTH, height));
        svg.append("<text x=\"").append(left).append("\" y=\"14\" font-size=\"13\" font-weight=\"bold\">").append(escape(title)).append("</text>");
        for (int r = 0; r < rows.size(); r++) {
            TimelineRow row = rows.get(r);
            int y = TOP + r * rowHeight;
            String color = row.code().startsWith("S-") ? "#1f77b4" : row.code().startsWith("L4") ? "#d62728" : "#ff7f0e";
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s (%d)</text>",
                    left - 6, y + 11, escape(row.code()), row.times().size()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#eee\"/>",
                    left, WIDTH - RIGHT, y + 8, y + 8));
            for (Instant t : row.times()) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"1.5\" height=\"12\" fill=\"%s\"/>",
                        x.at(t.getEpochSecond()), y + 2, color));
            }
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                left, height - 8, start, WIDTH - RIGHT, height - 8, end));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<text x=\"").append(LEFT).append("\" y=\"15\" font-size=\"13\" font-weight=\"bold\">")
                .append(escape(title)).append("</text>");
        return svg;
    }

    private static void axes(StringBuilder svg, Scale x, Scale y, List<Instant> times, double min, double max, boolean percent) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, HEIGHT - BOTTOM));
        for (int i = 0; i <= 4; i++) {
            double value = min + (max - min) * i / 4;
            double py = y.at(value);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
                    LEFT, WIDTH - RIGHT, py, py, LEFT - 4, py + 4,
                    percent ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : compact(value)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>",
                LEFT, HEIGHT - 8, times.get(0), WIDTH - RIGHT, HEIGHT - 8, times.get(times.size() - 1)));
    }

    private static String compact(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", value / 1e6);
        }
        if (abs >= 1e4) {
            return String.format(Locale.ROOT, "%.1fk", value / 1e3);
        }
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : "%.3f", value);
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private record Scale(double from, double to, double pixelFrom, double pixelTo) {
        double at(double value) {
            return pixelFrom + (value - from) / (to - from) * (pixelTo - pixelFrom);
        }
    }
}
