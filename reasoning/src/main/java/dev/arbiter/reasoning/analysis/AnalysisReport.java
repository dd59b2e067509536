package dev.arbiter.reasoning.analysis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link RuleSetAnalyzer} found in a rule set.
 *
 * @param ruleSetVersion the content version of the rule set analysed
 * @param analysed       the rules whose conditions are in the analysed subset
 * @param notAnalysed    every other rule, with the reason; none is skipped silently
 * @param dead           rules that can never fire
 * @param shadowed       rules another rule of the same layer always overrides with the same or a stronger outcome
 * @param limitConflicts limits that contradict each other
 * @param invariants     each invariant, proved or refuted (with a counterexample)
 * @param took           how long the analysis ran
 */
public record AnalysisReport(String ruleSetVersion, List<RuleRef> analysed, List<NotAnalysed> notAnalysed,
                             List<DeadRule> dead, List<Shadowing> shadowed, List<LimitConflict> limitConflicts,
                             List<InvariantResult> invariants, Duration took) {

    public AnalysisReport {
        analysed = List.copyOf(analysed);
        notAnalysed = List.copyOf(notAnalysed);
        dead = List.copyOf(dead);
        shadowed = List.copyOf(shadowed);
        limitConflicts = List.copyOf(limitConflicts);
        invariants = List.copyOf(invariants);
    }

    /** A rule, as a report names it. */
    public record RuleRef(String rule, String reasonCode, String layer, String file) {
        @Override
        public String toString() {
            return reasonCode + " (\"" + rule + "\", " + layer + ", " + file + ")";
        }
    }

    public record NotAnalysed(RuleRef rule, String reason) {
    }

    /** @param because the assumptions that together rule the condition out (an unsat core), or the missing limits */
    public record DeadRule(RuleRef rule, List<String> because) {
    }

    /** {@code rule} never fires without {@code by} firing too, with an outcome at least as strong. */
    public record Shadowing(RuleRef rule, RuleRef by) {
    }

    /** @param limits the limits that conflict; @param detail the conflict in words */
    public record LimitConflict(List<String> limits, String detail) {
    }

    public enum Verdict {
        /** Holds for every input the fact model allows. */
        PROVED,
        /** An input slips through; the counterexample shows it. */
        REFUTED,
        /** Z3 gave no answer within its time. */
        UNKNOWN,
        /** The invariant cannot be read: the detail says why. */
        INVALID
    }

    /**
     * @param counterexample for a refuted invariant, a rule-test case (YAML) whose facts slip through:
     *                       paste it into a {@code *.test.yaml} file of the rule set; empty otherwise
     */
    public record InvariantResult(String name, String statement, Verdict verdict, String detail,
                                  String counterexample) {
    }

    /**
     * Whether the rule set may go live: no dead rule, no limit conflict, every invariant proved. Shadowed
     * rules are warnings: a shadowed rule may be kept on purpose (a second, differently worded control).
     */
    public boolean passes() {
        return dead.isEmpty() && limitConflicts.isEmpty()
                && invariants.stream().allMatch(i -> i.verdict() == Verdict.PROVED);
    }

    /** The report as lines for a terminal or a log. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("analysis of rule set " + ruleSetVersion + ": " + analysed.size() + " rules analysed, "
                + notAnalysed.size() + " not analysed, in " + took.toMillis() + " ms");
        for (DeadRule d : dead) {
            lines.add("error: dead rule " + d.rule() + " can never fire: " + String.join("; ", d.because()));
        }
        for (LimitConflict c : limitConflicts) {
            lines.add("error: contradictory limits " + c.limits() + ": " + c.detail());
        }
        for (Shadowing s : shadowed) {
            lines.add("warning: shadowed rule " + s.rule() + " never fires without " + s.by()
                    + ", whose outcome is as strong or stronger");
        }
        for (InvariantResult i : invariants) {
            String head = switch (i.verdict()) {
                case PROVED -> "proved: invariant " + i.name();
                case REFUTED -> "error: invariant " + i.name() + " is refuted";
                case UNKNOWN -> "error: invariant " + i.name() + " could not be decided";
                case INVALID -> "error: invariant " + i.name() + " is invalid";
            };
            lines.add(head + " (" + i.statement() + ")" + (i.detail().isEmpty() ? "" : ": " + i.detail()));
            if (!i.counterexample().isEmpty()) {
                lines.add("  counterexample, as a rule-test case:");
                i.counterexample().lines().forEach(line -> lines.add("    " + line));
            }
        }
        for (NotAnalysed n : notAnalysed) {
            lines.add("not analysed: " + n.rule() + ": " + n.reason());
        }
        return lines;
    }
}
