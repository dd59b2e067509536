package dev.arbiter.mlbridge.model;

import java.io.Serializable;

/** A trained model: the probability that the label is 1 (the price goes up) for one feature vector. */
public interface ProbabilityModel extends Serializable {

    double probabilityUp(double[] features);
}
