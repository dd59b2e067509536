package dev.arbiter.rules.pack;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.margin.ContractTerms;
import dev.arbiter.kb.margin.Listing;
import java.math.BigDecimal;

/**
 * One instrument as the engine's reference data lists it: the {@link Instrument} fact the rules, the solver and
 * the proof read, and its sector, which the fact does not carry. The sector is defined here and nowhere else:
 * sector exposure caps (solver and proof) group instruments by it.
 *
 * @param instrument symbol, venue, cluster, tick and lot sizes, minimum and maximum notional, validated by the fact
 * @param sector     what the instrument's base asset is used for, e.g. {@code store-of-value}, {@code payments}
 * @param terms      its contract: spot, or a perpetual's size, margin brackets, funding interval and leverage
 */
public record ListedInstrument(Instrument instrument, String sector, ContractTerms terms) {

    public ListedInstrument {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument: null is not accepted; expected an Instrument");
        }
        identifier("Instrument", "sector", sector);
        if (terms == null) {
            terms = ContractTerms.spot(instrument.symbol());
        }
        if (terms.kind() != instrument.kind() || !terms.symbol().equals(instrument.symbol())
                || terms.leverage().compareTo(instrument.leverage()) != 0) {
            throw new IllegalArgumentException("instrument " + instrument.symbol() + ": contract terms of "
                    + terms.symbol() + " (" + terms.kind() + ", leverage " + terms.leverage().toPlainString()
                    + ") do not fit a " + instrument.kind() + " instrument at leverage "
                    + instrument.leverage().toPlainString());
        }
    }

    /** A spot instrument. */
    public ListedInstrument(Instrument instrument, String sector) {
        this(instrument, sector, null);
    }

    /** What the margin model needs of it. */
    public Listing listing() {
        return new Listing(terms, instrument.cluster(), sector);
    }

    public String symbol() {
        return instrument.symbol();
    }

    /** Convenience for tests and what-if runs: every field in file order. */
    public static ListedInstrument of(String symbol, String venue, String cluster, String sector, String tickSize,
                                      String lotSize, String minNotional, String maxNotional) {
        return new ListedInstrument(new Instrument(symbol, venue, cluster, new BigDecimal(tickSize),
                new BigDecimal(lotSize), new BigDecimal(minNotional), new BigDecimal(maxNotional)), sector);
    }
}
