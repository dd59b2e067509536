package dev.arbiter.rules.vet;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.Node;
import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AtomicExprDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConstraintConnectiveDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RelationalExprDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlExprParser;
import org.drools.drl.parser.DrlExprParserFactory;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * Vets DRL before it is compiled. DRL has no sandbox, so every import, global, function, condition,
 * {@code eval}, {@code from}, {@code accumulate} and consequence is parsed and checked against
 * {@link AllowedApi}; anything not on the allowlist is refused with the file, the line, the rule, what is
 * forbidden and why. An empty result means the rule set may be compiled.
 */
public final class DrlVetter {

    private static final Set<String> ALLOWED_WILDCARD_IMPORTS = Set.of("dev.arbiter.kb.fact", "dev.arbiter.kb.outcome",
            "dev.arbiter.rules.dsl");
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet");
    private static final Set<String> TIME_ATTRIBUTES = Set.of("timer", "calendars", "duration");
    private static final Pattern MODIFY_BLOCK = Pattern.compile("\\bmodify\\s*\\([^)]*\\)\\s*\\{[^}]*}");
    private static final Pattern FACT_CHANGE = Pattern.compile("\\b(modify|update|retract|delete)\\s*\\(");

    public List<RuleDiagnostic> vet(RuleSet ruleSet) {
        List<RuleDiagnostic> all = new ArrayList<>();
        for (RuleSource source : ruleSet.sources()) {
            all.addAll(vet(source));
        }
        return List.copyOf(all);
    }

    public List<RuleDiagnostic> vet(RuleSource source) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl());
        } catch (DroolsParserException e) {
            return List.of(new RuleDiagnostic(source.path(), 0, "", "the file cannot be read as DRL: " + e.getMessage(), ""));
        }
        if (parser.hasErrors() || pkg == null) {
            return DroolsErrorTranslator.syntaxErrors(source.path(), source.drl(), parser.getErrors());
        }
        return new FileVet(source, pkg).run();
    }

    /** The vetting of one parsed file. */
    private static final class FileVet {
        private final String file;
        private final DrlText text;
        private final PackageDescr pkg;
        private final TypeNames types;
        private final Set<String> functions = new HashSet<>();
        private final Set<RuleDiagnostic> diagnostics = new LinkedHashSet<>();
        private final JavaParser javaParser = new JavaParser(new ParserConfiguration()
                .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21));

        FileVet(RuleSource source, PackageDescr pkg) {
            this.file = source.path();
            this.text = new DrlText(source.drl());
            this.pkg = pkg;
            this.types = new TypeNames(pkg.getName(), pkg.getImports().stream().map(ImportDescr::getTarget).toList());
            pkg.getFunctions().forEach(f -> functions.add(f.getName()));
        }

        List<RuleDiagnostic> run() {
            vetPackage();
            Map<String, Set<String>> calls = new HashMap<>();
            for (FunctionDescr function : pkg.getFunctions()) {
                calls.put(function.getName(), vetFunction(function));
            }
            reportRecursion(calls);
            for (RuleDescr rule : pkg.getRules()) {
                vetRule(rule);
            }
            return List.copyOf(diagnostics);
        }

        private void vetPackage() {
            for (ImportDescr imp : pkg.getImports()) {
                String target = imp.getTarget();
                if (target.endsWith(".*")) {
                    String wildcard = target.substring(0, target.length() - 2);
                    if (!ALLOWED_WILDCARD_IMPORTS.contains(wildcard)) {
                        forbidden(imp.getLine(), "", Forbidden.NOT_ALLOWED, "import " + target);
                    }
                    continue;
                }
                types.load(target).filter(t -> !AllowedApi.isAllowedType(t))
                        .ifPresent(t -> forbidden(imp.getLine(), "", AllowedApi.reasonFor(t, ""), "import " + target));
            }
            pkg.getFunctionImports().forEach(f -> forbidden(f.getLine(), "", Forbidden.NOT_ALLOWED,
                    "import function " + f.getTarget()));
            pkg.getAccumulateImports().forEach(a -> forbidden(a.getLine(), "", Forbidden.NOT_ALLOWED,
                    "import accumulate " + a.getTarget()));
            for (GlobalDescr global : pkg.getGlobals()) {
                forbidden(global.getLine(), "", Forbidden.GLOBAL, "global " + global.getType() + " " + global.getIdentifier());
            }
            pkg.getClassAndEnumDeclarationDescrs().forEach(d -> forbidden(d.getLine(), "", Forbidden.DECLARATION,
                    "declare " + d.getTypeName()));
            pkg.getEntryPointDeclarations().forEach(d -> forbidden(d.getLine(), "", Forbidden.DECLARATION,
                    "declare entry-point " + d.getEntryPointId()));
            pkg.getWindowDeclarations().forEach(d -> forbidden(d.getLine(), "", Forbidden.DECLARATION,
                    "declare window " + d.getName()));
        }

        private Set<String> vetFunction(FunctionDescr function) {
            String where = "function " + function.getName();
            for (String type : concat(function.getParameterTypes(), function.getReturnType())) {
                checkTypeName(type, function.getLine(), where);
            }
            String body = function.getBody() == null ? "" : function.getBody();
            int start = baseLine(body, function.getLine());
            JavaVetter vetter = JavaVetter.forCode(types, functions, Set.of(), findings(start, where));
            vetter.addLocals(Set.copyOf(function.getParameterNames()));
            parseBlock(body, start, where).ifPresent(vetter::vet);
            return vetter.calledFunctions();
        }

        private void reportRecursion(Map<String, Set<String>> calls) {
            for (FunctionDescr function : pkg.getFunctions()) {
                if (reaches(function.getName(), function.getName(), calls, new HashSet<>())) {
                    forbidden(function.getLine(), "function " + function.getName(), Forbidden.RECURSION,
                            "calling " + function.getName() + " from itself");
                }
            }
        }

        private static boolean reaches(String from, String target, Map<String, Set<String>> calls, Set<String> seen) {
            for (String next : calls.getOrDefault(from, Set.of())) {
                if (next.equals(target) || (seen.add(next) && reaches(next, target, calls, seen))) {
                    return true;
                }
            }
            return false;
        }

        private void vetRule(RuleDescr rule) {
            String name = rule.getName();
            for (AttributeDescr attribute : rule.getAttributes().values()) {
                vetAttribute(attribute, name);
            }
            RuleScope scope = new RuleScope();
            vetCondition(rule.getLhs(), true, scope, name);
            List<Object> consequences = new ArrayList<>();
            consequences.add(rule.getConsequence());
            consequences.addAll(rule.getNamedConsequences().values());
            int searchFrom = Math.max(rule.getConsequenceLine(), rule.getLine());
            for (Object consequence : consequences) {
                if (consequence instanceof String code && !code.isBlank()) {
                    vetConsequence(code, baseLine(code, searchFrom), scope, name);
                }
            }
        }

        private void vetAttribute(AttributeDescr attribute, String rule) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip().replace("\"", "");
            int line = attribute.getLine() > 0 ? attribute.getLine() : text.ruleLine(rule);
            if (name.equals("dialect") && !value.equals("java")) {
                forbidden(line, rule, Forbidden.DIALECT, "dialect \"" + value + "\"");
            } else if (name.equals("salience") && !value.matches("-?\\d+")) {
                forbidden(line, rule, Forbidden.HIDDEN_CALL, "a computed salience (" + value + ")");
            } else if (name.equals("enabled") && !value.matches("true|false")) {
                forbidden(line, rule, Forbidden.HIDDEN_CALL, "a computed enabled (" + value + ")");
            } else if (TIME_ATTRIBUTES.contains(name)) {
                forbidden(line, rule, Forbidden.SYSTEM, "the " + name + " attribute");
            }
        }

        /** What the rule's conditions bound and matched so far. */
        private static final class RuleScope {
            final Set<String> bound = new HashSet<>();
        }

        private void vetCondition(BaseDescr descr, boolean positive, RuleScope scope, String rule) {
            switch (descr) {
                case AndDescr and -> and.getDescrs().forEach(d -> vetCondition(d, positive, scope, rule));
                case OrDescr or -> or.getDescrs().forEach(d -> vetCondition(d, positive, scope, rule));
                case NotDescr not -> not.getDescrs().forEach(d -> vetCondition((BaseDescr) d, false, scope, rule));
                case ExistsDescr exists -> exists.getDescrs().forEach(d -> vetCondition((BaseDescr) d, false, scope, rule));
                case ForallDescr forall -> forall.getDescrs().forEach(d -> vetCondition(d, false, scope, rule));
                case PatternDescr pattern -> vetPattern(pattern, positive, scope, rule);
                case EvalDescr eval -> {
                    String expression = String.valueOf(eval.getContent());
                    vetExpression(expression, text.lineOf(expression, eval.getLine()), Set.of(), scope, rule);
                }
                default -> forbidden(descr.getLine(), rule, Forbidden.NOT_ALLOWED,
                        "the condition element " + descr.getClass().getSimpleName().replace("Descr", ""));
            }
        }

        private void vetPattern(PatternDescr pattern, boolean positive, RuleScope scope, String rule) {
            Optional<Class<?>> type = types.resolve(pattern.getObjectType());
            Set<String> fields = null;
            boolean accumulated = pattern.getSource() instanceof AccumulateDescr;
            if (type.isPresent() && !(accumulated && type.get() == Object.class)) {
                if (!AllowedApi.isAllowedType(type.get())) {
                    forbidden(pattern.getLine(), rule, AllowedApi.reasonFor(type.get(), ""),
                            "matching " + type.get().getName());
                }
                fields = fieldsOf(type.get());
            }
            if (pattern.getIdentifier() != null) {
                scope.bound.add(pattern.getIdentifier());
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (constraint instanceof ExprConstraintDescr expr) {
                    vetConstraint(expr, fields, scope, rule);
                } else {
                    forbidden(constraint.getLine(), rule, Forbidden.NOT_ALLOWED, "the constraint " + constraint.getText());
                }
            }
            if (pattern.getSource() != null) {
                vetSource(pattern.getSource(), pattern.getLine(), scope, rule);
            }
        }

        private void vetSource(BaseDescr source, int patternLine, RuleScope scope, String rule) {
            int line = source.getLine() > 0 ? source.getLine() : patternLine;
            switch (source) {
                case FromDescr from -> vetExpression(from.getExpression(), text.lineOf(from.getExpression(), line),
                        Set.of(), scope, rule);
                case EntryPointDescr entryPoint -> {
                }
                case CollectDescr collect -> vetCondition(collect.getInputPattern(), false, scope, rule);
                case AccumulateDescr acc -> {
                    if (acc.getInput() != null) {
                        vetCondition(acc.getInput(), false, scope, rule);
                    }
                    for (String code : new String[] {acc.getInitCode(), acc.getActionCode(), acc.getReverseCode()}) {
                        if (code != null && !code.isBlank()) {
                            vetConsequence(code, baseLine(code, line), scope, rule);
                        }
                    }
                    if (acc.getResultCode() != null && !acc.getResultCode().isBlank()) {
                        vetExpression(acc.getResultCode(), text.lineOf(acc.getResultCode(), line), Set.of(), scope, rule);
                    }
                    for (AccumulateDescr.AccumulateFunctionCallDescr function : acc.getFunctions()) {
                        if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                            forbidden(line, rule, Forbidden.NOT_ALLOWED, "the accumulate function " + function.getFunction());
                        }
                        if (function.getBind() != null) {
                            scope.bound.add(function.getBind());
                        }
                        for (String param : function.getParams()) {
                            vetExpression(param, text.lineOf(param, line), Set.of(), scope, rule);
                        }
                    }
                }
                default -> forbidden(line, rule, Forbidden.NOT_ALLOWED,
                        "the source " + source.getClass().getSimpleName().replace("Descr", ""));
            }
        }

        private void vetConstraint(ExprConstraintDescr constraint, Set<String> fields, RuleScope scope, String rule) {
            DrlExprParser parser = DrlExprParserFactory.getDrlExprParser(DrlParser.DEFAULT_LANGUAGE_LEVEL);
            ConstraintConnectiveDescr tree = parser.parse(constraint.getExpression());
            if (parser.hasErrors() || tree == null) {
                diagnostics.add(new RuleDiagnostic(file, constraint.getLine(), rule, "the condition '"
                        + constraint.getExpression() + "' cannot be read",
                        "write it as a comparison of fields, bound $variables and literals, e.g. quantity > $max"));
                return;
            }
            vetConstraintPart(tree, constraint.getLine(), fields, scope, rule);
        }

        private void vetConstraintPart(BaseDescr part, int line, Set<String> fields, RuleScope scope, String rule) {
            switch (part) {
                case ConstraintConnectiveDescr connective ->
                        connective.getDescrs().forEach(d -> vetConstraintPart(d, line, fields, scope, rule));
                case RelationalExprDescr relation -> {
                    vetConstraintPart(relation.getLeft(), line, fields, scope, rule);
                    vetConstraintPart(relation.getRight(), line, fields, scope, rule);
                }
                case BindingDescr binding -> {
                    scope.bound.add(binding.getVariable());
                    vetExpression(binding.getExpression(), text.lineOf(binding.getExpression(), line), fields, scope, rule);
                }
                case AtomicExprDescr atom -> {
                    if (!atom.isLiteral()) {
                        vetExpression(atom.getExpression(), text.lineOf(atom.getExpression(), line), fields, scope, rule);
                    }
                }
                default -> forbidden(line, rule, Forbidden.NOT_ALLOWED, "the condition " + part.getText());
            }
        }

        /** A condition: bare names are the matched fact's fields ({@code fields}; null when the type is unknown). */
        private void vetExpression(String expression, int line, Set<String> fields, RuleScope scope, String rule) {
            ParseResult<com.github.javaparser.ast.expr.Expression> parsed = javaParser.parseExpression(expression.strip());
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                diagnostics.add(new RuleDiagnostic(file, line, rule, "the expression '" + expression.strip()
                        + "' cannot be checked" + problem(parsed.getProblems()),
                        "write it as a plain Java expression over fields, $variables, Outcomes, Measures and BigDecimal"));
                return;
            }
            JavaVetter.forCondition(types, functions, scope.bound, fields, findings(line, rule)).vet(parsed.getResult().get());
        }

        private void vetConsequence(String code, int startLine, RuleScope scope, String rule) {
            String masked = mask(code);
            Matcher change = FACT_CHANGE.matcher(masked);
            boolean reported = false;
            while (change.find()) {
                int line = startLine + (int) masked.substring(0, change.start()).chars().filter(c -> c == '\n').count();
                if (!isQualifiedCall(masked, change.start())) {
                    forbidden(line, rule, Forbidden.CHANGES_FACTS, change.group(1));
                    reported = true;
                }
            }
            // modify($p) { ... } is not Java: blank it out (already reported) so the rest is still checked
            String java = blank(code, MODIFY_BLOCK.matcher(masked));
            Optional<Node> block = reported ? parseQuietly(java) : parseBlock(java, startLine, rule);
            if (block.isEmpty()) {
                return;
            }
            JavaVetter.forCode(types, functions, scope.bound, findings(startLine, rule)).vet(block.get());
        }

        private static boolean isQualifiedCall(String code, int at) {
            int i = at - 1;
            while (i >= 0 && Character.isWhitespace(code.charAt(i))) {
                i--;
            }
            return i >= 0 && code.charAt(i) == '.' && !code.substring(0, i).stripTrailing().endsWith("drools")
                    && !code.substring(0, i).stripTrailing().endsWith("kcontext");
        }

        private Optional<Node> parseBlock(String code, int startLine, String rule) {
            ParseResult<com.github.javaparser.ast.stmt.BlockStmt> parsed = javaParser.parseBlock("{" + code + "\n}");
            if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
                int relative = parsed.getProblems().stream().findFirst()
                        .flatMap(p -> p.getLocation()).flatMap(l -> l.getBegin().getRange()).map(r -> r.begin.line).orElse(1);
                diagnostics.add(new RuleDiagnostic(file, startLine + relative - 1, rule,
                        "this code cannot be read as Java" + problem(parsed.getProblems()),
                        "check this line and the one before it for a missing ';', ')' or '\"'"));
                return Optional.empty();
            }
            return Optional.of(parsed.getResult().get());
        }

        private Optional<Node> parseQuietly(String code) {
            ParseResult<com.github.javaparser.ast.stmt.BlockStmt> parsed = javaParser.parseBlock("{" + code + "\n}");
            return parsed.isSuccessful() ? parsed.getResult().map(b -> b) : Optional.empty();
        }

        private static String problem(List<Problem> problems) {
            return problems.stream().findFirst()
                    .map(p -> ": " + p.getMessage().lines().findFirst().orElse("").replaceAll("\\s+", " ").strip())
                    .orElse("");
        }

        /** The file line of the first line of {@code code} (which may start with line breaks). */
        private int baseLine(String code, int fromLine) {
            int leadingBreaks = 0;
            for (int i = 0; i < code.length() && Character.isWhitespace(code.charAt(i)); i++) {
                if (code.charAt(i) == '\n') {
                    leadingBreaks++;
                }
            }
            return text.lineOf(code, fromLine) - leadingBreaks;
        }

        private JavaVetter.Findings findings(int startLine, String rule) {
            return (relative, why, what) -> forbidden(startLine + relative - 1, rule, why, what);
        }

        private void forbidden(int line, String rule, Forbidden why, String what) {
            diagnostics.add(new RuleDiagnostic(file, line, rule, what + " is not allowed in a rule: " + why.why(), why.hint()));
        }

        private void checkTypeName(String typeName, int line, String where) {
            if (typeName == null || typeName.isBlank()) {
                return;
            }
            String base = typeName.replaceAll("<.*>", "").replace("[]", "").strip();
            types.resolve(base).filter(t -> !AllowedApi.isAllowedType(t))
                    .ifPresent(t -> forbidden(line, where, AllowedApi.reasonFor(t, ""), t.getName()));
        }

        private static Set<String> fieldsOf(Class<?> type) {
            Set<String> fields = new HashSet<>(FactModel.fieldsOf(type));
            // a fact's own methods read it and nothing else (the kb types are immutable records), with or without
            // arguments: Instrument(balanceNeeded($n, $side, $rate) > 0)
            for (var method : type.getMethods()) {
                if (!java.lang.reflect.Modifier.isStatic(method.getModifiers()) && method.getDeclaringClass() == type) {
                    fields.add(method.getName());
                }
            }
            return fields;
        }

        private static List<String> concat(List<String> list, String one) {
            List<String> all = new ArrayList<>(list);
            all.add(one);
            return all;
        }
    }

    /** {@code code} with every match of {@code matcher} (found on a masked copy of the same length) blanked out. */
    static String blank(String code, Matcher matcher) {
        StringBuilder out = new StringBuilder(code);
        while (matcher.find()) {
            for (int i = matcher.start(); i < matcher.end(); i++) {
                if (out.charAt(i) != '\n') {
                    out.setCharAt(i, ' ');
                }
            }
        }
        return out.toString();
    }

    /** Blanks out string literals and comments, keeping line breaks, so that text searches see only code. */
    static String mask(String code) {
        StringBuilder out = new StringBuilder(code.length());
        Matcher m = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])*'|//[^\n]*|/\\*(?s:.*?)\\*/").matcher(code);
        int last = 0;
        while (m.find()) {
            out.append(code, last, m.start());
            out.append(m.group().replaceAll("[^\n]", " "));
            last = m.end();
        }
        return out.append(code.substring(last)).toString();
    }
}
