package dev.arbiter.rules.vet;

import dev.arbiter.rules.dsl.Measures;
import dev.arbiter.rules.dsl.Outcomes;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a rule may use: an allowlist, never a blocklist. A type not listed here is refused wherever it
 * appears (import, declaration, {@code new}, cast, static call), however it is spelled.
 *
 * <ul>
 *   <li>types: the kb fact and outcome records and enums, {@link Outcomes}, {@link Measures},
 *       {@link BigDecimal}, {@link RoundingMode}, {@link MathContext}, {@link Math}, {@link String},
 *       {@link StringBuilder}, the boxed primitives and {@link Number}, and {@link List}, {@link Map},
 *       {@link Set}, {@link Collection} for reading;</li>
 *   <li>static calls: every public method of Outcomes, Measures and Math, and of the kb types; the
 *       factories of BigDecimal, String, the boxed types and the collections ({@link #STATIC_METHODS});</li>
 *   <li>instance calls: record accessors and methods of the kb types, and the pure methods of the other
 *       allowed types ({@link #INSTANCE_METHODS}); nothing that mutates, reflects or blocks.</li>
 * </ul>
 */
final class AllowedApi {

    private static final List<Class<?>> LIBRARY_TYPES = List.of(Outcomes.class, Measures.class, BigDecimal.class,
            RoundingMode.class, MathContext.class, Math.class, String.class, StringBuilder.class, Integer.class,
            Long.class, Double.class, Float.class, Short.class, Byte.class, Boolean.class, Character.class,
            Number.class, List.class, Map.class, Set.class, Collection.class);

    /** Static methods allowed on library types (every public static method of the kb types, Outcomes, Measures and Math is allowed too). */
    static final Map<Class<?>, Set<String>> STATIC_METHODS = Map.ofEntries(
            Map.entry(BigDecimal.class, Set.of("valueOf")),
            Map.entry(RoundingMode.class, Set.of("valueOf", "values")),
            Map.entry(String.class, Set.of("format", "valueOf", "join")),
            Map.entry(Integer.class, Set.of("valueOf", "parseInt", "compare", "toString", "min", "max", "sum", "signum")),
            Map.entry(Long.class, Set.of("valueOf", "parseLong", "compare", "toString", "min", "max", "sum", "signum")),
            Map.entry(Double.class, Set.of("valueOf", "parseDouble", "compare", "toString", "min", "max", "sum",
                    "isNaN", "isFinite", "isInfinite")),
            Map.entry(Float.class, Set.of("valueOf", "parseFloat", "compare", "toString", "min", "max", "isNaN")),
            Map.entry(Short.class, Set.of("valueOf", "compare")),
            Map.entry(Byte.class, Set.of("valueOf", "compare")),
            Map.entry(Boolean.class, Set.of("valueOf", "parseBoolean", "compare", "toString")),
            Map.entry(Character.class, Set.of("valueOf", "isDigit", "isLetter", "isUpperCase", "toUpperCase")),
            Map.entry(List.class, Set.of("of", "copyOf")),
            Map.entry(Map.class, Set.of("of", "copyOf", "entry")),
            Map.entry(Set.class, Set.of("of", "copyOf")));

    /** Instance methods allowed on any value a rule can reach (its receiver can only be an allowed type). */
    static final Set<String> INSTANCE_METHODS = Set.of(
            // BigDecimal
            "add", "subtract", "multiply", "divide", "divideToIntegralValue", "remainder", "pow", "abs", "negate",
            "plus", "round", "setScale", "scale", "precision", "signum", "movePointLeft", "movePointRight",
            "scaleByPowerOfTen", "stripTrailingZeros", "compareTo", "min", "max", "toPlainString",
            "toEngineeringString", "doubleValue", "floatValue", "intValue", "longValue", "intValueExact",
            "longValueExact", "ulp", "sqrt",
            // String and StringBuilder
            "length", "isEmpty", "isBlank", "charAt", "startsWith", "endsWith", "contains", "indexOf",
            "lastIndexOf", "substring", "toUpperCase", "toLowerCase", "trim", "strip", "equalsIgnoreCase",
            "formatted", "concat", "append",
            // boxed values, enums, any object
            "booleanValue", "isNaN", "name", "ordinal", "equals", "hashCode", "toString",
            // read-only collections
            "size", "get", "getOrDefault", "containsKey", "containsValue");

    private static final Set<Class<?>> TYPES;
    private static final Set<String> FACT_METHODS = FactModel.kb().instanceMethodNames();

    static {
        Set<Class<?>> types = new HashSet<>(LIBRARY_TYPES);
        types.addAll(FactModel.kb().types());
        TYPES = Set.copyOf(types);
    }

    private AllowedApi() {
    }

    static boolean isAllowedType(Class<?> type) {
        Class<?> t = type;
        while (t.isArray()) {
            t = t.getComponentType();
        }
        return t.isPrimitive() || TYPES.contains(t);
    }

    static boolean isAllowedStaticCall(Class<?> type, String method) {
        if (!isAllowedType(type)) {
            return false;
        }
        if (type == Outcomes.class || type == Measures.class || type == Math.class || FactModel.kb().contains(type)) {
            return Arrays.stream(type.getMethods())
                    .anyMatch(m -> m.getName().equals(method) && Modifier.isStatic(m.getModifiers()));
        }
        return STATIC_METHODS.getOrDefault(type, Set.of()).contains(method);
    }

    static boolean isAllowedInstanceCall(String method) {
        return INSTANCE_METHODS.contains(method) || FACT_METHODS.contains(method);
    }

    /** A field read on a value: a record component read MVEL-style ({@code $p.quantity}) or an array's length. */
    static boolean isAllowedFieldRead(String field) {
        return FACT_METHODS.contains(field) || field.equals("length");
    }

    /** Why a type is not allowed. */
    static Forbidden reasonFor(Class<?> type, String member) {
        String name = type.getName();
        String pkg = type.getPackageName();
        if ((type == System.class || type == Runtime.class) && Set.of("exit", "halt").contains(member)) {
            return Forbidden.STOP_JVM;
        }
        if (type == Runtime.class || type == ProcessBuilder.class || type == Process.class || type == ProcessHandle.class) {
            return Forbidden.PROCESS;
        }
        if (type == System.class) {
            return Forbidden.SYSTEM;
        }
        if (pkg.startsWith("java.io") || pkg.startsWith("java.nio")) {
            return Forbidden.FILES;
        }
        if (pkg.startsWith("java.net") || pkg.startsWith("javax.net")) {
            return Forbidden.NETWORK;
        }
        if (type == Class.class || ClassLoader.class.isAssignableFrom(type) || pkg.startsWith("java.lang.reflect")
                || pkg.startsWith("java.lang.invoke") || type == Module.class || name.startsWith("sun.")
                || name.startsWith("jdk.")) {
            return Forbidden.REFLECTION;
        }
        if (Thread.class.isAssignableFrom(type) || pkg.startsWith("java.util.concurrent") || type == ThreadLocal.class) {
            return Forbidden.THREADS;
        }
        return Forbidden.NOT_ALLOWED;
    }

    /** Why an instance method is not allowed. */
    static Forbidden reasonFor(String method) {
        return switch (method) {
            case "getClass", "getMethod", "getMethods", "getDeclaredMethod", "getDeclaredMethods", "getField",
                 "getDeclaredField", "invoke", "newInstance", "forName", "getClassLoader", "loadClass",
                 "setAccessible", "getConstructor", "getDeclaredConstructor" -> Forbidden.REFLECTION;
            case "exec", "start", "destroy" -> Forbidden.PROCESS;
            case "exit", "halt" -> Forbidden.STOP_JVM;
            case "wait", "notify", "notifyAll", "join", "sleep" -> Forbidden.THREADS;
            case "getKieRuntime", "getWorkingMemory", "getKnowledgeRuntime", "getKieBase", "getEntryPoint",
                 "getChannels" -> Forbidden.KCONTEXT;
            default -> method.matches("set[A-Z].*|put.*|add(All)?|remove.*|clear|replaceAll|sort")
                    && !INSTANCE_METHODS.contains(method) ? Forbidden.CHANGES_FACTS : Forbidden.NOT_ALLOWED;
        };
    }
}
