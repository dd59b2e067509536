package dev.arbiter.engine.report;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG line chart of percentages over time with a dashed 100 % line, so a report shows limit
 * utilisation at a glance without scripts or external assets.
 */
final class TimeSeriesChart {

    /** One observation: when, and how much of the limit was used (1.0 = 100 %). */
    record Point(Instant time, double share) {
    }

    private static final int WIDTH = 880;
    private static final int HEIGHT = 260;
    private static final int LEFT = 56;
    private static final int RIGHT = 16;
    private static final int TOP = 16;
    private static final int BOTTOM = 36;
    private static final DateTimeFormatter LABEL = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private TimeSeriesChart() {
    }

    /** The chart as an {@code <svg>} element; {@code title} becomes its accessible name. */
    static String svg(String title, List<Point> points) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"100%\" aria-label=\"").append(Html.escape(title)).append("\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n");
        if (points.isEmpty()) {
            return svg.append("<text x=\"").append(WIDTH / 2).append("\" y=\"").append(HEIGHT / 2)
                    .append("\" text-anchor=\"middle\" fill=\"#57606a\">no observations</text>\n</svg>").toString();
        }
        long start = points.getFirst().time().toEpochMilli();
        long end = Math.max(points.getLast().time().toEpochMilli(), start + 1);
        double top = Math.max(1.2, points.stream().mapToDouble(Point::share).max().orElse(1.0) * 1.1);
        int plotWidth = WIDTH - LEFT - RIGHT;
        int plotHeight = HEIGHT - TOP - BOTTOM;

        for (int tick = 0; tick <= 4; tick++) {
            double share = top * tick / 4;
            double y = TOP + plotHeight - share / top * plotHeight;
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eaeef2\"/>"
                            + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">%.0f%%</text>%n",
                    LEFT, y, WIDTH - RIGHT, y, LEFT - 6, y + 4, share * 100));
        }
        double limitY = TOP + plotHeight - 1.0 / top * plotHeight;
        svg.append(String.format(Locale.ROOT,
                "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#cf222e\" stroke-dasharray=\"6 4\"/>"
                        + "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\" fill=\"#cf222e\">limit</text>%n",
                LEFT, limitY, WIDTH - RIGHT, limitY, WIDTH - RIGHT, limitY - 4));
        svg.append("<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"1.6\" points=\"");
        for (Point point : points) {
            svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(point.time(), start, end, plotWidth),
                    TOP + plotHeight - point.share() / top * plotHeight));
        }
        svg.append("\"/>\n");
        for (Point point : points) {
            svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#0969da\">"
                            + "<title>%s: %.1f%%</title></circle>%n", x(point.time(), start, end, plotWidth),
                    TOP + plotHeight - point.share() / top * plotHeight, point.time(), point.share() * 100));
        }
        svg.append(String.format(Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#57606a\">%s</text>"
                        + "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"end\" fill=\"#57606a\">%s</text>%n",
                LEFT, HEIGHT - 12, LABEL.format(points.getFirst().time()),
                WIDTH - RIGHT, HEIGHT - 12, LABEL.format(points.getLast().time())));
        return svg.append("</svg>").toString();
    }

    private static double x(Instant time, long start, long end, int plotWidth) {
        return LEFT + (double) (time.toEpochMilli() - start) / (end - start) * plotWidth;
    }
}
