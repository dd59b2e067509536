package dev.arbiter.rules;

import static dev.arbiter.rules.RuleFixtures.account;
import static dev.arbiter.rules.RuleFixtures.calmMarket;
import static dev.arbiter.rules.RuleFixtures.exposure;
import static dev.arbiter.rules.RuleFixtures.feed;
import static dev.arbiter.rules.RuleFixtures.indicator;
import static dev.arbiter.rules.RuleFixtures.intent;
import static dev.arbiter.rules.RuleFixtures.prediction;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.RuleMetadata;
import dev.arbiter.rules.session.Firing;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shipped rule, once where it must conclude and once where it must stay quiet. Each case
 * starts from a calm market and a healthy account and changes only what the rule looks at.
 */
class ShippedRulesTest {

    private static final RuleSessionRunner RUNNER = new RuleSessionRunner();

    /**
     * @param code        the rule's reason code
     * @param fires       facts over which the rule must fire
     * @param conclusion  kind of outcome it must insert (PROPOSAL for strategy rules)
     * @param message     text the conclusion must contain (numbers included)
     * @param quiet       facts over which the rule must not fire
     */
    record Case(String code, List<Object> fires, String conclusion, String message, List<Object> quiet) {
        @Override
        public String toString() {
            return code;
        }
    }

    static Stream<Case> cases() {
        Object smallBuy = intent("i-1", Side.BUY, "1", "1630");
        return Stream.of(
                new Case("S-CLIENT-INTENT", calmMarket(smallBuy), "PROPOSAL", "proposalId=i-1",
                        calmMarket()),
                new Case("S-MOMENTUM",
                        calmMarket(indicator("ema_20", 1640), indicator("rsi_14", 60)).stream()
                                .filter(f -> !(f.equals(indicator("ema_20", 1620)) || f.equals(indicator("rsi_14", 45))))
                                .toList(),
                        "PROPOSAL", "proposalId=S-MOMENTUM:ETH-USD, accountId=acct-1, symbol=ETH-USD, side=BUY, quantity=6.13",
                        calmMarket()),
                new Case("L1-MAX-ORDER-QTY", calmMarket(intent("i-1", Side.BUY, "12", "1630")), "CAP",
                        "quantity 12 is above the maximum order quantity 10", calmMarket(intent("i-1", Side.BUY, "10", "1630"))),
                new Case("L2-INSTRUMENT-SHARE", calmMarket(exposure("10"), intent("i-1", Side.BUY, "6", "1630")), "CAP",
                        "position 16295.2 plus order 9780 would exceed 25% of equity 100000", calmMarket(exposure("10"), intent("i-1", Side.BUY, "5", "1630"))),
                new Case("L3-DAILY-LOSS", calmMarket(account("-2000", TradingState.ACTIVE), smallBuy), "REJECT",
                        "daily loss 2000 reached the limit 2000", calmMarket(account("-1999.99", TradingState.ACTIVE), smallBuy)),
                new Case("L4-VOLATILITY", calmMarket(indicator("atr_14", 40), smallBuy), "REJECT",
                        "ATR(14) 40.00 is 2.45% of the last close, above 2%", calmMarket(indicator("atr_14", 30), smallBuy)),
                new Case("L4-ACCOUNT-HALTED", calmMarket(account("0", TradingState.HALTED), smallBuy), "HALT",
                        "account acct-1 is HALTED", calmMarket(account("0", TradingState.REDUCING), smallBuy)),
                new Case("L5-LOW-CONFIDENCE", calmMarket(prediction(0.5), smallBuy), "REJECT",
                        "model gbm-direction confidence 0.50 is below the minimum 0.55", calmMarket(prediction(0.55), smallBuy)),
                new Case("L6-STALE-DATA", calmMarket(feed(601), smallBuy), "REJECT",
                        "last bar ended 601 s before the decision, more than 600 s", calmMarket(feed(600), smallBuy)),
                new Case("L7-PRICE-COLLAR", calmMarket(intent("i-1", Side.SELL, "1", "1540")), "REJECT",
                        "limit price 1540 is 5.49% from the last close 1629.52, outside the 5% collar",
                        calmMarket(intent("i-1", Side.SELL, "1", "1560"))),
                new Case("L7-MAX-ORDER-VALUE", calmMarket(intent("i-1", Side.BUY, "31", "1630")), "CAP",
                        "order value 50530 is above the maximum order value 50000",
                        calmMarket(intent("i-1", Side.BUY, "30", "1630"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleConcludesWhenItsConditionHolds(Case c) {
        SessionResult result = RUNNER.run(RuleFixtures.DEFAULT_RULES, c.fires());

        List<Firing> firings = firingsOf(result, c.code());
        assertThat(firings).as("firings of %s", c.code()).hasSize(1);
        Firing firing = firings.get(0);
        assertThat(firing.matched()).isNotEmpty();
        assertThat(firing.concluded()).singleElement().asString().contains(c.message());
        if (c.conclusion().equals("PROPOSAL")) {
            assertThat(result.proposals()).anySatisfy(p -> assertThat(p.toString()).contains(c.message()));
        } else {
            assertThat(result.outcomes()).filteredOn(o -> o.reason().code().equals(c.code()))
                    .singleElement()
                    .satisfies(o -> {
                        assertThat(o.kind()).isEqualTo(c.conclusion());
                        assertThat(o.reason().message()).contains(c.message());
                        assertThat(o.reason().layer()).isEqualTo(firing.layer());
                    });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleStaysQuietOtherwise(Case c) {
        SessionResult result = RUNNER.run(RuleFixtures.DEFAULT_RULES, c.quiet());

        assertThat(firingsOf(result, c.code())).isEmpty();
        assertThat(result.outcomes()).extracting(RuleOutcome::reason).noneMatch(r -> r.code().equals(c.code()));
    }

    @Test
    void instrumentShareCapsToTheRoomLeftRoundedDownToTheLot() {
        SessionResult result = RUNNER.run(RuleFixtures.DEFAULT_RULES,
                calmMarket(exposure("10"), intent("i-1", Side.BUY, "6", "1630")));

        // (25% of 100000 - 10 x 1629.52) / 1630 = 5.3403 -> 5.34 on a 0.01 lot
        assertThat(result.outcomes()).singleElement()
                .isInstanceOfSatisfying(dev.arbiter.kb.outcome.Cap.class,
                        cap -> assertThat(cap.maxQuantity()).isEqualByComparingTo("5.34"));
    }

    @Test
    void everyShippedRuleHasACase() {
        Set<String> shipped = RuleFixtures.DEFAULT_RULES.rules().values().stream()
                .map(RuleMetadata::reasonCode).collect(Collectors.toSet());
        Set<String> tested = cases().map(Case::code).collect(Collectors.toSet());

        assertThat(tested).isEqualTo(shipped);
    }

    @Test
    void everyRiskRuleDeclaresItsLayerAndCode() {
        assertThat(RuleFixtures.DEFAULT_RULES.rules().values())
                .allSatisfy(meta -> assertThat(meta.reasonCode()).startsWith(meta.layer().code()));
    }

    private static List<Firing> firingsOf(SessionResult result, String code) {
        return result.firings().stream().filter(f -> f.reasonCode().equals(code)).toList();
    }
}
