package dev.arbiter.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.Proposal;
import dev.arbiter.kb.fact.ProtectiveStop;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.RuleSessionRunner;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A strategy's protective stop sits on the losing side of its entry: below it for a buy, above it for a sell
 * (a short loses when the price rises), rounded to the tick away from the entry. The rule tests' YAML cannot see
 * a stop's price, so this runs the shipped rules in a real session and reads the stop each proposal came with.
 */
class StrategyStopsTest {

    private static final Instant AT = Instant.parse("2023-03-15T18:20:00Z");
    private static final BigDecimal CLOSE = new BigDecimal("1629.52");
    /** ATR(14) 5.003: every stop distance (1.5, 2 or 3 ATR) ends off the 0.01 tick, so the rounding shows. */
    private static final double ATR = 5.003;

    static Stream<Arguments> signals() {
        return Stream.of(
                // 1629.52 - 2 x 5.003 = 1619.514, rounded down to 1619.51
                Arguments.of("S-MOMENTUM", InstrumentKind.SPOT, Map.of("sma_50", 1630.0, "ema_20", 1640.0, "rsi_14", 60.0),
                        null, Side.BUY, "1619.51"),
                // 1629.52 - 3 x 5.003 = 1614.511, rounded down to 1614.51
                Arguments.of("S-BREAKOUT", InstrumentKind.SPOT, Map.of("highest_20", 1625.0, "rsi_14", 62.0),
                        null, Side.BUY, "1614.51"),
                // 1629.52 - 1.5 x 5.003 = 1622.0155, rounded down to 1622.01
                Arguments.of("S-MEAN-REVERSION", InstrumentKind.SPOT, Map.of("sma_20", 1660.0, "rsi_14", 24.0),
                        RegimeKind.RANGING, Side.BUY, "1622.01"),
                // 1629.52 + 2 x 5.003 = 1639.526, rounded up to 1639.53
                Arguments.of("S-MOMENTUM-SHORT", InstrumentKind.LINEAR_PERPETUAL,
                        Map.of("sma_50", 1640.0, "ema_20", 1632.0, "rsi_14", 40.0), null, Side.SELL, "1639.53"),
                // 1629.52 + 3 x 5.003 = 1644.529, rounded up to 1644.53
                Arguments.of("S-BREAKDOWN", InstrumentKind.LINEAR_PERPETUAL, Map.of("lowest_20", 1635.0, "rsi_14", 38.0),
                        RegimeKind.TRENDING_DOWN, Side.SELL, "1644.53"),
                // 1629.52 + 1.5 x 5.003 = 1637.0245, rounded up to 1637.03
                Arguments.of("S-MEAN-REVERSION-SHORT", InstrumentKind.LINEAR_PERPETUAL,
                        Map.of("sma_20", 1600.0, "rsi_14", 76.0), RegimeKind.RANGING, Side.SELL, "1637.03"));
    }

    @ParameterizedTest(name = "{0}: {4} with its stop at {5}")
    @MethodSource("signals")
    void proposesWithItsStopOnTheLosingSideOfTheEntry(String code, InstrumentKind kind, Map<String, Double> indicators,
                                                      RegimeKind regime, Side side, String stop) {
        String symbol = kind == InstrumentKind.SPOT ? "ETH-USD" : "ETH-USDT-PERP";
        List<Object> facts = new ArrayList<>(ParameterSet.shippedDefault().facts());
        facts.add(new Account("acct-1", new BigDecimal("100000"), new BigDecimal("60000"), new BigDecimal("100000"),
                BigDecimal.ZERO, TradingState.ACTIVE));
        facts.add(new Instrument(symbol, "venue", "majors", new BigDecimal("0.01"), new BigDecimal("0.001"),
                BigDecimal.TEN, new BigDecimal("1000000"), kind, BigDecimal.ONE));
        facts.add(new FeedStatus(symbol, AT, CLOSE, 30, 580));
        facts.add(new IndicatorValue(symbol, "atr_14", AT, ATR));
        indicators.forEach((name, value) -> facts.add(new IndicatorValue(symbol, name, AT, value)));
        if (regime != null) {
            facts.add(new Regime(symbol, regime, AT, "given"));
        }

        List<Firing> firings = new RuleSessionRunner().run(RuleFixtures.DEFAULT_RULES, facts).firings();

        Firing firing = firings.stream().filter(f -> f.reasonCode().equals(code)).findFirst().orElseThrow(
                () -> new AssertionError(code + " did not fire; fired: " + firings.stream().map(Firing::reasonCode).toList()));
        Proposal proposal = firing.concludedOf(Proposal.class).getFirst();
        assertThat(proposal.side()).isEqualTo(side);
        assertThat(proposal.price()).isEqualByComparingTo(CLOSE);
        assertThat(firing.concludedOf(ProtectiveStop.class)).singleElement().satisfies(s -> {
            assertThat(s.proposalId()).isEqualTo(proposal.proposalId());
            assertThat(s.price()).isEqualByComparingTo(stop);
            assertThat(s.price().compareTo(proposal.price())).as("the stop's side of the entry").isEqualTo(-side.sign());
        });
    }
}
