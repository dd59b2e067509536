package dev.arbiter.reasoning.explain;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.present;

import java.math.BigDecimal;
import java.util.List;

/**
 * A proposal's size after allocation.
 *
 * @param quantity the size the allocation gave it, &gt;= 0
 * @param boundBy  the sentences of the constraints that bound that size, e.g. "the buy budget of 25000 is used up"
 */
public record SizedOrder(String proposalId, BigDecimal quantity, List<String> boundBy) {

    public SizedOrder {
        identifier("SizedOrder", "proposalId", proposalId);
        nonNegative("SizedOrder", "quantity", quantity);
        boundBy = List.copyOf(present("SizedOrder", "boundBy", boundBy));
    }
}
