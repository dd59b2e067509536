package dev.arbiter.rules.vet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resolves type names as a DRL file sees them: its imports, its own package and java.lang. */
final class TypeNames {

    private final Map<String, String> explicit = new HashMap<>();
    private final List<String> packages = new ArrayList<>();
    private final ClassLoader loader = TypeNames.class.getClassLoader();

    TypeNames(String ownPackage, List<String> imports) {
        packages.add("java.lang");
        if (ownPackage != null && !ownPackage.isBlank()) {
            packages.add(ownPackage);
        }
        for (String target : imports) {
            if (target.endsWith(".*")) {
                packages.add(target.substring(0, target.length() - 2));
            } else {
                explicit.put(target.substring(target.lastIndexOf('.') + 1), target);
            }
        }
    }

    /** A simple name ({@code BigDecimal}) or a dotted one ({@code java.io.File}, {@code HaltScope.ACCOUNT}'s type). */
    Optional<Class<?>> resolve(String name) {
        if (!name.contains(".")) {
            String imported = explicit.get(name);
            if (imported != null) {
                return load(imported);
            }
            for (String pkg : packages) {
                Optional<Class<?>> found = load(pkg + "." + name);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        Optional<Class<?>> qualified = load(name);
        if (qualified.isPresent()) {
            return qualified;
        }
        // Outer.Inner with Outer imported
        int dot = name.indexOf('.');
        return resolve(name.substring(0, dot)).flatMap(outer -> load(outer.getName() + "$"
                + name.substring(dot + 1).replace('.', '$')));
    }

    Optional<Class<?>> load(String className) {
        if (className.isEmpty() || Character.isDigit(className.charAt(0))) {
            return Optional.empty();
        }
        try {
            return Optional.of(Class.forName(className, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
