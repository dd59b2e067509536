package dev.arbiter.scenarios.margin;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.margin.ContractTerms;
import dev.arbiter.kb.margin.Listing;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.scenarios.spec.MarketFeed;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each instrument of a scenario is: a perpetual when the rule set's {@code instruments.json} lists its symbol
 * as one (with that listing's contract terms: size, leverage, margin brackets, funding interval), else spot, paid in
 * full, with its market entry's cluster.
 */
public final class Contracts {

    private final Map<String, Listing> symbolToListing;

    private Contracts(Map<String, Listing> symbolToListing) {
        this.symbolToListing = Map.copyOf(symbolToListing);
    }

    public static Contracts of(List<MarketFeed> feeds, InstrumentSet listed) {
        Map<String, Listing> listings = new LinkedHashMap<>();
        for (MarketFeed feed : feeds) {
            Listing listing = listed.listingOf(feed.symbol());
            listings.put(feed.symbol(), listing != null && listing.terms().kind() != InstrumentKind.SPOT ? listing
                    : new Listing(ContractTerms.spot(feed.symbol()), feed.cluster(), null));
        }
        return new Contracts(listings);
    }

    /** The listing of a scenario symbol; for the margin model's look-ups. */
    public Listing listing(String symbol) {
        Listing listing = symbolToListing.get(symbol);
        if (listing == null) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not in the scenario's market "
                    + symbolToListing.keySet());
        }
        return listing;
    }

    public ContractTerms terms(String symbol) {
        return listing(symbol).terms();
    }

    public InstrumentKind kind(String symbol) {
        return terms(symbol).kind();
    }

    public boolean perpetual(String symbol) {
        return kind(symbol) == InstrumentKind.LINEAR_PERPETUAL;
    }
}
