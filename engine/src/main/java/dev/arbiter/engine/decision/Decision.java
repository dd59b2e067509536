package dev.arbiter.engine.decision;

import java.time.Instant;
import java.util.List;

/** The answer to a decision request: the status, the orders to send and what happened to each proposal. */
public record Decision(String decisionId, String requestId, Instant asOf, DecisionStatus status, String summary,
                       List<Order> orders, List<ProposalVerdict> proposals, Versions versions) {
}
