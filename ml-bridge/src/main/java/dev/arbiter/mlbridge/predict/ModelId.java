package dev.arbiter.mlbridge.predict;

import dev.arbiter.kb.InvalidFactException;
import java.util.regex.Pattern;

/**
 * A model's name and version as the registry and the rules know them: the name in lower-case
 * kebab case ({@code gbm-direction}), the version letters, digits, dots, dashes and underscores
 * ({@code 2023-03-01}, {@code 3.1.0}).
 */
public record ModelId(String name, String version) {

    public static final String NAME_FORMAT = "1-64 lower-case letters, digits and dashes, starting with a letter (e.g. gbm-direction)";
    public static final String VERSION_FORMAT = "1-32 letters, digits, '.', '_' or '-', starting with a letter or digit (e.g. 2023-03-01)";

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,31}");

    public ModelId {
        requireName("model", name);
        requireVersion("modelVersion", version);
    }

    /** @param field where the name came from, for the error */
    public static String requireName(String field, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFactException("Model", field, name, NAME_FORMAT);
        }
        return name;
    }

    public static String requireVersion(String field, String version) {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new InvalidFactException("Model", field, version, VERSION_FORMAT);
        }
        return version;
    }

    @Override
    public String toString() {
        return name + "@" + version;
    }
}
