package dev.arbiter.rules.vet;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.ClassExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.arbiter.rules.dsl.Outcomes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one piece of Java (a consequence, a function body, a condition) against {@link AllowedApi}.
 * Walks the whole tree: every type reference, {@code new}, static call, method call and field read.
 */
final class JavaVetter {

    /** Receives what was found, at a line relative to the start of the piece of code (1-based). */
    interface Findings {
        void forbidden(int relativeLine, Forbidden why, String what);
    }

    private static final Set<String> FACT_CHANGES = Set.of("modify", "update", "retract", "delete");

    private final TypeNames types;
    private final Set<String> functions;
    private final Set<String> boundVariables;
    /** In a condition: the fields of the matched type, or null when that type is unknown. */
    private final Set<String> factFields;
    private final boolean condition;
    private final Findings findings;
    private final Set<String> locals = new HashSet<>();
    private final Set<String> calledFunctions = new HashSet<>();

    private JavaVetter(TypeNames types, Set<String> functions, Set<String> boundVariables, Set<String> factFields,
                       boolean condition, Findings findings) {
        this.types = types;
        this.functions = functions;
        this.boundVariables = boundVariables;
        this.factFields = factFields;
        this.condition = condition;
        this.findings = findings;
    }

    static JavaVetter forCode(TypeNames types, Set<String> functions, Set<String> boundVariables, Findings findings) {
        return new JavaVetter(types, functions, boundVariables, Set.of(), false, findings);
    }

    static JavaVetter forCondition(TypeNames types, Set<String> functions, Set<String> boundVariables,
                                   Set<String> factFields, Findings findings) {
        return new JavaVetter(types, functions, boundVariables, factFields, true, findings);
    }

    Set<String> calledFunctions() {
        return calledFunctions;
    }

    void vet(Node root) {
        root.findAll(VariableDeclarator.class).forEach(v -> locals.add(v.getNameAsString()));
        root.findAll(Parameter.class).forEach(p -> locals.add(p.getNameAsString()));
        root.findAll(PatternExpr.class).forEach(p -> p.findAll(com.github.javaparser.ast.expr.SimpleName.class)
                .forEach(n -> locals.add(n.asString())));
        check(root);
    }

    void addLocals(Set<String> names) {
        locals.addAll(names);
    }

    private boolean check(Node node) {
        switch (node) {
            case WhileStmt s -> {
                report(s, Forbidden.LOOP, "a while loop");
                return checkChildren(s) || true;
            }
            case DoStmt s -> {
                report(s, Forbidden.LOOP, "a do-while loop");
                return checkChildren(s) || true;
            }
            case ForStmt s -> {
                report(s, Forbidden.LOOP, "a for loop");
                return checkChildren(s) || true;
            }
            case ForEachStmt s -> {
                report(s, Forbidden.LOOP, "a for loop");
                return checkChildren(s) || true;
            }
            case SynchronizedStmt s -> {
                report(s, Forbidden.THREADS, "synchronized");
                return true;
            }
            case LocalClassDeclarationStmt s -> {
                report(s, Forbidden.HIDDEN_CALL, "declaring a class");
                return true;
            }
            case LocalRecordDeclarationStmt s -> {
                report(s, Forbidden.HIDDEN_CALL, "declaring a record");
                return true;
            }
            case LambdaExpr e -> {
                report(e, Forbidden.HIDDEN_CALL, "a lambda");
                return true;
            }
            case MethodReferenceExpr e -> {
                report(e, Forbidden.HIDDEN_CALL, "the method reference " + e);
                return true;
            }
            case ClassExpr e -> {
                report(e, Forbidden.REFLECTION, e + "");
                return true;
            }
            case SuperExpr e -> {
                report(e, Forbidden.HIDDEN_CALL, "super");
                return true;
            }
            case ThisExpr e -> {
                if (!condition) {
                    report(e, Forbidden.HIDDEN_CALL, "this");
                    return true;
                }
                return false;
            }
            case AssignExpr e -> {
                boolean bad = checkAssignTarget(e.getTarget());
                return check(e.getValue()) || bad;
            }
            case UnaryExpr e when e.getOperator().name().contains("CREMENT") -> {
                boolean bad = checkAssignTarget(e.getExpression());
                return check(e.getExpression()) || bad;
            }
            case ObjectCreationExpr e -> {
                boolean bad = checkType(e.getType());
                if (e.getAnonymousClassBody().isPresent()) {
                    report(e, Forbidden.HIDDEN_CALL, "an anonymous class");
                    bad = true;
                }
                for (Expression arg : e.getArguments()) {
                    bad |= check(arg);
                }
                return bad;
            }
            case ClassOrInterfaceType t -> {
                return checkType(t);
            }
            case MethodCallExpr e -> {
                return checkCall(e);
            }
            case FieldAccessExpr e -> {
                return checkFieldAccess(e);
            }
            case NameExpr e -> {
                return checkName(e);
            }
            default -> {
                return checkChildren(node);
            }
        }
    }

    private boolean checkChildren(Node node) {
        boolean bad = false;
        for (Node child : List.copyOf(node.getChildNodes())) {
            bad |= check(child);
        }
        return bad;
    }

    private boolean checkAssignTarget(Expression target) {
        if (target instanceof NameExpr name && locals.contains(name.getNameAsString())) {
            return false;
        }
        report(target, Forbidden.CHANGES_STATE, "changing " + target);
        return true;
    }

    private boolean checkType(ClassOrInterfaceType type) {
        boolean bad = false;
        Optional<Class<?>> resolved = types.resolve(type.getNameWithScope());
        if (resolved.isPresent() && !AllowedApi.isAllowedType(resolved.get())) {
            report(type, AllowedApi.reasonFor(resolved.get(), ""), displayName(resolved.get()));
            bad = true;
        }
        for (var arg : type.getTypeArguments().orElse(new com.github.javaparser.ast.NodeList<>())) {
            bad |= check(arg);
        }
        return bad;
    }

    private boolean checkCall(MethodCallExpr call) {
        String name = call.getNameAsString();
        boolean bad = false;
        if (call.getScope().isEmpty()) {
            if (name.equals("insert")) {
                bad = false; // what is inserted is checked below like any argument
            } else if (condition && factFields != null && factFields.contains(name)) {
                return call.getArguments().stream().map(this::check).reduce(false, Boolean::logicalOr);
            } else if (functions.contains(name)) {
                calledFunctions.add(name);
            } else if (FACT_CHANGES.contains(name)) {
                report(call, Forbidden.CHANGES_FACTS, name);
                bad = true;
            } else {
                report(call, Forbidden.NOT_ALLOWED, name + "(...)");
                bad = true;
            }
        } else {
            Expression scope = call.getScope().get();
            Chain chain = chain(scope);
            if (chain != null && chain.type != null) {
                bad = checkStatic(call, chain, name);
            } else if (chain != null && chain.root.equals("kcontext")) {
                report(call, Forbidden.KCONTEXT, "kcontext." + name);
                bad = true;
            } else if (chain != null && chain.root.equals("drools")) {
                if (!name.equals("insert") || !chain.rest.isEmpty()) {
                    report(call, FACT_CHANGES.contains(name) ? Forbidden.CHANGES_FACTS : Forbidden.KCONTEXT,
                            "drools." + name);
                    bad = true;
                }
            } else {
                bad = chain != null ? checkValueChain(scope, chain) : check(scope);
                if (!bad && !AllowedApi.isAllowedInstanceCall(name)) {
                    report(call, AllowedApi.reasonFor(name), name);
                    bad = true;
                }
            }
        }
        for (Expression arg : call.getArguments()) {
            bad |= check(arg);
        }
        call.getTypeArguments().ifPresent(args -> args.forEach(this::check));
        return bad;
    }

    private boolean checkStatic(MethodCallExpr call, Chain chain, String method) {
        Class<?> type = chain.type;
        String member = chain.rest.isEmpty() ? method : chain.rest.get(0);
        if (!AllowedApi.isAllowedType(type)) {
            report(call, AllowedApi.reasonFor(type, member), displayName(type) + "." + member);
            return true;
        }
        if (chain.rest.isEmpty()) {
            if (!AllowedApi.isAllowedStaticCall(type, method)) {
                report(call, AllowedApi.reasonFor(type, method), displayName(type) + "." + method);
                return true;
            }
            return false;
        }
        if (!isStaticField(type, chain.rest.get(0))) {
            report(call, Forbidden.NOT_ALLOWED, displayName(type) + "." + chain.rest.get(0));
            return true;
        }
        for (String field : chain.rest.subList(1, chain.rest.size())) {
            if (!AllowedApi.isAllowedFieldRead(field)) {
                report(call, Forbidden.NOT_ALLOWED, "the field " + field);
                return true;
            }
        }
        if (!AllowedApi.isAllowedInstanceCall(method)) {
            report(call, AllowedApi.reasonFor(method), method);
            return true;
        }
        return false;
    }

    private boolean checkFieldAccess(FieldAccessExpr access) {
        Chain chain = chain(access);
        if (chain == null) {
            boolean bad = check(access.getScope());
            if (!bad && !AllowedApi.isAllowedFieldRead(access.getNameAsString())) {
                report(access, Forbidden.NOT_ALLOWED, "the field " + access.getNameAsString());
                return true;
            }
            return bad;
        }
        if (chain.type != null) {
            Class<?> type = chain.type;
            String member = chain.rest.isEmpty() ? "" : chain.rest.get(0);
            if (!AllowedApi.isAllowedType(type)) {
                report(access, AllowedApi.reasonFor(type, member), displayName(type) + (member.isEmpty() ? "" : "." + member));
                return true;
            }
            if (!member.isEmpty() && !isStaticField(type, member)) {
                report(access, Forbidden.NOT_ALLOWED, displayName(type) + "." + member);
                return true;
            }
            for (String field : chain.rest.subList(Math.min(1, chain.rest.size()), chain.rest.size())) {
                if (!AllowedApi.isAllowedFieldRead(field)) {
                    report(access, Forbidden.NOT_ALLOWED, "the field " + field);
                    return true;
                }
            }
            return false;
        }
        return checkValueChain(access, chain);
    }

    private boolean checkValueChain(Expression where, Chain chain) {
        if (chain.root.equals("kcontext") || chain.root.equals("drools")) {
            report(where, Forbidden.KCONTEXT, chain.root + (chain.rest.isEmpty() ? "" : "." + chain.rest.get(0)));
            return true;
        }
        for (String field : chain.rest) {
            if (!AllowedApi.isAllowedFieldRead(field)) {
                report(where, Forbidden.NOT_ALLOWED, "the field " + field);
                return true;
            }
        }
        return false;
    }

    private boolean checkName(NameExpr name) {
        String id = name.getNameAsString();
        if (id.equals("drools")) {
            report(name, Forbidden.KCONTEXT, "drools");
            return true;
        }
        if (id.equals("kcontext")) {
            boolean passedToOutcomes = name.getParentNode()
                    .filter(p -> p instanceof MethodCallExpr call && call.getArguments().contains(name)
                            && call.getScope().map(this::chain).map(c -> c.type == Outcomes.class && c.rest.isEmpty())
                            .orElse(false))
                    .isPresent();
            if (!passedToOutcomes) {
                report(name, Forbidden.KCONTEXT, "using kcontext here");
                return true;
            }
            return false;
        }
        if (!isVariable(id)) {
            Optional<Class<?>> type = types.resolve(id);
            if (type.isPresent() && !AllowedApi.isAllowedType(type.get())) {
                report(name, AllowedApi.reasonFor(type.get(), ""), displayName(type.get()));
                return true;
            }
        }
        return false;
    }

    private boolean isVariable(String id) {
        return id.startsWith("$") || locals.contains(id) || boundVariables.contains(id) || id.equals("kcontext")
                || id.equals("drools") || (condition && (factFields == null || factFields.contains(id)));
    }

    /** A dotted chain of names: either a type followed by static members, or a variable followed by fields. */
    private record Chain(String root, Class<?> type, List<String> rest) {
    }

    private Chain chain(Expression e) {
        List<String> ids = new ArrayList<>();
        Expression cur = e;
        while (cur instanceof FieldAccessExpr f) {
            ids.addFirst(f.getNameAsString());
            cur = f.getScope();
        }
        if (!(cur instanceof NameExpr root)) {
            return null;
        }
        ids.addFirst(root.getNameAsString());
        if (isVariable(ids.getFirst())) {
            return new Chain(ids.getFirst(), null, ids.subList(1, ids.size()));
        }
        for (int i = 1; i <= ids.size(); i++) {
            Optional<Class<?>> type = types.resolve(String.join(".", ids.subList(0, i)));
            if (type.isPresent()) {
                return new Chain(ids.getFirst(), type.get(), ids.subList(i, ids.size()));
            }
        }
        return new Chain(ids.getFirst(), null, ids.subList(1, ids.size()));
    }

    private static boolean isStaticField(Class<?> type, String name) {
        try {
            Field field = type.getField(name);
            return Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers());
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static String displayName(Class<?> type) {
        return type.getPackageName().equals("java.lang") || AllowedApi.isAllowedType(type)
                ? type.getSimpleName() : type.getName();
    }

    private void report(Node node, Forbidden why, String what) {
        findings.forbidden(node.getBegin().map(p -> p.line).orElse(1), why, what);
    }
}
