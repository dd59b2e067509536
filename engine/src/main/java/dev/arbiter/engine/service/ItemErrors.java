package dev.arbiter.engine.service;

import dev.arbiter.engine.decision.InvalidRequestException;
import dev.arbiter.engine.json.ArbiterJson;
import dev.arbiter.engine.json.JsonInputErrors;
import dev.arbiter.kb.InvalidFactException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads items of a batch one by one, so that a bad item is named and the good ones are kept. */
final class ItemErrors {

    /** Why one item was refused: the field by its path, the value, what is accepted. */
    record Refused(String field, String value, String accepted) {

        static Refused of(String prefix, InvalidRequestException e) {
            return new Refused(prefix + "." + e.field(), e.value(), e.accepted());
        }
    }

    /** What a batch came to: items kept, identical repeats ignored, and each refused item with why. */
    record Tally(int kept, int ignored, List<Refused> refused) {

        /** Nothing of the batch was kept or recognised: the answer is 400. */
        boolean nothingTaken() {
            return kept == 0 && ignored == 0;
        }
    }

    /** Takes one item; false when it repeats what is already kept. */
    interface Taker {
        boolean take(JsonNode item, String path);
    }

    /** Takes one item of a list read from a file; false when it repeats what is already kept. */
    interface ListTaker<T> {
        boolean take(T item, int index);
    }

    private ItemErrors() {
    }

    /**
     * Takes each of {@code items} on its own, as {@link #each(JsonNode, String, Taker)} does; the taker names the item
     * in what it throws, as an {@link InvalidRequestException}.
     */
    static <T> Tally each(List<T> items, ListTaker<T> taker) {
        int kept = 0;
        int ignored = 0;
        List<Refused> refused = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                if (taker.take(items.get(i), i)) {
                    kept++;
                } else {
                    ignored++;
                }
            } catch (InvalidRequestException e) {
                refused.add(new Refused(e.field(), e.value(), e.accepted()));
            }
        }
        return new Tally(kept, ignored, refused);
    }

    /** Takes each item of {@code items} on its own, so a bad one is named and refused and the others are kept. */
    static Tally each(JsonNode items, String name, Taker taker) {
        List<JsonNode> list = new ArrayList<>();
        items.forEach(list::add);
        return each(list, (item, i) -> {
            String path = name + "[" + i + "]";
            try {
                return taker.take(item, path);
            } catch (InvalidFactException e) {
                throw new InvalidRequestException(path + "." + e.field(), e.value(), e.accepted());
            }
        });
    }

    static <T> T read(JsonNode item, Class<T> type, String path) {
        if (item == null || !item.isObject()) {
            throw new InvalidRequestException(path, item == null || item.isNull() ? "null" : "a value of another kind",
                    "an object (see docs/api.md)");
        }
        try {
            return ArbiterJson.input().treeToValue(item, type);
        } catch (JacksonException e) {
            InvalidRequestException translated = JsonInputErrors.translate(e);
            String field = "(body)".equals(translated.field()) ? path : path + "." + translated.field();
            throw new InvalidRequestException(field, translated.value(), translated.accepted());
        } catch (InvalidFactException e) {
            throw new InvalidRequestException(path + "." + e.field(), e.value(), e.accepted());
        }
    }
}
