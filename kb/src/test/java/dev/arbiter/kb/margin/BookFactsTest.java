package dev.arbiter.kb.margin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.fact.VenueExposure;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account's sums the rules read: one portfolio, and the gross exposure per cluster and per venue. */
class BookFactsTest {

    @Test
    void sumsGrossExposurePerVenueAndPerClusterLongAndShortWithWorkingOrders() {
        List<Object> facts = List.of(
                new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"), new BigDecimal("100000"),
                        BigDecimal.ZERO, TradingState.ACTIVE),
                instrument("BTC-USD", "binance-us", "majors"),
                instrument("ETH-USD", "binance-us", "majors"),
                instrument("SOL-USD", "kraken", "alt_layer1"),
                instrument("ADA-USD", "kraken", "alt_layer1"),
                exposure("BTC-USD", "0.2", "30000", "6000", "0"),     // 6,000 long
                exposure("ETH-USD", "-2", "2000", "4000", "1000"),    // 4,000 short and 1,000 working
                exposure("SOL-USD", "10", "100", "1000", "0"),        // 1,000 long
                new Exposure("acct-2", "ADA-USD", BigDecimal.TEN, BigDecimal.ONE, BigDecimal.TEN, BigDecimal.ZERO));

        List<Object> sums = BookFacts.complete(facts).subList(facts.size(), facts.size() + 5);

        assertThat(sums).filteredOn(Portfolio.class::isInstance).singleElement()
                .extracting(f -> ((Portfolio) f).grossExposure()).satisfies(g -> assertThat(g).isEqualByComparingTo("12000"));
        assertThat(sums).filteredOn(VenueExposure.class::isInstance).map(VenueExposure.class::cast)
                .extracting(VenueExposure::venue, v -> v.grossExposure().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("binance-us", "11000"),
                        org.assertj.core.groups.Tuple.tuple("kraken", "1000"));
        assertThat(sums).filteredOn(ClusterExposure.class::isInstance).map(ClusterExposure.class::cast)
                .extracting(ClusterExposure::cluster, c -> c.grossExposure().stripTrailingZeros().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("alt_layer1", "1000"),
                        org.assertj.core.groups.Tuple.tuple("majors", "11000"));
    }

    private static Instrument instrument(String symbol, String venue, String cluster) {
        return new Instrument(symbol, venue, cluster, new BigDecimal("0.01"), new BigDecimal("0.001"), BigDecimal.TEN,
                new BigDecimal("1000000"));
    }

    private static Exposure exposure(String symbol, String quantity, String mark, String notional, String working) {
        return new Exposure("acct-1", symbol, new BigDecimal(quantity), new BigDecimal(mark), new BigDecimal(notional),
                new BigDecimal(working));
    }
}
