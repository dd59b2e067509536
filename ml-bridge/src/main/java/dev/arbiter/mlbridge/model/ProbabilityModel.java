package dev.arbiter.mlbridge.model;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/** A trained model: the probability that the label is 1 (the price goes up) for one feature vector. */
public interface ProbabilityModel extends Serializable {

    double probabilityUp(double[] features);

    /**
     * Each feature's contribution to the output for {@code features} (named by {@code names}, the model's
     * columns), where the model can say: none for the baselines, which read no feature's weight.
     */
    default Optional<Attribution> attribution(double[] features, List<String> names) {
        return Optional.empty();
    }
}
