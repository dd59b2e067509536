package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.present;
import static dev.arbiter.kb.Require.text;

import java.util.List;

/**
 * Why a proposal ended as it did.
 *
 * @param status  the status {@link StatusPrecedence} decided, which the sentences explain
 * @param because the explanation as sentences, in the order the theory gives them
 * @param query   the Prolog goal that was asked, e.g. {@code explain('P-1', rejected, Sentences)}
 */
public record Explanation(String proposalId, ProposalStatus status, List<String> because, String query) {

    public Explanation {
        identifier("Explanation", "proposalId", proposalId);
        present("Explanation", "status", status);
        because = List.copyOf(present("Explanation", "because", because));
        text("Explanation", "query", query);
    }
}
