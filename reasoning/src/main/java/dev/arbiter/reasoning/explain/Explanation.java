package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import dev.arbiter.kb.InvalidFactException;
import java.util.List;
import java.util.Set;

/**
 * Why a proposal ended as it did.
 *
 * @param status  one of APPROVED, CAPPED, REJECTED, HALTED, NOT_ALLOCATED, BLOCKED_BY_PROOF
 * @param because the explanation as sentences, in the order the theory gives them
 * @param query   the Prolog goal that was asked, e.g. {@code explain('P-1', Status, Sentences)}
 */
public record Explanation(String proposalId, String status, List<String> because, String query) {

    static final Set<String> STATUSES =
            Set.of("APPROVED", "CAPPED", "REJECTED", "HALTED", "NOT_ALLOCATED", "BLOCKED_BY_PROOF");

    public Explanation {
        identifier("Explanation", "proposalId", proposalId);
        present("Explanation", "status", status);
        if (!STATUSES.contains(status)) {
            throw new InvalidFactException("Explanation", "status", status, "one of " + STATUSES);
        }
        because = List.copyOf(present("Explanation", "because", because));
        text("Explanation", "query", query);
    }
}
