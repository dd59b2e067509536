package dev.arbiter.cluster.core;

import dev.arbiter.engine.decision.ActiveModels;
import dev.arbiter.engine.decision.DecisionPipeline;
import dev.arbiter.engine.decision.RuleRelease;
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
 * @param desk        the desk-wide limits leased to accounts, or null for none
 */
public record CoreSetup(DecisionPipeline pipeline, Function<String, Optional<Instrument>> instruments,
                        StateSettings settings, FeatureSet features, ActiveModels models, DeskLimits desk) {

    /** Without desk-wide limits. */
    public CoreSetup(DecisionPipeline pipeline, Function<String, Optional<Instrument>> instruments,
                     StateSettings settings, FeatureSet features, ActiveModels models) {
        this(pipeline, instruments, settings, features, models, null);
    }

    /** The release an account's decision is made with now: the active one, within the desk's lease if it has one. */
    RuleRelease release(String accountId) {
        RuleRelease active = pipeline.active();
        return desk == null ? active : desk.leased(active, accountId);
    }

    /** The instruments decisions list now. */
    Function<String, Optional<Instrument>> listed() {
        return instruments != null ? instruments : pipeline.active().instruments()::find;
    }
}
