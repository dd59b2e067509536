package dev.arbiter.kb.margin;

/** What the model needs of an instrument's reference data: its contract and the groups its exposure counts in. */
public record Listing(ContractTerms terms, String cluster, String sector) {
}
