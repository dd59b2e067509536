package dev.arbiter.rules.pack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A named set of DRL files, versioned by its content: the same files always give the same version,
 * so a stored decision names exactly the rules that made it.
 */
public record RuleSet(String name, String version, List<RuleSource> sources) {

    /** The rule set shipped with Arbiter: one folder per layer under {@code rulepacks/default}. */
    public static final String DEFAULT_RESOURCE = "rulepacks/default";

    public RuleSet {
        sources = sources.stream().sorted(Comparator.comparing(RuleSource::path)).toList();
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("RuleSet.sources: [] is not accepted; expected at least one .drl file");
        }
    }

    public static RuleSet of(String name, List<RuleSource> sources) {
        return new RuleSet(name, versionOf(sources), sources);
    }

    /** The shipped default rule set, read from the class path (a folder or this module's jar). */
    public static RuleSet shippedDefault() {
        return of("default", sources(PackFiles.fromClassPath(DEFAULT_RESOURCE, ".drl")));
    }

    /** Every {@code .drl} file below {@code root}, with paths relative to it. */
    public static RuleSet fromDirectory(String name, Path root) throws IOException {
        List<RuleSource> sources = sources(PackFiles.fromDirectory(root, ".drl"));
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("rule set directory " + root + " holds no .drl files");
        }
        return of(name, sources);
    }

    private static List<RuleSource> sources(Map<String, String> drlByPath) {
        return drlByPath.entrySet().stream().map(e -> new RuleSource(e.getKey(), e.getValue())).toList();
    }

    static String versionOf(List<RuleSource> sources) {
        ContentVersion version = ContentVersion.start();
        sources.stream().sorted(Comparator.comparing(RuleSource::path))
                .forEach(s -> version.add(s.path()).add(s.drl()));
        return version.version("rs-");
    }
}
