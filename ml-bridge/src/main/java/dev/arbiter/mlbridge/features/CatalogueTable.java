package dev.arbiter.mlbridge.features;

import java.util.stream.Collectors;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseBarSeriesBuilder;
import org.ta4j.core.num.DoubleNumFactory;

/**
 * The catalogue as the Markdown table in {@code docs/indicators.md}, generated so the document cannot
 * drift from the code (a test compares them).
 */
public final class CatalogueTable {

    public static final String START = "<!-- catalogue:start (generated from IndicatorCatalogue; do not edit) -->";
    public static final String END = "<!-- catalogue:end -->";

    private CatalogueTable() {
    }

    public static String render() {
        BarSeries empty = new BaseBarSeriesBuilder().withNumFactory(DoubleNumFactory.getInstance()).build();
        StringBuilder md = new StringBuilder();
        md.append(START).append('\n');
        md.append(IndicatorCatalogue.all().size()).append(" indicators.\n\n");
        md.append("| column (defaults) | group | what it is | parameters | warm-up bars |\n");
        md.append("|---|---|---|---|---|\n");
        for (IndicatorDefinition d : IndicatorCatalogue.all()) {
            Feature feature = Feature.parse(d.columnName(d.defaults()));
            int warmUp = feature.warmUp(feature.create(empty));
            String parameters = d.parameters().isEmpty() ? "none" : d.parameters().stream()
                    .map(p -> p.name() + " " + Parameter.format(p.min()) + ".." + Parameter.format(p.max())
                            + (p.integer() ? "" : " (real)"))
                    .collect(Collectors.joining(", "));
            md.append("| `").append(feature.name()).append("` | ").append(d.group()).append(" | ")
                    .append(d.description()).append(" | ").append(parameters).append(" | ").append(warmUp).append(" |\n");
        }
        md.append(END).append('\n');
        return md.toString();
    }
}
