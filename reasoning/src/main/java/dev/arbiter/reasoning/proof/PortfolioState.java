package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.nonNegative;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account and its holdings, as the portfolio limits measure them, with the limits themselves.
 *
 * @param equity          account value, &ge; 0; shares and leverage are of it
 * @param marginUsed      margin already used, &ge; 0, or {@code null} when the account reports no margin
 * @param marginCapacity  margin capacity, &gt; 0; given together with {@code marginUsed}
 * @param holdings        one per symbol at most
 * @param instruments     one per symbol at most; a symbol not described is in cluster {@code all}, no sector,
 *                        no minimum notional
 * @param stressedRegimes symbol &rarr; the stressed regime it is in ({@code HIGH_VOLATILITY}, {@code CRISIS})
 * @param caps            the limits
 */
public record PortfolioState(BigDecimal equity, BigDecimal marginUsed, BigDecimal marginCapacity,
                             List<HeldPosition> holdings, List<InstrumentTerms> instruments,
                             Map<String, String> stressedRegimes, PortfolioCaps caps) {

    private static final String FACT = "PortfolioState";

    public PortfolioState {
        nonNegative(FACT, "equity", equity);
        if (marginUsed != null || marginCapacity != null) {
            nonNegative(FACT, "marginUsed", marginUsed);
            positive(FACT, "marginCapacity", marginCapacity);
        }
        holdings = List.copyOf(present(FACT, "holdings", holdings));
        instruments = List.copyOf(present(FACT, "instruments", instruments));
        present(FACT, "caps", caps);
        unique("holdings", holdings.stream().map(HeldPosition::symbol).toList());
        unique("instruments", instruments.stream().map(InstrumentTerms::symbol).toList());
        Map<String, String> regimes = new TreeMap<>();
        if (stressedRegimes != null) {
            stressedRegimes.forEach((symbol, regime) -> {
                identifier(FACT, "stressedRegimes key", symbol);
                identifier(FACT, "stressedRegimes." + symbol, regime);
                regimes.put(symbol, regime);
            });
        }
        stressedRegimes = Collections.unmodifiableMap(regimes);
    }

    private static void unique(String field, List<String> symbols) {
        Map<String, Integer> symbolToIndex = new LinkedHashMap<>();
        for (int i = 0; i < symbols.size(); i++) {
            Integer earlier = symbolToIndex.putIfAbsent(symbols.get(i), i);
            if (earlier != null) {
                throw new InvalidFactException(FACT, field + "[" + i + "].symbol", symbols.get(i),
                        "each symbol once (" + field + "[" + earlier + "] has it)");
            }
        }
    }

    /** True when the account reports its margin used and capacity. */
    boolean reportsMargin() {
        return marginUsed != null && marginCapacity != null;
    }

    InstrumentTerms instrument(String symbol) {
        return instruments.stream().filter(i -> i.symbol().equals(symbol)).findFirst()
                .orElseGet(() -> InstrumentTerms.undescribed(symbol));
    }

    /** The holding in a symbol, or {@code null}. */
    HeldPosition holding(String symbol) {
        return holdings.stream().filter(h -> h.symbol().equals(symbol)).findFirst().orElse(null);
    }
}
