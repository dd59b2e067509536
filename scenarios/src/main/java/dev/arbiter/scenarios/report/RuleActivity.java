package dev.arbiter.scenarios.report;

import dev.arbiter.scenarios.run.RunResult;
import dev.arbiter.scenarios.run.StepRecord;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the rules did over a run.
 *
 * @param decisionsByStatus decisions by status
 * @param firingsByCode     decisions in which each reason code fired
 * @param rejections        rejections by {@code LAYER CODE}
 * @param caps              caps by {@code LAYER CODE}
 * @param haltsByCode       decisions with a halt or reduce-only from each code
 * @param haltedDecisions   decisions where at least one instrument was halted
 * @param openedWhileHalted decisions that approved a buy in a halted instrument (must be 0)
 * @param faults            rule-session faults by message (every proposal of such a decision is rejected)
 */
public record RuleActivity(Map<String, Integer> decisionsByStatus, Map<String, Integer> firingsByCode,
                           Map<String, Integer> rejections, Map<String, Integer> caps, Map<String, Integer> haltsByCode,
                           int haltedDecisions, int openedWhileHalted, Map<String, Integer> faults) {

    public static RuleActivity of(RunResult run) {
        Map<String, Integer> statuses = new TreeMap<>();
        Map<String, Integer> fired = new TreeMap<>();
        Map<String, Integer> rejections = new TreeMap<>();
        Map<String, Integer> caps = new TreeMap<>();
        Map<String, Integer> halts = new TreeMap<>();
        int halted = 0;
        int breaches = 0;
        Map<String, Integer> faults = new TreeMap<>();
        for (StepRecord step : run.steps()) {
            statuses.merge(step.status().name(), 1, Integer::sum);
            step.fired().forEach(code -> fired.merge(code, 1, Integer::sum));
            step.rejections().forEach((k, v) -> rejections.merge(k, v, Integer::sum));
            step.caps().forEach((k, v) -> caps.merge(k, v, Integer::sum));
            step.halts().stream().distinct().forEach(code -> halts.merge(code, 1, Integer::sum));
            halted += step.halted().isEmpty() ? 0 : 1;
            breaches += step.openedWhileHalted().isEmpty() ? 0 : 1;
            if (step.fault() != null) {
                faults.merge(step.fault(), 1, Integer::sum);
            }
        }
        return new RuleActivity(statuses, fired, rejections, caps, halts, halted, breaches, faults);
    }
}
