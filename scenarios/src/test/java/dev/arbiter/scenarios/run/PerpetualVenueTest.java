package dev.arbiter.scenarios.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.engine.state.InMemoryJournal;
import dev.arbiter.engine.state.StateSettings;
import dev.arbiter.engine.state.TradingCore;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.mlbridge.indicators.IndicatorFacts;
import dev.arbiter.rules.pack.InstrumentSet;
import dev.arbiter.scenarios.margin.Contracts;
import dev.arbiter.scenarios.margin.FundingRates;
import dev.arbiter.scenarios.margin.MarginBook;
import dev.arbiter.scenarios.spec.ExitSpec;
import dev.arbiter.scenarios.spec.FillSpec;
import dev.arbiter.scenarios.spec.MarketFeed;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulated venue trading BTC-USDT-PERP (the shipped listing: leverage 10, Binance's brackets) against the
 * engine's real core: a sell while flat opens a short on margin, funding is collected at the funding time, and a bar
 * whose high crosses the liquidation price closes the short there, the maintenance margin lost. No slippage, taker fee
 * 0.05 %, so every figure can be worked out by hand.
 */
class PerpetualVenueTest {

    private static final String ACCOUNT = "sim-1";
    private static final String PERP = "BTC-USDT-PERP";
    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);

    private TradingCore core;
    private SimulatedVenue venue;
    private Contracts contracts;

    @BeforeEach
    void open() {
        core = new TradingCore(new InMemoryJournal(), StateSettings.DEFAULTS.withBarsKept(10), IndicatorFacts.DEFAULT_SET);
        core.submit(new AccountEvent.Opened(ACCOUNT, T0, new BigDecimal("1000"), null), null);
        contracts = Contracts.of(List.of(new MarketFeed(PERP, "generate", "generated", HOUR, "majors",
                new BigDecimal("0.001"), new BigDecimal("0.1"), BigDecimal.ONE, null, null, "rates.csv")),
                InstrumentSet.shippedDefault());
        // funding at 02:00 (the end of the bar the short is opened in), 0.01 %
        FundingRates rates = new FundingRates(PERP, new TreeMap<>(Map.of(T0.plus(HOUR.multipliedBy(2)), new BigDecimal("0.0001"))));
        venue = new SimulatedVenue(core, ACCOUNT, new FillSpec(0.001, 0, 0, 0.0002, 0.0005), new ExitSpec(true, 100),
                contracts, Map.of(PERP, rates));
        play(0, bar(0, "40000", "40000", "40000", "40000"));
        Instant at = T0.plus(HOUR);
        core.decide(ACCOUNT, at, s -> new TradingCore.Decided<>(null, "d-0", at, List.of(new AccountEvent.ApprovedOrder(
                "d-0/p-1", PERP, Side.SELL, new BigDecimal("0.1"), new BigDecimal("40000"), null)), List.of()));
        venue.accept(List.of(new SimulatedVenue.Resting("d-0/p-1", PERP, Side.SELL, new BigDecimal("0.1"),
                venue.dueStep(0), null, "client", null)), at);
    }

    private static Bar bar(int index, String open, String high, String low, String close) {
        return new Bar(PERP, T0.plus(HOUR.multipliedBy(index)), HOUR, new BigDecimal(open), new BigDecimal(high),
                new BigDecimal(low), new BigDecimal(close), BigDecimal.ONE);
    }

    private void play(int step, Bar bar) {
        venue.open(bar, step);
        venue.exits(bar, step);
        core.bar(bar);
        venue.settle(bar);
    }

    private AccountState account() {
        return core.account(ACCOUNT);
    }

    @Test
    void aSellWhileFlatOpensAShortOnMarginAndCollectsFunding() {
        play(1, bar(1, "40000", "40100", "39900", "40000"));

        assertThat(account().position(PERP).orElseThrow().quantity()).isEqualByComparingTo("-0.1");
        // wallet: 1,000 - fee 0.1 x 40,000 x 0.0005 = 2, + funding 0.1 x 40,000 x 0.0001 = 0.4 received by the short
        assertThat(MarginBook.walletBalance(account(), contracts)).isEqualByComparingTo("998.4");
        assertThat(venue.marginActivity().fundingReceived()).isEqualByComparingTo("0.4");
        assertThat(venue.marginActivity().fundingPaid()).isEqualByComparingTo("0");
        assertThat(account().equity()).isEqualByComparingTo("998.4");
    }

    @Test
    void aShortWhoseLiquidationPriceTheHighCrossesIsLiquidatedThere() {
        play(1, bar(1, "40000", "40100", "39900", "40000"));
        play(2, bar(2, "40000", "50000", "40000", "49000"));

        // Binance's formula for a short: (WB + Q x EP) / (Q x MMR + Q), first bracket (0.4 %, cum 0)
        BigDecimal price = new BigDecimal("4998.4").divide(new BigDecimal("0.1004"), MathContext.DECIMAL128);
        assertThat(venue.marginActivity().liquidations()).singleElement().satisfies(l -> {
            assertThat(l.liquidationPrice()).isEqualByComparingTo(price); // 49,784.86
            assertThat(l.adversePrice()).isEqualByComparingTo("50000");
            assertThat(l.marginLost()).isEqualByComparingTo(price.multiply(new BigDecimal("0.0004")));
        });
        assertThat(account().positions()).isEmpty();
        assertThat(account().equity()).isCloseTo(BigDecimal.ZERO, org.assertj.core.data.Offset.offset(new BigDecimal("1e-9")));
        assertThat(venue.trades()).singleElement().satisfies(t -> assertThat(t.exit()).isEqualTo("liquidation"));
        assertThat(venue.marginActivity().closestDistance()).isEqualByComparingTo("0");
    }
}
