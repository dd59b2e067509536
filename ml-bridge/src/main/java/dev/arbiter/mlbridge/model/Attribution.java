package dev.arbiter.mlbridge.model;

import java.util.Comparator;
import java.util.List;

/**
 * Why a model leaned as it did on one feature vector: each feature's contribution to the model's output. With the
 * base value (the output the model gives on average over its training data) they sum to the output, exactly for
 * logistic regression and by TreeSHAP for gradient-boosted trees, both in log-odds of an up move.
 *
 * @param baseValue     the model's expected output (log-odds) before any feature is known
 * @param output        the model's output for this vector (log-odds): {@code log(p / (1 - p))}
 * @param contributions every feature's share of {@code output - baseValue}, in the model's column order
 */
public record Attribution(double baseValue, double output, List<Contribution> contributions) {

    /** One feature's value and what it added to the output (negative: towards a down move). */
    public record Contribution(String feature, double value, double contribution) {
    }

    public Attribution {
        contributions = List.copyOf(contributions);
    }

    /** The {@code n} contributions largest in size, largest first (ties by feature name). */
    public List<Contribution> largest(int n) {
        return contributions.stream()
                .sorted(Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution()))
                        .thenComparing(Contribution::feature))
                .limit(n).toList();
    }

    static double logOdds(double probability) {
        return Math.log(probability / (1 - probability));
    }
}
