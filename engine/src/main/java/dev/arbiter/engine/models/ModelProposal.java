package dev.arbiter.engine.models;

import dev.arbiter.engine.decision.RequestedModel;

/**
 * A risk officer's proposal of a registered model for a symbol and a purpose.
 *
 * @param author  the signed-in officer
 * @param model   the registered model's name
 * @param version the registered version
 * @param symbol  the instrument it is to serve; the one it was trained on when left out
 * @param purpose what it is for; {@code direction} when left out
 * @param role    primary or fallback; primary when left out
 * @param note    why, in the officer's words
 */
public record ModelProposal(String author, String model, String version, String symbol, String purpose,
                            RequestedModel.Role role, String note) {
}
