package dev.arbiter.reasoning.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each portfolio limit the solver enforces is a named constraint of the proof: it holds for an order
 * inside it and is named, with its numbers, when an order breaks it. The account: equity 100000, 2 ETH
 * held (3400 at 1700), ETH in cluster majors and sector L1, traded at binance-us; the order buys ETH at 1700.
 */
class PortfolioLimitProofTest {

    private static LimitProver prover;

    @BeforeAll
    static void start() {
        prover = new LimitProver(Duration.ofSeconds(5));
    }

    @AfterAll
    static void stop() {
        prover.close();
    }

    record Case(String limit, UnaryOperator<PortfolioCaps> tighten, String brokenBy, String detail) {
        @Override
        public String toString() {
            return limit;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("net-exposure", c -> caps(c, "net", "10000"), "5", "net exposure"),
                new Case("leverage", c -> caps(c, "leverage", "0.1"), "5", "leverage"),
                new Case("instrument-share:ETH-USD", c -> caps(c, "instrument", "0.1"), "5", "ETH-USD"),
                new Case("cluster-share:majors", c -> caps(c, "cluster", "0.1"), "5", "majors"),
                new Case("sector-share:L1", c -> caps(c, "sector", "0.1"), "5", "L1"),
                new Case("position-quantity:ETH-USD", c -> caps(c, "position", "5"), "5", "ETH-USD"),
                new Case("venue-exposure:binance-us", c -> caps(c, "venue", "10000"), "5",
                        "venue binance-us exposure 11900.00 exceeds its cap 10000.00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void limitHoldsForASmallOrderAndIsNamedWhenBroken(Case c) {
        PortfolioCaps caps = c.tighten().apply(PortfolioCaps.none());

        ProofResult small = prover.prove(List.of(buy("1")), limits(caps));
        ProofResult large = prover.prove(List.of(buy(c.brokenBy())), limits(caps));

        assertThat(small.verdict()).as("1 ETH").isEqualTo(ProofVerdict.PROVED);
        assertThat(small.checkedLimits()).contains(c.limit());
        assertThat(large.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(large.violations()).singleElement().satisfies(v -> {
            assertThat(v.limit()).isEqualTo(c.limit());
            assertThat(v.detail()).contains(c.detail());
        });
    }

    @Test
    void aHoldingAlreadyAboveALimitIsNotItselfAViolationButMayNotGrow() {
        PortfolioCaps caps = caps(PortfolioCaps.none(), "instrument", "0.01"); // 1000 < the 3400 held

        // Like the solver, instrument exposure counts order value gross (a sell adds too), so only "no
        // new exposure" is proved here; a buy grows it and is named.
        ProofResult nothing = prover.prove(List.of(buy("0")), limits(caps));
        ProofResult buy = prover.prove(List.of(buy("1")), limits(caps));

        assertThat(nothing.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(buy.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(buy.violations()).extracting(LimitViolation::limit).containsExactly("instrument-share:ETH-USD");
    }

    @Test
    void aVenueAlreadyAboveItsLimitMayShrinkButNotGrow() {
        PortfolioCaps caps = caps(PortfolioCaps.none(), "venue", "3000"); // below the 3400 held there

        ProofResult nothing = prover.prove(List.of(buy("0")), limits(caps));
        ProofResult buy = prover.prove(List.of(buy("1")), limits(caps));

        assertThat(nothing.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(buy.violations()).singleElement().satisfies(v -> {
            assertThat(v.limit()).isEqualTo("venue-exposure:binance-us");
            assertThat(v.detail()).contains("already above it at 3400.00, so it may shrink but not grow");
        });
    }

    @Test
    void aTradedOrderBelowTheInstrumentsMinimumNotionalIsNamed() {
        ProofResult tiny = prover.prove(List.of(buy("0.001")), limits(PortfolioCaps.none()));

        assertThat(tiny.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(tiny.violations()).extracting(LimitViolation::limit).containsExactly("min-notional:p-1");
    }

    @Test
    void negativeEquityIsRefusedNamingTheField() {
        assertThatThrownBy(() -> new PortfolioState(new BigDecimal("-1"), null, null, List.of(), List.of(), Map.of(),
                PortfolioCaps.none()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PortfolioState.equity: -1 is not accepted; expected a number >= 0");
    }

    private static HardLimits limits(PortfolioCaps caps) {
        PortfolioState portfolio = new PortfolioState(new BigDecimal("100000"), null, null,
                List.of(new HeldPosition("ETH-USD", new BigDecimal("3400"), BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("2"))),
                List.of(new InstrumentTerms("ETH-USD", "majors", "L1", new BigDecimal("10"),
                        dev.arbiter.kb.fact.InstrumentKind.SPOT, BigDecimal.ONE, "binance-us")), Map.of(), caps);
        return new HardLimits(new BigDecimal("1000000"), new BigDecimal("3400"), new BigDecimal("1000000"),
                BigDecimal.ZERO, Map.of("p-1", new BigDecimal("1000")), portfolio);
    }

    private static OrderToProve buy(String quantity) {
        return order(Side.BUY, quantity);
    }

    private static OrderToProve order(Side side, String quantity) {
        return new OrderToProve("p-1", "ETH-USD", side, new BigDecimal(quantity), new BigDecimal("1700"));
    }

    private static PortfolioCaps caps(PortfolioCaps base, String which, String value) {
        BigDecimal v = new BigDecimal(value);
        return new PortfolioCaps(
                which.equals("net") ? v : base.maxNetExposure(),
                which.equals("leverage") ? v : base.maxLeverage(),
                base.maxLeverageStressed(),
                base.marginRate(),
                which.equals("instrument") ? v : base.maxInstrumentShare(),
                which.equals("cluster") ? Map.of("majors", v) : base.maxClusterShare(),
                which.equals("sector") ? Map.of("L1", v) : base.maxSectorShare(),
                which.equals("position") ? v : base.maxPositionQuantity(),
                base.maxMarginUtilisation(),
                which.equals("venue") ? v : base.maxVenueExposure());
    }
}
