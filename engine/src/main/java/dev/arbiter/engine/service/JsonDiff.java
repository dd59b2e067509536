package dev.arbiter.engine.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** Field-by-field differences between two JSON documents, each named by its path. */
final class JsonDiff {

    /** One difference; a side is null when the field is absent there. */
    record Difference(String path, String stored, String replayed) {
    }

    private JsonDiff() {
    }

    static List<Difference> between(String root, JsonNode stored, JsonNode replayed) {
        List<Difference> differences = new ArrayList<>();
        compare(root, stored, replayed, differences);
        return differences;
    }

    private static void compare(String path, JsonNode a, JsonNode b, List<Difference> out) {
        if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
            if (!(absent(a) && absent(b))) {
                out.add(new Difference(path, text(a), text(b)));
            }
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            a.propertyNames().forEach(names::add);
            b.propertyNames().forEach(names::add);
            for (String name : names) {
                compare(path + "." + name, a.get(name), b.get(name), out);
            }
        } else if (a.isArray() && b.isArray()) {
            int n = Math.max(a.size(), b.size());
            for (int i = 0; i < n; i++) {
                compare(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else if (a.isNumber() && b.isNumber()) {
            if (a.decimalValue().compareTo(b.decimalValue()) != 0) {
                out.add(new Difference(path, text(a), text(b)));
            }
        } else if (!a.equals(b)) {
            out.add(new Difference(path, text(a), text(b)));
        }
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isMissingNode();
    }

    private static String text(JsonNode node) {
        return absent(node) ? null : node.toString();
    }
}
