package dev.arbiter.rules.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
        URL url = RuleSet.class.getClassLoader().getResource(DEFAULT_RESOURCE);
        if (url == null) {
            throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return fromDirectory("default", jar.getPath(DEFAULT_RESOURCE));
                }
            }
            return fromDirectory("default", Path.of(uri));
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        try {
            FileSystems.getFileSystem(uri);
            // Another reader has the jar open: read through a private copy of the file system.
            return FileSystems.newFileSystem(Path.of(URI.create(uri.getSchemeSpecificPart().split("!")[0])));
        } catch (FileSystemNotFoundException notOpen) {
            return FileSystems.newFileSystem(uri, Map.of());
        }
    }

    /** Every {@code .drl} file below {@code root}, with paths relative to it. */
    public static RuleSet fromDirectory(String name, Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<RuleSource> sources = files
                    .filter(p -> p.toString().endsWith(".drl"))
                    .map(p -> new RuleSource(root.relativize(p).toString().replace('\\', '/'), read(p)))
                    .toList();
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("rule set directory " + root + " holds no .drl files");
            }
            return of(name, sources);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String versionOf(List<RuleSource> sources) {
        ContentVersion version = ContentVersion.start();
        sources.stream().sorted(Comparator.comparing(RuleSource::path))
                .forEach(s -> version.add(s.path()).add(s.drl()));
        return version.version("rs-");
    }
}
