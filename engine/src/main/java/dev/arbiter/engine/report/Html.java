package dev.arbiter.engine.report;

import java.math.BigDecimal;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * A small HTML writer that escapes every piece of text it is given, so nothing from a request or a rule can
 * inject markup into a report.
 */
final class Html {

    private final StringBuilder out = new StringBuilder(16_384);

    static String escape(Object value) {
        String text = value == null ? "" : display(value);
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** Decimals in plain notation, collections joined, durations as ISO-8601. */
    static String display(Object value) {
        return switch (value) {
            case BigDecimal decimal -> decimal.toPlainString();
            case Duration duration -> duration.toString();
            case Collection<?> items -> String.join("; ", items.stream().map(Html::display).toList());
            default -> value.toString();
        };
    }

    /** Opens {@code <tag attributes>}; attributes are written as given and must be constants. */
    Html open(String tag, String attributes) {
        out.append('<').append(tag);
        if (!attributes.isEmpty()) {
            out.append(' ').append(attributes);
        }
        out.append('>');
        return this;
    }

    Html open(String tag) {
        return open(tag, "");
    }

    Html close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag>text</tag>} with the text escaped. */
    Html element(String tag, Object text) {
        return open(tag).text(text).close(tag);
    }

    Html element(String tag, String attributes, Object text) {
        return open(tag, attributes).text(text).close(tag);
    }

    Html text(Object text) {
        out.append(escape(text));
        return this;
    }

    /** Markup produced by this class or a constant of the report. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    Html paragraph(Object text) {
        return element("p", text);
    }

    /** A table with one row per record and one column per record component. */
    Html recordTable(List<? extends Record> rows, String emptyNote) {
        if (rows.isEmpty()) {
            return element("p", "class=\"empty\"", emptyNote);
        }
        RecordComponent[] columns = rows.getFirst().getClass().getRecordComponents();
        open("table").open("thead").open("tr");
        for (RecordComponent column : columns) {
            element("th", column.getName());
        }
        close("tr").close("thead").open("tbody");
        for (Record row : rows) {
            open("tr");
            for (RecordComponent column : columns) {
                Object value = componentValue(row, column);
                if (value instanceof List<?> items && items.size() > 1) {
                    open("td").list(items, "").close("td");
                } else {
                    element("td", value);
                }
            }
            close("tr");
        }
        return close("tbody").close("table");
    }

    /** A two-column table: label, value. */
    Html keyValues(List<List<Object>> pairs) {
        open("table", "class=\"kv\"").open("tbody");
        for (List<Object> pair : pairs) {
            open("tr").element("th", pair.get(0)).element("td", pair.get(1)).close("tr");
        }
        return close("tbody").close("table");
    }

    Html list(List<?> items, String emptyNote) {
        if (items.isEmpty()) {
            return element("p", "class=\"empty\"", emptyNote);
        }
        open("ul");
        for (Object item : items) {
            element("li", item);
        }
        return close("ul");
    }

    private static Object componentValue(Record row, RecordComponent column) {
        try {
            return column.getAccessor().invoke(row);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + column.getName() + " of " + row.getClass().getSimpleName(), e);
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
