package dev.arbiter.engine.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Gauges of one name, one per set of tags, whose values are replaced together at each refresh. A row that stays is
 * updated in place and never registered again: re-registering a gauge (as Micrometer's {@code MultiGauge} does when
 * told to overwrite) lets a Prometheus scrape running at that moment see the old gauge and its replacement, two
 * samples with the same labels, and the scrape fails. Only rows that are gone are removed.
 */
final class GaugeFamily {

    private final MeterRegistry registry;
    private final String name;
    private final String description;
    /** Touched only under {@link #set}'s lock; a scrape reads the values through the rows' volatile fields. */
    private final Map<Tags, Row> rows = new HashMap<>();

    GaugeFamily(MeterRegistry registry, String name, String description) {
        this.registry = registry;
        this.name = name;
        this.description = description;
    }

    /** Makes the family's rows exactly these: each tag set's gauge reads its new value, rows not named are removed. */
    synchronized void set(Map<Tags, Double> values) {
        for (Iterator<Map.Entry<Tags, Row>> it = rows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Tags, Row> row = it.next();
            if (!values.containsKey(row.getKey())) {
                registry.remove(row.getValue().gauge);
                it.remove();
            }
        }
        values.forEach((tags, value) -> {
            Row row = rows.get(tags);
            if (row == null) {
                rows.put(tags, register(tags, value));
            } else {
                row.value = value;
            }
        });
    }

    private Row register(Tags tags, double value) {
        Row row = new Row();
        row.value = value; // before a scrape can see the gauge
        row.gauge = Gauge.builder(name, row, r -> r.value).description(description).tags(tags).strongReference(true)
                .register(registry);
        return row;
    }

    private static final class Row {
        private volatile double value;
        private Gauge gauge;
    }
}
