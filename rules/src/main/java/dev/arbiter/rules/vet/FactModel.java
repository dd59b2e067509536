package dev.arbiter.rules.vet;

import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.outcome.Rejection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The types a rule can match and conclude with: the records and enums of {@code dev.arbiter.kb.fact} and
 * {@code dev.arbiter.kb.outcome}, found on the class path, with their fields (record components).
 */
public final class FactModel {

    private static final List<String> PACKAGES = List.of("dev.arbiter.kb.fact", "dev.arbiter.kb.outcome");
    private static final FactModel KB = new FactModel(scan());

    private final Map<String, Class<?>> bySimpleName;
    private final Set<Class<?>> withNested = new java.util.HashSet<>();

    private FactModel(List<Class<?>> types) {
        for (Class<?> type : types) {
            withNested.add(type);
            for (Class<?> nested : type.getDeclaredClasses()) {
                if (Modifier.isPublic(nested.getModifiers()) && (nested.isRecord() || nested.isEnum())) {
                    withNested.add(nested);
                }
            }
        }
        Map<String, Class<?>> map = new LinkedHashMap<>();
        types.stream().sorted(Comparator.comparing(Class::getSimpleName)).forEach(t -> map.put(t.getSimpleName(), t));
        this.bySimpleName = map;
    }

    /** The fact model of the kb module. */
    public static FactModel kb() {
        return KB;
    }

    /** Every fact and outcome type, records and enums, with their public nested records and enums. */
    public List<Class<?>> types() {
        return List.copyOf(withNested);
    }

    /** Record types only: what a rule can match on its own. */
    public List<String> factTypeNames() {
        return bySimpleName.values().stream().filter(Class::isRecord).map(Class::getSimpleName).toList();
    }

    public Optional<Class<?>> bySimpleName(String name) {
        return Optional.ofNullable(bySimpleName.get(name));
    }

    public boolean contains(Class<?> type) {
        return withNested.contains(type);
    }

    /** A record's fields in declaration order (empty for enums). */
    public static List<String> fieldsOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        return components == null ? List.of() : Arrays.stream(components).map(RecordComponent::getName).toList();
    }

    /** Every record accessor and public instance method declared by a fact or outcome type: all are pure. */
    public Set<String> instanceMethodNames() {
        Set<String> names = new TreeSet<>();
        for (Class<?> type : withNested) {
            names.addAll(fieldsOf(type));
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic()) {
                    names.add(m.getName());
                }
            }
        }
        return names;
    }

    private static List<Class<?>> scan() {
        List<Class<?>> types = new java.util.ArrayList<>();
        for (Class<?> anchor : List.of(Proposal.class, Rejection.class)) {
            String pkg = anchor.getPackageName();
            for (String simple : classNamesIn(anchor)) {
                try {
                    Class<?> type = Class.forName(pkg + "." + simple, false, anchor.getClassLoader());
                    if (Modifier.isPublic(type.getModifiers()) && (type.isRecord() || type.isEnum())) {
                        types.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("cannot load " + pkg + "." + simple, e);
                }
            }
        }
        if (!PACKAGES.containsAll(types.stream().map(Class::getPackageName).distinct().toList())) {
            throw new IllegalStateException("fact model scan left " + PACKAGES);
        }
        return types;
    }

    private static List<String> classNamesIn(Class<?> anchor) {
        String dir = anchor.getPackageName().replace('.', '/');
        try {
            Path location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return list(location.resolve(dir));
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return list(jar.getPath(dir));
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the kb classes", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$") && !n.equals("package-info.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .sorted()
                    .toList();
        }
    }
}
