package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;

import java.util.List;

/**
 * Which way a model the engine ran leaned, and the features that moved it most, for the explanation of every
 * proposal that acted on it.
 *
 * @param probabilityUp the model's probability of an up move
 * @param logOdds       the same as log-odds, the scale the contributions add up in
 * @param baseValue     the model's log-odds before any feature is known
 * @param largest       the features that moved it most, largest first
 */
public record ModelLean(String model, String version, double probabilityUp, double logOdds, double baseValue,
                        List<Contribution> largest) {

    /** One feature's contribution to the log-odds (negative: towards a down move). */
    public record Contribution(String feature, double amount) {
    }

    public ModelLean {
        identifier("ModelLean", "model", model);
        present("ModelLean", "version", version);
        largest = List.copyOf(present("ModelLean", "largest", largest));
    }
}
