package dev.arbiter.rules.pack;

import static dev.arbiter.kb.Require.identifier;

import dev.arbiter.kb.fact.Instrument;
import java.math.BigDecimal;

/**
 * One instrument as the engine's reference data lists it: the {@link Instrument} fact the rules, the solver and
 * the proof read, and its sector, which the fact does not carry. The sector is defined here and nowhere else:
 * sector exposure caps (solver and proof) group instruments by it.
 *
 * @param instrument symbol, venue, cluster, tick and lot sizes, minimum and maximum notional, validated by the fact
 * @param sector     what the instrument's base asset is used for, e.g. {@code store-of-value}, {@code payments}
 */
public record ListedInstrument(Instrument instrument, String sector) {

    public ListedInstrument {
        if (instrument == null) {
            throw new IllegalArgumentException("instrument: null is not accepted; expected an Instrument");
        }
        identifier("Instrument", "sector", sector);
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
