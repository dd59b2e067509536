package dev.arbiter.rules.vet;

import dev.arbiter.rules.pack.RuleDiagnostic;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.drools.base.rule.LineMappings;
import org.drools.compiler.builder.impl.KnowledgeBuilderImpl;
import org.drools.compiler.compiler.DescrBuildError;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.compiler.compiler.RuleBuildError;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.jci.CompilationProblem;

/**
 * Turns Drools' own errors into diagnostics a risk officer can act on: the file, the real line (a Java
 * error inside {@code then} at its own line, not the rule's first), the rule, what is wrong and a hint;
 * no spurious follow-on errors; unknown fact types and fields list the valid ones.
 */
public final class DroolsErrorTranslator {

    /**
     * Lines Drools 10.2's consequence template puts between a rule class's line mapping offset and the
     * consequence's first line (checked by a test: a consequence error is reported at its own line).
     */
    private static final int CONSEQUENCE_TEMPLATE_LINES = 3;

    private static final Pattern PARSER_MESSAGE = Pattern.compile(
            "(?s)\\[ERR \\d+] Line (\\d+):\\d+ (.*?)(?: in rule \"?([^\"]*)\"?)?\\s*$");
    private static final Pattern UNKNOWN_TYPE = Pattern.compile("Unable to resolve ObjectType '([^']+)'");
    private static final Pattern UNKNOWN_FIELD = Pattern.compile(
            "unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\)");
    private static final Pattern ANALYSE = Pattern.compile("(?s)Unable to Analyse Expression (.*?):\\s*\\[Error: ([^\\]]*)]");
    private static final String SYNTAX_HINT = "Drools stops where it can no longer read the rule, which can be after "
            + "the mistake: check this line and the lines above it for an unfinished condition, an unclosed '(' or "
            + "a missing quote";

    private DroolsErrorTranslator() {
    }

    /** Diagnostics for the errors of a failed Drools build of {@code ruleSet}. */
    public static List<RuleDiagnostic> translate(KnowledgeBuilder builder, RuleSet ruleSet) {
        Map<String, RuleSource> byPath = ruleSet.sources().stream()
                .collect(Collectors.toMap(RuleSource::path, Function.identity()));
        List<KnowledgeBuilderError> errors = List.copyOf(builder.getErrors());
        Set<String> rulesWithBrokenConditions = new HashSet<>();
        for (KnowledgeBuilderError error : errors) {
            if (error instanceof DescrBuildError d && !(error instanceof RuleBuildError)) {
                rulesWithBrokenConditions.add(fileOf(error) + "\u0000" + ruleOf(d));
            }
        }
        List<RuleDiagnostic> diagnostics = new ArrayList<>();
        Set<String> filesWithSyntaxErrors = new HashSet<>();
        for (KnowledgeBuilderError error : errors) {
            String message = error.getMessage() == null ? "" : error.getMessage().strip();
            String file = fileOf(error);
            RuleSource source = byPath.get(file);
            DrlText text = new DrlText(source == null ? "" : source.drl());
            int line = error.getLines().length > 0 ? error.getLines()[0] : 0;
            if (message.startsWith("Parser returned a null Package")) {
                continue; // always follows a syntax error, which says it all
            }
            if (error instanceof ParserError) {
                if (filesWithSyntaxErrors.add(file)) {
                    diagnostics.add(syntax(file, text, line, message));
                }
            } else if (error instanceof RuleBuildError r) {
                String rule = r.getRule() == null ? text.ruleAt(line) : r.getRule().getName();
                if (!rulesWithBrokenConditions.contains(file + "\u0000" + rule)) {
                    diagnostics.addAll(consequenceErrors(builder, r, file, source, text, rule, line, message));
                }
            } else if (error instanceof DescrBuildError d) {
                String rule = ruleOf(d).isEmpty() ? text.ruleAt(line) : ruleOf(d);
                diagnostics.add(condition(file, line, rule, message));
            } else {
                diagnostics.add(new RuleDiagnostic(file, line, text.ruleAt(line), firstLine(message), ""));
            }
        }
        return diagnostics;
    }

    /** A diagnostic about a rule found by name: its file and the line of its header. */
    public static RuleDiagnostic aboutRule(RuleSet ruleSet, String rule, String message, String hint) {
        for (RuleSource source : ruleSet.sources()) {
            int line = new DrlText(source.drl()).ruleLine(rule);
            if (line > 0) {
                return new RuleDiagnostic(source.path(), line, rule, message, hint);
            }
        }
        return new RuleDiagnostic(ruleSet.name(), 0, rule, message, hint);
    }

    /** The first syntax error of a file (the ones after it are usually consequences of it). */
    static List<RuleDiagnostic> syntaxErrors(String file, String drl, List<DroolsError> errors) {
        return errors.stream().filter(e -> !e.getMessage().startsWith("Parser returned a null Package")).findFirst()
                .map(e -> syntax(file, new DrlText(drl), e.getLines().length > 0 ? e.getLines()[0] : 0, e.getMessage()))
                .map(List::of)
                .orElse(List.of(new RuleDiagnostic(file, 0, "", "the file cannot be read as DRL", SYNTAX_HINT)));
    }

    private static RuleDiagnostic syntax(String file, DrlText text, int line, String raw) {
        Matcher m = PARSER_MESSAGE.matcher(raw.strip());
        String what = raw.strip();
        String rule = "";
        if (m.matches()) {
            line = line > 0 ? line : Integer.parseInt(m.group(1));
            what = m.group(2);
            rule = m.group(3) == null ? "" : m.group(3);
        }
        if (rule.isEmpty()) {
            rule = text.ruleAt(line);
        }
        what = what.replaceFirst("^mismatched input '<EOF>'.*$", "the file ends before the rule is complete")
                .replaceFirst("^mismatched input '(.*?)' expecting (.{1,60})$", "'$1' was not expected here; expected $2")
                .replaceFirst("^mismatched input '(.*?)'.*$", "'$1' was not expected here")
                .replaceFirst("^no viable alternative at input '(.*?)'.*$", "the rule cannot be read at '$1'")
                .replaceFirst("^extraneous input '(.*?)'.*$", "'$1' was not expected here")
                .replaceFirst("^missing (.*?) at '(.*?)'.*$", "$1 is missing before '$2'");
        return new RuleDiagnostic(file, line, rule, "syntax error: " + firstLine(what), SYNTAX_HINT);
    }

    private static RuleDiagnostic condition(String file, int line, String rule, String message) {
        Matcher type = UNKNOWN_TYPE.matcher(message);
        if (type.find()) {
            String unknown = type.group(1);
            List<String> valid = FactModel.kb().factTypeNames();
            return new RuleDiagnostic(file, line, rule, "'" + unknown + "' is not a fact type",
                    closest(unknown, valid).map(c -> "did you mean " + c + "? ").orElse("")
                            + "The fact types are " + String.join(", ", valid)
                            + "; each needs an import, e.g. import dev.arbiter.kb.fact."
                            + closest(unknown, valid).orElse("Proposal") + ";");
        }
        Matcher field = UNKNOWN_FIELD.matcher(message);
        if (field.find()) {
            String typeName = field.group(1).substring(field.group(1).lastIndexOf('.') + 1);
            List<String> valid = FactModel.kb().bySimpleName(typeName).map(FactModel::fieldsOf).orElse(List.of());
            return new RuleDiagnostic(file, line, rule, typeName + " has no field '" + field.group(2) + "'",
                    closest(field.group(2), valid).map(c -> "did you mean " + c + "? ").orElse("")
                            + "The fields of " + typeName + " are " + String.join(", ", valid));
        }
        Matcher analyse = ANALYSE.matcher(message);
        if (analyse.find()) {
            return new RuleDiagnostic(file, line, rule, "the condition '" + analyse.group(1).strip()
                    + "' is not valid: " + analyse.group(2).strip(),
                    "compare a field of the fact with a literal, a bound $variable or a limit, e.g. quantity > $max");
        }
        return new RuleDiagnostic(file, line, rule, firstLine(message), "");
    }

    private static List<RuleDiagnostic> consequenceErrors(KnowledgeBuilder builder, RuleBuildError error, String file,
                                                          RuleSource source, DrlText text, String rule, int ruleLine,
                                                          String message) {
        if (!(error.getObject() instanceof Object[] problems) || problems.length == 0) {
            return List.of(new RuleDiagnostic(file, ruleLine, rule,
                    "the consequence does not compile: " + firstLine(message.replaceFirst("^Rule Compilation error", "")), ""));
        }
        List<RuleDiagnostic> diagnostics = new ArrayList<>();
        int[] consequence = consequenceLines(source, text, rule);
        for (Object o : problems) {
            if (!(o instanceof CompilationProblem problem) || !problem.isError()) {
                continue;
            }
            int line = consequence[0] > 0 ? consequence[0] : ruleLine;
            Optional<LineMappings> mappings = lineMappings(builder, error, problem.getFileName());
            if (mappings.isPresent() && consequence[0] > 0) {
                int relative = problem.getStartLine() - mappings.get().getOffset() - CONSEQUENCE_TEMPLATE_LINES;
                if (relative >= 1 && consequence[0] + relative - 1 <= consequence[1]) {
                    line = consequence[0] + relative - 1;
                }
            }
            String what = problem.getMessage().strip();
            diagnostics.add(new RuleDiagnostic(file, line, rule, "the consequence does not compile: " + what, hintFor(what)));
        }
        return diagnostics;
    }

    /** First and last line of a rule's consequence in the file, or {0, 0}. */
    private static int[] consequenceLines(RuleSource source, DrlText text, String rule) {
        if (source == null) {
            return new int[] {0, 0};
        }
        try {
            DrlParser parser = new DrlParser();
            PackageDescr pkg = parser.parse(false, source.drl());
            if (pkg == null) {
                return new int[] {0, 0};
            }
            for (RuleDescr r : pkg.getRules()) {
                if (r.getName().equals(rule) && r.getConsequence() instanceof String code) {
                    int first = text.lineOf(code, r.getConsequenceLine());
                    return new int[] {first, first + (int) code.strip().lines().count() - 1};
                }
            }
        } catch (DroolsParserException e) {
            return new int[] {0, 0};
        }
        return new int[] {0, 0};
    }

    private static Optional<LineMappings> lineMappings(KnowledgeBuilder builder, RuleBuildError error, String javaFile) {
        if (!(builder instanceof KnowledgeBuilderImpl impl) || error.getRule() == null || javaFile == null) {
            return Optional.empty();
        }
        PackageRegistry registry = impl.getPackageRegistry(error.getRule().getPackageName());
        if (registry == null) {
            return Optional.empty();
        }
        String className = javaFile.replaceFirst("\\.java$", "").replace('/', '.');
        return Optional.ofNullable(registry.getDialectRuntimeRegistry().getLineMappings(className));
    }

    private static String hintFor(String javaMessage) {
        if (javaMessage.contains("cannot be resolved to a variable")) {
            return "bind the value in the 'when' part (e.g. $p : Proposal($qty : quantity)) or declare it before use";
        }
        if (javaMessage.contains("cannot be resolved to a type")) {
            return "import the type; the fact types are " + String.join(", ", FactModel.kb().factTypeNames());
        }
        if (javaMessage.contains("is not applicable for the arguments") || javaMessage.contains("is undefined")) {
            return "check the method's name, the number and the types of its arguments against the table of outcomes "
                    + "in docs/rules-guide.md";
        }
        if (javaMessage.contains("Type mismatch") || javaMessage.contains("operator")) {
            return "money, prices and limits are BigDecimal: use add, subtract, multiply, divide and compareTo, "
                    + "not + - * / < >";
        }
        return "";
    }

    private static Optional<String> closest(String wrong, List<String> candidates) {
        return candidates.stream()
                .filter(c -> distance(c.toLowerCase(), wrong.toLowerCase()) <= Math.max(2, wrong.length() / 3))
                .min(Comparator.comparingInt(c -> distance(c.toLowerCase(), wrong.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.length()];
    }

    private static String fileOf(KnowledgeBuilderError error) {
        return error.getResource() == null || error.getResource().getSourcePath() == null
                ? "?" : error.getResource().getSourcePath();
    }

    private static String ruleOf(DescrBuildError error) {
        return error.getParentDescr() instanceof RuleDescr r ? r.getName() : "";
    }

    private static String firstLine(String message) {
        return message.strip().lines().findFirst().orElse("").strip();
    }
}
