package dev.arbiter.engine.decision;

import java.util.List;

/**
 * Resolves what a client asks a decision to run to the models in force: the service asks the model lifecycle (only
 * what two officers approved and one activated runs); a command run on a developer's own registry runs the registered
 * version it names ({@link #namedVersions()}).
 */
@FunctionalInterface
public interface ActiveModels {

    /**
     * The models to run for {@code choice}: the slot's primaries (several form an ensemble) and its fallback, if any.
     *
     * @param at the choice's place in the request ({@code models[0]}), for the error that names it
     * @throws InvalidRequestException when nothing active answers the choice, naming what is active
     */
    List<RequestedModel> resolve(ModelChoice choice, String at);

    /** Runs exactly the registered version each choice names, alone; a choice by purpose is refused. */
    static ActiveModels namedVersions() {
        return (choice, at) -> {
            if (choice.model() == null || choice.version() == null) {
                throw new InvalidRequestException(at + ".model", choice.model() == null ? "null" : "'" + choice.model() + "'",
                        "a registered model and version (\"model\" and \"version\"): without the service's model "
                                + "lifecycle no model is active for a purpose");
            }
            return List.of(new RequestedModel(choice.symbol(), choice.model(), choice.version(), choice.purpose(), null, 1));
        };
    }
}
