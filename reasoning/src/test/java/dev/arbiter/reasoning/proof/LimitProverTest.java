package dev.arbiter.reasoning.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LimitProverTest {

    private static LimitProver prover;

    @BeforeAll
    static void startProver() {
        prover = new LimitProver(Duration.ofSeconds(5));
    }

    @AfterAll
    static void closeProver() {
        prover.close();
    }

    @Test
    void provesOrdersWithinEveryLimitAndListsEveryCheckedLimit() {
        List<OrderToProve> orders = List.of(buy("P1", "2", "100"), sell("P2", "3", "50"));
        HardLimits limits = limits("1000", "100", "500", "100", Map.of("P1", "5", "P2", "3"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(result.checkedLimits()).containsExactly("gross-exposure", "free-balance",
                "max-quantity:P1", "non-negative:P1", "max-quantity:P2", "non-negative:P2");
        assertThat(result.violations()).isEmpty();
        assertThat(result.checkMicros()).isNotNegative();
    }

    @Test
    void refusesGrossExposureAboveTheLimitNamingOnlyThatLimitWithTheNumbers() {
        List<OrderToProve> orders = List.of(sell("P1", "2", "25617.25"));
        HardLimits limits = limits("50000", "10000", "1000", "0", Map.of("P1", "10"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.violations()).containsExactly(new LimitViolation("gross-exposure",
                "gross exposure 61234.50 exceeds the limit 50000.00 (current 10000.00 plus 51234.50 from 1 order)"));
    }

    @Test
    void holdingsAlreadyAboveTheGrossLimitDoNotBlockADecisionThatSendsNothing() {
        HardLimits overExposed = limits("50000", "61000", "1000", "0", Map.of("P1", "10"));

        assertThat(prover.prove(List.of(), overExposed).verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(prover.prove(List.of(sell("P1", "0", "25617.25")), overExposed).verdict())
                .isEqualTo(ProofVerdict.PROVED);
        ProofResult anyOrder = prover.prove(List.of(sell("P1", "0.01", "25617.25")), overExposed);
        assertThat(anyOrder.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(anyOrder.violations()).extracting(LimitViolation::limit).containsExactly("gross-exposure");
    }

    @Test
    void namesBothLimitsWhenTwoAreBrokenAtOnce() {
        List<OrderToProve> orders = List.of(buy("P1", "10", "100"));
        HardLimits limits = limits("500", "0", "800", "100", Map.of("P1", "10"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.violations()).containsExactlyInAnyOrder(
                new LimitViolation("gross-exposure",
                        "gross exposure 1000.00 exceeds the limit 500.00 (current 0.00 plus 1000.00 from 1 order)"),
                new LimitViolation("free-balance",
                        "buy notional 1000.00 exceeds the available balance 700.00 (free 800.00 minus 100.00 reserved by open orders)"));
    }

    @Test
    void namesEveryBrokenLimitWhenSeveralOrdersBreakTheirOwn() {
        List<OrderToProve> orders = List.of(buy("P1", "12", "10"), sell("P2", "-3", "10"), buy("P3", "1", "10"));
        HardLimits limits = limits("1000", "0", "1000", "0", Map.of("P1", "10", "P2", "5", "P3", "1"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.violations()).containsExactlyInAnyOrder(
                new LimitViolation("max-quantity:P1", "quantity 12 of proposal P1 exceeds its maximum quantity 10"),
                new LimitViolation("non-negative:P2", "quantity -3 of proposal P2 is negative"));
    }

    @Test
    void refusesAnOrderWithoutAMaximumQuantityEntry() {
        List<OrderToProve> orders = List.of(buy("P1", "1", "10"), buy("P2", "1", "10"));
        HardLimits limits = limits("1000", "0", "1000", "0", Map.of("P1", "5"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.checkedLimits()).contains("max-quantity:P2");
        assertThat(result.violations()).containsExactly(new LimitViolation("max-quantity:P2",
                "proposal P2 has no maximum quantity in the hard limits, so its size 1 cannot be proved"
                        + " and is refused (fail closed)"));
    }

    @Test
    void refusesANegativeQuantity() {
        ProofResult result = prover.prove(List.of(sell("P1", "-0.5", "10")),
                limits("1000", "0", "1000", "0", Map.of("P1", "5")));

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.violations()).containsExactly(
                new LimitViolation("non-negative:P1", "quantity -0.5 of proposal P1 is negative"));
    }

    @Test
    void provesZeroQuantityOrdersAndStillChecksTheirLimits() {
        List<OrderToProve> orders = List.of(buy("P1", "0", "100"), sell("P2", "0", "100"));
        HardLimits limits = limits("0", "0", "0", "0", Map.of("P1", "0", "P2", "0"));

        ProofResult result = prover.prove(orders, limits);

        assertThat(result.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(result.checkedLimits()).containsExactly("gross-exposure", "free-balance",
                "max-quantity:P1", "non-negative:P1", "max-quantity:P2", "non-negative:P2");
    }

    @Test
    void refusesAZeroQuantityOrderWithoutAMaximumQuantityEntry() {
        ProofResult result = prover.prove(List.of(buy("P1", "0", "100")), limits("10", "0", "10", "0", Map.of()));

        assertThat(result.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(result.violations()).extracting(LimitViolation::limit).containsExactly("max-quantity:P1");
    }

    @Test
    void provesSumsExactlyAtTheLimitThatDoublesWouldGetWrong() {
        // In doubles 0.1 + 0.2 = 0.30000000000000004 > 0.3.
        List<OrderToProve> orders = List.of(buy("P1", "1", "0.1"), buy("P2", "1", "0.2"));
        Map<String, String> caps = Map.of("P1", "1", "P2", "1");

        ProofResult atTheLimit = prover.prove(orders, limits("0.3", "0", "0.3", "0", caps));
        ProofResult aHairBelow = prover.prove(orders, limits("0.2999999999999999999999", "0", "1", "0", caps));

        assertThat(atTheLimit.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(aHairBelow.verdict()).isEqualTo(ProofVerdict.VIOLATED);
        assertThat(aHairBelow.violations()).containsExactly(new LimitViolation("gross-exposure",
                "gross exposure 0.30 exceeds the limit 0.2999999999999999999999 (current 0.00 plus 0.30 from 2 orders)"));
    }

    @Test
    void provesAnEmptyOrderListAgainstTheAccountLimitsAlone() {
        ProofResult within = prover.prove(List.of(), limits("100", "50", "0", "0", Map.of()));
        ProofResult alreadyOver = prover.prove(List.of(), limits("100", "150", "0", "0", Map.of()));

        assertThat(within.verdict()).isEqualTo(ProofVerdict.PROVED);
        assertThat(within.checkedLimits()).containsExactly("gross-exposure", "free-balance");
        // nothing is sent, so nothing can break a limit: holdings already over it are the rules' business
        assertThat(alreadyOver.verdict()).isEqualTo(ProofVerdict.PROVED);
    }

    @Test
    void givesTheSameResultsWhenProvingFromManyThreads() throws Exception {
        List<OrderToProve> fine = List.of(buy("P1", "2", "100"), sell("P2", "3", "50"));
        List<OrderToProve> broken = List.of(buy("P1", "12", "100"), sell("P2", "3", "50"));
        HardLimits limits = limits("1000", "100", "500", "100", Map.of("P1", "5", "P2", "3"));
        ProofResult expectedFine = prover.prove(fine, limits);
        ProofResult expectedBroken = prover.prove(broken, limits);

        List<Future<ProofResult>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 40; i++) {
                List<OrderToProve> orders = i % 2 == 0 ? fine : broken;
                futures.add(pool.submit(() -> prover.prove(orders, limits)));
            }
        }

        for (int i = 0; i < futures.size(); i++) {
            ProofResult expected = i % 2 == 0 ? expectedFine : expectedBroken;
            ProofResult actual = futures.get(i).get();
            assertThat(actual.verdict()).isEqualTo(expected.verdict());
            assertThat(actual.violations()).isEqualTo(expected.violations());
            assertThat(actual.checkedLimits()).isEqualTo(expected.checkedLimits());
        }
        assertThat(expectedBroken.violations()).extracting(LimitViolation::limit)
                .containsExactlyInAnyOrder("gross-exposure", "free-balance", "max-quantity:P1");
    }

    @Test
    void rejectsTwoOrdersForTheSameProposal() {
        List<OrderToProve> orders = List.of(buy("P1", "1", "10"), sell("P1", "1", "10"));

        assertThatThrownBy(() -> prover.prove(orders, limits("100", "0", "100", "0", Map.of("P1", "5"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'P1' appears twice");
    }

    @Test
    void refusesToProveOnceClosed() {
        LimitProver closed = new LimitProver(Duration.ofMillis(200));
        closed.close();

        assertThatThrownBy(() -> closed.prove(List.of(), limits("1", "0", "1", "0", Map.of())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void rejectsATimeoutBelowOneMillisecond() {
        assertThatThrownBy(() -> new LimitProver(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout: PT0S is not accepted");
    }

    private static OrderToProve buy(String proposalId, String quantity, String price) {
        return new OrderToProve(proposalId, "BTC-USD", Side.BUY, new BigDecimal(quantity), new BigDecimal(price));
    }

    private static OrderToProve sell(String proposalId, String quantity, String price) {
        return new OrderToProve(proposalId, "ETH-USD", Side.SELL, new BigDecimal(quantity), new BigDecimal(price));
    }

    private static HardLimits limits(String maxGross, String currentGross, String free, String reserved,
                                     Map<String, String> caps) {
        Map<String, BigDecimal> capByProposal = new LinkedHashMap<>();
        caps.forEach((proposalId, cap) -> capByProposal.put(proposalId, new BigDecimal(cap)));
        return new HardLimits(new BigDecimal(maxGross), new BigDecimal(currentGross), new BigDecimal(free),
                new BigDecimal(reserved), capByProposal);
    }
}
