package dev.arbiter.engine.shadow;

import dev.arbiter.engine.decision.DecisionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the comparison of a challenger with the champion over a period, from stored rows and decisions only. */
public final class ShadowReports {

    /** A shadow row and the champion's decision it was compared with, as stored. */
    public record Compared(ShadowDecision shadow, DecisionResult champion) {
    }

    private ShadowReports() {
    }

    /**
     * @param compared the challenger's rows in [from, to) with their champions' decisions
     * @param closes   the closes of the bars stored decisions were made with, from the period's on
     */
    public static ShadowReport of(String challengerId, String kind, String description, Instant from, Instant to,
                                  List<Compared> compared, LaterCloses closes) {
        List<Compared> inOrder = compared.stream().sorted(Comparator.comparing((Compared c) -> c.shadow().decidedAt())
                .thenComparing(c -> c.shadow().decisionId())).toList();
        List<ShadowReport.ChangedDecision> changed = new ArrayList<>();
        Map<String, Integer> statusChanges = new TreeMap<>();
        for (Compared c : inOrder) {
            if (!c.shadow().changed()) {
                continue;
            }
            String before = c.champion().decision().status().name();
            String after = c.shadow().decision().status().name();
            changed.add(new ShadowReport.ChangedDecision(c.shadow().decisionId(), c.shadow().decidedAt(), before, after,
                    c.shadow().differences(), c.shadow().rulesResponsible()));
            if (!before.equals(after)) {
                statusChanges.merge(before + "\u0000" + after, 1, Integer::sum);
            }
        }
        List<ShadowReport.StatusChange> statuses = statusChanges.entrySet().stream().map(e -> {
            String[] parts = e.getKey().split("\u0000");
            return new ShadowReport.StatusChange(parts[0], parts[1], e.getValue());
        }).toList();
        List<ShadowReport.ModelScore> models = new ArrayList<>();
        models.addAll(ModelScores.of(ModelScores.CHAMPION, inOrder.stream().map(c -> new ModelScores.Made(
                c.champion().decision(), c.champion().trace().modelPredictions(), c.champion().trace().proposals()))
                .toList(), closes));
        models.addAll(ModelScores.of(ModelScores.CHALLENGER, inOrder.stream().map(c -> new ModelScores.Made(
                c.shadow().decision(), c.shadow().modelPredictions(), c.shadow().proposals())).toList(), closes));
        return new ShadowReport(challengerId, kind, description, from, to, inOrder.size(), changed.size(), statuses,
                changed, models);
    }
}
