package dev.arbiter.rules;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.rules.pack.CompiledRuleSet;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import dev.arbiter.rules.pack.RuleSet;
import dev.arbiter.rules.pack.RuleSetCompiler;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A calm market and a healthy account, where no risk rule objects; each test changes one thing. */
final class RuleFixtures {

    static final CompiledRuleSet DEFAULT_RULES = new RuleSetCompiler().compile(RuleSet.shippedDefault());
    static final Instant NOW = Instant.parse("2023-03-15T18:20:30Z");

    private RuleFixtures() {
    }

    static Account account(String dailyPnl, TradingState state) {
        return new Account("acct-1", dec("100000"), dec("60000"), dec("100000"), dec(dailyPnl), state);
    }

    static Instrument ethUsd() {
        return new Instrument("ETH-USD", "binance-us", "majors", dec("0.01"), dec("0.01"), dec("10"), dec("1000000"));
    }

    static FeedStatus feed(long ageSeconds) {
        return new FeedStatus("ETH-USD", NOW.minusSeconds(ageSeconds), dec("1629.52"), ageSeconds, 580);
    }

    static Exposure exposure(String positionQuantity) {
        BigDecimal q = dec(positionQuantity);
        return new Exposure("acct-1", "ETH-USD", q, dec("1629.52"), q.abs().multiply(dec("1629.52")), BigDecimal.ZERO);
    }

    static IndicatorValue indicator(String name, double value) {
        return new IndicatorValue("ETH-USD", name, NOW, value);
    }

    static Prediction prediction(double confidence) {
        return new Prediction("ETH-USD", "gbm-direction", "1", NOW, 0.6, confidence);
    }

    static OrderIntent intent(String id, Side side, String quantity, String price) {
        return new OrderIntent(id, "acct-1", "ETH-USD", side, dec(quantity), dec(price), dec("1550"), "client-mr", 0.5);
    }

    /** Everything calm: flat trend (no momentum proposal), low volatility, fresh data, confident model. */
    static List<Object> calmMarket(Object... overrides) {
        List<Object> facts = new ArrayList<>(LimitSet.shippedDefault().facts());
        facts.addAll(ParameterSet.shippedDefault().facts());
        facts.add(ethUsd());
        facts.add(exposure("0"));
        facts.add(indicator("sma_50", 1630));
        facts.add(indicator("ema_20", 1620));
        facts.add(indicator("rsi_14", 45));
        facts.add(indicator("atr_14", 5));
        boolean accountGiven = false;
        boolean feedGiven = false;
        for (Object o : overrides) {
            accountGiven |= o instanceof Account;
            feedGiven |= o instanceof FeedStatus;
        }
        if (!accountGiven) {
            facts.add(account("0", TradingState.ACTIVE));
        }
        if (!feedGiven) {
            facts.add(feed(30));
        }
        facts.addAll(List.of(overrides));
        return facts;
    }

    static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }
}
