package dev.arbiter.cluster.core;

import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.mlbridge.features.FeatureSet;
import java.util.Optional;
import java.util.function.Function;

/**
 * What every account's core decides with: the pipeline (one per worker), the instruments it lists, the state's
 * settings, the indicators' feature set and the models requests may name.
 *
 * @param instruments the listed instruments; null for the active release's reference data, as the service lists
 */
public record CoreSetup(DecisionPipeline pipeline, Function<String, Optional<Instrument>> instruments,
                        StateSettings settings, FeatureSet features, ActiveModels models) {

    /** The instruments decisions list now. */
    Function<String, Optional<Instrument>> listed() {
        return instruments != null ? instruments : pipeline.active().instruments()::find;
    }
}
