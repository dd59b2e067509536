package dev.arbiter.scenarios.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.EnsembleSpread;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.RestrictionKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingControl;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.kb.fact.VenueExposure;
import dev.arbiter.kb.outcome.Cap;
import dev.arbiter.kb.outcome.Flag;
import dev.arbiter.kb.outcome.Halt;
import dev.arbiter.kb.outcome.ReduceOnly;
import dev.arbiter.kb.outcome.HaltScope;
import dev.arbiter.kb.outcome.Layer;
import dev.arbiter.kb.outcome.Rejection;
import dev.arbiter.kb.outcome.RuleOutcome;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.RuleMetadata;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import dev.arbiter.rules.session.RuleSessionRunner;
import dev.arbiter.rules.session.SessionResult;
import dev.arbiter.rules.session.StandingSessions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the benchmark honest: the plain-Java check and the shipped rules conclude the same reason codes
 * for the same proposals, on the benchmark's book with one change per case.
 */
class PlainJavaPreTradeCheckTest {

    private static final PreTradeBook BOOK = PreTradeBook.generate(new SplittableRandom(20230315L));
    private static final OrderIntent PASSING = BOOK.passingIntent();
    private static final String ACCOUNT = PreTradeBook.ACCOUNT;
    private static CompiledRuleSet ruleSet;

    @BeforeAll
    static void compileShippedRules() {
        ruleSet = new RuleSetCompiler().compile(RuleSet.shippedDefault());
    }

    record Case(String name, String expectedCode, UnaryOperator<List<Object>> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("passes every layer", null, facts -> facts),
                new Case("rejects leverage above the maximum", "L1-LEVERAGE",
                        facts -> replace(facts, Account.class, new Account(ACCOUNT, new BigDecimal("4000"),
                                new BigDecimal("60000"), new BigDecimal("4000"), BigDecimal.ZERO, TradingState.ACTIVE))),
                new Case("rejects growing a position 5 % of the mark from liquidation", "L1-LIQUIDATION-DISTANCE",
                        facts -> replace(facts, Exposure.class, liquidatable(facts, new BigDecimal("0.95")))),
                new Case("rejects growing a position a fraction of an ATR from liquidation", "L1-LIQUIDATION-ATRS",
                        facts -> replace(facts, Exposure.class, liquidatable(facts, new BigDecimal("0.9995")))),
                new Case("caps a buy whose next funding would cost more than the maximum", "L3-FUNDING-COST",
                        facts -> plus(facts, new MarkPrice("ETH-USD", PreTradeBook.AS_OF, new BigDecimal("1629.52"),
                                new BigDecimal("0.05"), null))),
                new Case("rejects opening at a margin ratio near maintenance", "L3-MARGIN-RATIO",
                        facts -> replace(facts, Portfolio.class, withMarginRatio(facts, new BigDecimal("0.6")))),
                new Case("caps a spot sale beyond the holding", "L1-SPOT-SHORT",
                        facts -> withIntent(facts, intent(Side.SELL, "2", "1630.00", "1700"))),
                new Case("caps an order above the instrument's maximum value", "L1-MAX-NOTIONAL",
                        facts -> replace(facts, Instrument.class, new Instrument("ETH-USD", "binance-us", "majors",
                                new BigDecimal("0.01"), new BigDecimal("0.01"), BigDecimal.TEN, new BigDecimal("3000")))),
                new Case("rejects a limit price outside the collar", "L7-PRICE-COLLAR",
                        facts -> withIntent(facts, intent(Side.BUY, "2", "1750.00", "1600"))),
                new Case("caps a quantity above the maximum", "L1-MAX-ORDER-QTY",
                        facts -> withIntent(facts, intent(Side.BUY, "12", "1630.00", "1600"))),
                new Case("rejects after the daily loss limit", "L3-DAILY-LOSS",
                        facts -> replace(facts, Account.class, account(new BigDecimal("-2500"), TradingState.ACTIVE))),
                new Case("rejects on stale data", "L6-STALE-DATA",
                        facts -> replace(facts, FeedStatus.class, feed(900))),
                new Case("rejects a restricted instrument", "L7-RESTRICTED-INSTRUMENT",
                        facts -> plus(facts, new Restriction(RestrictionKind.INSTRUMENT, "ETH-USD", "under review"))),
                new Case("rejects a restricted venue", "L7-RESTRICTED-VENUE",
                        facts -> plus(facts, new Restriction(RestrictionKind.VENUE, "binance-us", "licence lapsed"))),
                new Case("rejects an opening order without a stop-loss", "L1-STOP-LOSS",
                        facts -> withIntent(facts, intent(Side.BUY, "2", "1630.00", null))),
                new Case("rejects a price off the tick", "L1-TICK-STEP",
                        facts -> withIntent(facts, intent(Side.BUY, "2", "1630.005", "1600"))),
                new Case("rejects a quantity off the lot", "L1-LOT-STEP",
                        facts -> withIntent(facts, intent(Side.BUY, "2.005", "1630.00", "1600"))),
                new Case("rejects an order below the minimum notional", "L1-MIN-NOTIONAL",
                        facts -> withIntent(facts, intent(Side.BUY, "0.01", "900.00", "800"))),
                new Case("caps gross exposure, order value and position", "L2-GROSS-EXPOSURE",
                        facts -> withIntent(facts, intent(Side.BUY, "45", "1630.00", "1600"))),
                new Case("caps a buy that would take its venue above the maximum", "L2-VENUE-EXPOSURE",
                        facts -> replace(facts, VenueExposure.class,
                                new VenueExposure(ACCOUNT, "binance-us", new BigDecimal("20000")))),
                new Case("rejects a large short past net exposure", "L2-NET-EXPOSURE",
                        facts -> withIntent(facts, intent(Side.SELL, "45", "1630.00", "1700"))),
                new Case("goes reduce-only in a drawdown and refuses the opening buy", "L4-REDUCE-ONLY",
                        facts -> replace(facts, Account.class, new Account(ACCOUNT, new BigDecimal("80000"),
                                new BigDecimal("60000"), new BigDecimal("100000"), BigDecimal.ZERO, TradingState.ACTIVE))),
                new Case("rejects when the free balance is reserved", "L3-FREE-BALANCE",
                        facts -> replace(facts, Account.class, new Account(ACCOUNT, new BigDecimal("100000"),
                                new BigDecimal("3000"), new BigDecimal("104000"), BigDecimal.ZERO, TradingState.ACTIVE))),
                new Case("rejects on high margin use", "L3-MARGIN",
                        facts -> replace(facts, Margin.class,
                                new Margin(ACCOUNT, new BigDecimal("90000"), new BigDecimal("100000")))),
                new Case("halts a halted account", "L4-ACCOUNT-HALTED",
                        facts -> replace(facts, Account.class, account(new BigDecimal("-350"), TradingState.HALTED))),
                new Case("rejects opening orders while reducing", "L4-REDUCING",
                        facts -> plus(facts, new TradingControl(HaltScope.INSTRUMENT, "ETH-USD", TradingState.REDUCING,
                                "risk-desk", "exchange incident"))),
                new Case("halts a halted instrument", "L4-HALTED",
                        facts -> plus(facts, new TradingControl(HaltScope.INSTRUMENT, "ETH-USD", TradingState.HALTED,
                                "risk-desk", "exchange incident"))),
                new Case("rejects after a flash crash", "L4-FLASH-CRASH",
                        facts -> plus(facts, new Anomaly("ETH-USD", AnomalyKind.FLASH_CRASH, PreTradeBook.AS_OF,
                                "-9% in one bar"))),
                new Case("rejects in high volatility", "L4-VOLATILITY",
                        facts -> replace(facts, IndicatorValue.class, new IndicatorValue("ETH-USD", "atr_14",
                                PreTradeBook.AS_OF, 60))),
                new Case("rejects above stressed leverage", "L1-LEVERAGE-STRESSED",
                        facts -> plus(withIntent(facts, intent(Side.BUY, "65", "1630.00", "1600")),
                                new Regime("ETH-USD", RegimeKind.CRISIS, PreTradeBook.AS_OF, "contagion"))),
                // the model layer judges an intent by the models it acted on
                new Case("rejects low model confidence", "L5-LOW-CONFIDENCE",
                        facts -> withIntent(plus(facts, new Prediction("ETH-USD", "zeta-direction", "v1", PreTradeBook.AS_OF,
                                0.5, 0.0, 0.4)), intentOn("zeta-direction"))),
                new Case("rejects when models disagree", "L5-ENSEMBLE-DISAGREEMENT",
                        facts -> withIntent(plus(facts, new Prediction("ETH-USD", "zeta-direction", "v1", PreTradeBook.AS_OF,
                                0.05, -0.004, 0.9)), intentOn("gbm-direction", "zeta-direction"))),
                new Case("rejects a drifted model", "L5-MODEL-UNHEALTHY",
                        facts -> withIntent(replace(facts, ModelHealth.class, new ModelHealth("gbm-direction", "2023-03-01",
                                true, false, "PSI 0.31")), intentOn("gbm-direction"))),
                new Case("rejects an ensemble whose members disagree", "L5-ENSEMBLE-SPREAD",
                        facts -> withIntent(plus(plus(facts, new Prediction("ETH-USD", "ensemble-direction", "e0123456789",
                                PreTradeBook.AS_OF, 0.6, 0.001, 0.2)), new EnsembleSpread("ETH-USD", "ensemble-direction",
                                "e0123456789", 0.45, "gbm 7 0.8000 (weight 0.05), logit 3 0.3500 (weight 0.03)")),
                                intentOn("ensemble-direction"))),
                new Case("rejects acting on a model set aside", "L5-MODEL-SET-ASIDE",
                        facts -> withIntent(plus(facts, new ModelHealth("zeta-direction", "v1", false, true,
                                "training data ends after the decision time")), intentOn("zeta-direction"))),
                new Case("rejects on a data gap", "L6-DATA-GAP",
                        facts -> plus(facts, new Anomaly("ETH-USD", AnomalyKind.DATA_GAP, PreTradeBook.AS_OF, "1 bar"))),
                new Case("rejects an opening order while the spread is blown out", "L6-SPREAD-BLOWOUT",
                        facts -> plus(facts, new Anomaly("ETH-USD", AnomalyKind.SPREAD_BLOWOUT, PreTradeBook.AS_OF,
                                "spread 12 bps is 20x the median"))),
                new Case("flags a client claim that does not reconcile", "L6-RECONCILIATION-BREAK",
                        facts -> plus(facts, new ReconciliationBreak(ACCOUNT, "account.equity", "1000000", "100000"))),
                new Case("rejects above the order and message rates", "L6-ORDER-RATE",
                        facts -> replace(facts, OrderActivity.class, new OrderActivity(ACCOUNT, 60, 100, 500))),
                new Case("rejects during the stop-loss and large-loss cooldowns", "L7-STOPLOSS-COOLDOWN",
                        facts -> replace(facts, LossHistory.class, new LossHistory(ACCOUNT, 3, 600,
                                new BigDecimal("6000"), 600))),
                new Case("rejects a duplicate of a working order", "L7-DUPLICATE-ORDER",
                        facts -> plus(facts, new OpenOrder("o-dup", ACCOUNT, "ETH-USD", Side.BUY, new BigDecimal("2"),
                                new BigDecimal("1630.00")))),
                new Case("rejects a duplicate within the request", "L7-DUPLICATE-IN-REQUEST",
                        facts -> plus(facts, new OrderIntent("i-2", ACCOUNT, "ETH-USD", Side.BUY, new BigDecimal("2"),
                                new BigDecimal("1630.00"), new BigDecimal("1600.00"), "client-breakout", 0.5))),
                new Case("halts on the kill switch", "L7-KILL-SWITCH",
                        facts -> replace(facts, KillSwitch.class, new KillSwitch(true, "risk-desk", PreTradeBook.AS_OF,
                                "runaway algo"))),
                new Case("reduces a short position without objection", null,
                        facts -> withIntent(facts, intent(Side.SELL, "0.01", "1630.00", null))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void concludesTheSameReasonCodesAsTheShippedRules(Case c) {
        List<Object> facts = c.change().apply(BOOK.factsWith(List.of(PASSING)));

        SessionResult drools = new RuleSessionRunner().run(ruleSet, facts);
        PlainJavaPreTradeCheck.Verdict plain = new PlainJavaPreTradeCheck().check(facts);

        assertThat(drools.fault()).as("Drools fault").isNull();
        assertThat(plain.proposals()).as("proposals").containsExactlyInAnyOrderElementsOf(drools.proposals());
        Set<PlainJavaPreTradeCheck.Finding> expected = drools.outcomes().stream()
                .map(PlainJavaPreTradeCheckTest::finding).collect(Collectors.toSet());
        assertThat(Set.copyOf(plain.findings())).as("findings").isEqualTo(expected);
        if (c.expectedCode() == null) {
            assertThat(expected).as("the case must pass").isEmpty();
        } else {
            assertThat(expected).as("the case must exercise its rule")
                    .extracting(PlainJavaPreTradeCheck.Finding::code).contains(c.expectedCode());
        }
    }

    /** The gate's standing session, built for the case's book and used again, concludes what a fresh session does. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theStandingSessionConcludesAsAFreshOne(Case c) {
        List<Object> facts = c.change().apply(BOOK.factsWith(List.of(PASSING)));
        SessionResult fresh = new RuleSessionRunner().run(ruleSet, facts);
        try (StandingSessions standing = new StandingSessions()) {
            assertThat(StandingSessions.agree(fresh, standing.run(ruleSet, "acct-1", facts))).as("built").isTrue();
            assertThat(StandingSessions.agree(fresh, standing.run(ruleSet, "acct-1", facts))).as("used again").isTrue();
            assertThat(standing.size()).isEqualTo(1);
        }
    }

    @Test
    void casesMakeEveryShippedRiskRuleConclude() {
        Set<String> concluded = cases()
                .map(c -> new RuleSessionRunner().run(ruleSet, c.change().apply(BOOK.factsWith(List.of(PASSING)))))
                .flatMap(result -> result.outcomes().stream())
                .map(outcome -> outcome.reason().code())
                .collect(Collectors.toSet());
        Set<String> riskCodes = ruleSet.rules().values().stream()
                .filter(meta -> meta.layer() != Layer.STRATEGY)
                .map(RuleMetadata::reasonCode)
                .collect(Collectors.toSet());

        assertThat(riskCodes).hasSize(49);
        assertThat(concluded).as("risk rules no case makes conclude").containsAll(riskCodes);
    }

    @Test
    void buildsTheSameBookFromTheSameSeed() {
        PreTradeBook again = PreTradeBook.generate(new SplittableRandom(20230315L));

        assertThat(again).isEqualTo(BOOK);
        assertThat(BOOK.facts()).filteredOn(Instrument.class::isInstance).hasSize(50);
        assertThat(BOOK.facts()).filteredOn(dev.arbiter.kb.fact.Position.class::isInstance).hasSize(100);
        assertThat(BOOK.facts()).filteredOn(OpenOrder.class::isInstance).hasSize(20);
    }

    private static PlainJavaPreTradeCheck.Finding finding(RuleOutcome outcome) {
        return switch (outcome) {
            case Rejection r -> new PlainJavaPreTradeCheck.Finding(r.proposalId(), r.reason().code());
            case Cap cap -> new PlainJavaPreTradeCheck.Finding(cap.proposalId(), cap.reason().code());
            case Flag flag -> new PlainJavaPreTradeCheck.Finding(flag.proposalId(), flag.reason().code());
            case Halt halt -> new PlainJavaPreTradeCheck.Finding("", halt.reason().code());
            case ReduceOnly reduceOnly -> new PlainJavaPreTradeCheck.Finding("", reduceOnly.reason().code());
        };
    }

    /** A buy that acted on {@code models}' predictions. */
    private static OrderIntent intentOn(String... models) {
        return new OrderIntent("i-1", ACCOUNT, "ETH-USD", Side.BUY, new BigDecimal("2"), new BigDecimal("1630.00"),
                new BigDecimal("1600"), "client-breakout", 0.7, List.of(models));
    }

    private static OrderIntent intent(Side side, String quantity, String price, String stopLoss) {
        return new OrderIntent("i-1", ACCOUNT, "ETH-USD", side, new BigDecimal(quantity), new BigDecimal(price),
                stopLoss == null ? null : new BigDecimal(stopLoss), "client-breakout", 0.7);
    }

    private static Account account(BigDecimal dailyPnl, TradingState state) {
        return new Account(ACCOUNT, new BigDecimal("100000"), new BigDecimal("60000"), new BigDecimal("104000"),
                dailyPnl, state);
    }

    private static FeedStatus feed(long ageSeconds) {
        return new FeedStatus("ETH-USD", PreTradeBook.AS_OF.minusSeconds(ageSeconds), new BigDecimal("1629.52"),
                ageSeconds, 580);
    }

    private static List<Object> withIntent(List<Object> facts, OrderIntent intent) {
        return replace(facts, OrderIntent.class, intent);
    }

    /** The book's ETH-USD exposure, long, with a liquidation price at {@code fraction} of its mark. */
    private static Exposure liquidatable(List<Object> facts, BigDecimal fraction) {
        Exposure eth = facts.stream().filter(Exposure.class::isInstance).map(Exposure.class::cast)
                .filter(e -> e.symbol().equals("ETH-USD")).findFirst().orElseThrow();
        BigDecimal quantity = eth.positionQuantity().abs().max(BigDecimal.ONE);
        BigDecimal liquidation = eth.markPrice().multiply(fraction);
        return new Exposure(eth.accountId(), eth.symbol(), quantity, eth.markPrice(), quantity.multiply(eth.markPrice()),
                eth.openOrderNotional(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, liquidation,
                BigDecimal.ONE.subtract(fraction));
    }

    private static Portfolio withMarginRatio(List<Object> facts, BigDecimal ratio) {
        Portfolio book = facts.stream().filter(Portfolio.class::isInstance).map(Portfolio.class::cast).findFirst()
                .orElseThrow();
        return new Portfolio(book.accountId(), book.grossExposure(), book.netExposure(), book.reserved(),
                book.initialMargin(), book.maintenanceMargin(), ratio);
    }

    private static List<Object> plus(List<Object> facts, Object fact) {
        List<Object> changed = new ArrayList<>(facts);
        changed.add(fact);
        return changed;
    }

    /**
     * Replaces the fact of the replacement's type that stands for the same thing (the same account,
     * instrument, indicator or model); there must be exactly one.
     */
    private static List<Object> replace(List<Object> facts, Class<?> type, Object replacement) {
        List<Object> changed = new ArrayList<>(facts);
        int replaced = 0;
        for (int i = 0; i < changed.size(); i++) {
            Object fact = changed.get(i);
            if (type.isInstance(fact) && standsForTheSame(fact, replacement)) {
                changed.set(i, replacement);
                replaced++;
            }
        }
        assertThat(replaced).as("facts replaced by " + replacement).isEqualTo(1);
        return changed;
    }

    private static boolean standsForTheSame(Object fact, Object replacement) {
        return switch (fact) {
            case FeedStatus f -> f.symbol().equals(((FeedStatus) replacement).symbol());
            case IndicatorValue v -> v.symbol().equals(((IndicatorValue) replacement).symbol())
                    && v.name().equals(((IndicatorValue) replacement).name());
            case ModelHealth h -> h.model().equals(((ModelHealth) replacement).model());
            case Instrument i -> i.symbol().equals(((Instrument) replacement).symbol());
            case Exposure e -> e.symbol().equals(((Exposure) replacement).symbol());
            case VenueExposure v -> v.venue().equals(((VenueExposure) replacement).venue());
            default -> true;
        };
    }
}
