package dev.arbiter.rules.testing;

import java.util.List;

/**
 * The outcome of a rule-test run: every case with what did not hold, and the rules that lack a case
 * where they fire or one where they stay quiet. Passes only when every case holds and no rule is
 * untested.
 */
public record RuleTestReport(List<Result> results, List<String> untestedRules) {

    public RuleTestReport {
        results = List.copyOf(results);
        untestedRules = List.copyOf(untestedRules);
    }

    /** One case and its failures (empty when it passed). */
    public record Result(RuleTestCase testCase, List<String> failures) {

        public Result {
            failures = List.copyOf(failures);
        }

        public boolean passed() {
            return failures.isEmpty();
        }
    }

    public boolean passed() {
        return untestedRules.isEmpty() && results.stream().allMatch(Result::passed);
    }

    public long failedCount() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** A report a risk officer reads: one line per case, failures indented under it, a summary. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Result result : results) {
            out.append(result.passed() ? "PASS  " : "FAIL  ").append(result.testCase().file()).append(": ")
                    .append(result.testCase().name()).append('\n');
            result.failures().forEach(f -> out.append("        ").append(f).append('\n'));
        }
        untestedRules.forEach(u -> out.append("UNTESTED  ").append(u).append('\n'));
        out.append(results.size() - failedCount()).append(" passed, ").append(failedCount()).append(" failed");
        if (!untestedRules.isEmpty()) {
            out.append(", ").append(untestedRules.size()).append(" missing cases");
        }
        return out.append('\n').toString();
    }
}
