package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.List;

/**
 * What happened to one proposal, in words a client can show a trader.
 *
 * @param status      APPROVED, CAPPED, REJECTED, HALTED, NOT_ALLOCATED or BLOCKED_BY_PROOF
 * @param reasonCodes the stable codes of every rule outcome that touched the proposal
 * @param explanation the Prolog explanation, one sentence per reason
 */
public record ProposalVerdict(String proposalId, String origin, String symbol, Side side, BigDecimal requestedQuantity,
                              BigDecimal finalQuantity, String status, List<String> reasonCodes,
                              List<String> explanation) {
}
