package dev.arbiter.engine.decision;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * What happened to one proposal, in words a client can show a trader.
 *
 * @param status      APPROVED, CAPPED, REJECTED, HALTED, NOT_ALLOCATED or BLOCKED_BY_PROOF
 * @param reasonCodes the stable codes of every rule outcome that touched the proposal
 * @param explanation the Prolog explanation, one sentence per reason; null, and left out of the JSON, while the
 *                    decision is acknowledged but not yet explained ({@link ExplanationTiming#AFTER_ACKNOWLEDGEMENT})
 */
public record ProposalVerdict(String proposalId, String origin, String symbol, Side side, BigDecimal requestedQuantity,
                              BigDecimal finalQuantity, String status, List<String> reasonCodes,
                              @JsonInclude(JsonInclude.Include.NON_NULL) List<String> explanation) {

    /** This verdict with its explanation's sentences. */
    public ProposalVerdict withExplanation(List<String> sentences) {
        return new ProposalVerdict(proposalId, origin, symbol, side, requestedQuantity, finalQuantity, status,
                reasonCodes, List.copyOf(sentences));
    }
}
