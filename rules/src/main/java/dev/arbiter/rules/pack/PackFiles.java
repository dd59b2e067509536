package dev.arbiter.rules.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the files of a rule-set folder, from a directory or from the class path (a folder or a jar),
 * keyed by their path inside the folder, in path order.
 */
public final class PackFiles {

    private PackFiles() {
    }

    /** Files below {@code root} whose names end with {@code suffix}, path → text. */
    public static Map<String, String> fromDirectory(Path root, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> matching = files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(p -> root.relativize(p).toString()))
                    .toList();
            Map<String, String> byPath = new LinkedHashMap<>();
            for (Path file : matching) {
                byPath.put(root.relativize(file).toString().replace('\\', '/'), Files.readString(file, StandardCharsets.UTF_8));
            }
            return byPath;
        }
    }

    /** Files below the class-path folder {@code resource} whose names end with {@code suffix}. */
    public static Map<String, String> fromClassPath(String resource, String suffix) {
        URL url = PackFiles.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the class path");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = openJar(uri)) {
                    return fromDirectory(jar.getPath(resource), suffix);
                }
            }
            return fromDirectory(Path.of(uri), suffix);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileSystem openJar(URI uri) throws IOException {
        // A private file system over the jar, never registered: readers on several threads (a job's workers building
        // their pipelines at once) cannot collide, as they would opening and closing the one registered for the URI.
        String raw = uri.toString();
        return FileSystems.newFileSystem(Path.of(URI.create(raw.substring("jar:".length(), raw.indexOf('!')))));
    }
}
