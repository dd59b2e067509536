package dev.arbiter.engine.json;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/** Where in a JSON document a Jackson error happened, written as a field path: {@code intents[0].side}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** The path of the field the error is about, or an empty string when it is about the whole document. */
    public static String of(JacksonException e) {
        if (!(e instanceof DatabindException databind)) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : databind.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            }
        }
        return path.toString();
    }
}
