package dev.arbiter.scenarios.run;

import dev.arbiter.engine.decision.DecisionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened at one decision of a run.
 *
 * @param equity          account value marked at the step's closes
 * @param grossExposure   held notional at the step's closes
 * @param fired           reason codes of every rule that fired, once each
 * @param rejections      rejections by {@code LAYER CODE}
 * @param caps            caps by {@code LAYER CODE}
 * @param halts           halt and reduce-only reason codes
 * @param halted          symbols no order may open in at this step (halt, reduce-only or a flash crash in force)
 * @param approvedBuys    symbols with an approved buy
 * @param openedWhileHalted symbols with an approved buy although halted (should never happen)
 * @param fault           why the decision failed closed (a rule threw, looped or overran; the limit proof
 *                        failed), or null
 */
public record StepRecord(int index, Instant time, DecisionStatus status, double equity, double grossExposure,
                         List<String> fired, Map<String, Integer> rejections, Map<String, Integer> caps,
                         List<String> halts, Set<String> halted, Set<String> approvedBuys,
                         Set<String> openedWhileHalted, String fault) {
}
