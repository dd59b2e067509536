package dev.arbiter.scenarios.bench;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.VenueExposure;
import dev.arbiter.kb.fact.Anomaly;
import dev.arbiter.kb.fact.AnomalyKind;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.margin.BookFacts;
import dev.arbiter.kb.fact.FeedStatus;
import dev.arbiter.kb.fact.IndicatorValue;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.KillSwitch;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Margin;
import dev.arbiter.kb.fact.ModelHealth;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.OrderActivity;
import dev.arbiter.kb.fact.OrderIntent;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Prediction;
import dev.arbiter.kb.fact.Regime;
import dev.arbiter.kb.fact.RegimeKind;
import dev.arbiter.kb.fact.Restriction;
import dev.arbiter.kb.fact.RestrictionKind;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.rules.dsl.Outcomes;
import dev.arbiter.rules.pack.LimitSet;
import dev.arbiter.rules.pack.ParameterSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A realistic pre-trade book, built deterministically from a seeded random generator: 50 instruments in
 * three clusters (majors, alts, memes), 100 positions (two lots per instrument, summed into one
 * {@link Exposure} per instrument as the engine does), 20 open orders, one account, feed status and the
 * six indicators per instrument, one or two model predictions per instrument with their health,
 * regimes, rate and loss history, margin, a released kill switch, two restrictions and one data gap in
 * an instrument nobody trades, plus the shipped limits and parameters.
 *
 * <p>The market is calm: no strategy rule signals (EMA(20) below SMA(50), RSI(14) between 40 and 50,
 * the close below the 20-bar high), so the only proposal is the client's intent. {@link #passingIntent()}
 * is an ETH-USD buy that every risk rule lets through, so every layer evaluates in full. The shipped
 * gross-exposure limit is 25,000, so the positions are small (40–130 per lot) to leave room for it.
 *
 * @param facts         every fact except the intents, in the order the engine inserts them
 * @param passingIntent an order intent that no risk rule rejects, caps or flags
 */
public record PreTradeBook(List<Object> facts, OrderIntent passingIntent) {

    public static final String ACCOUNT = "acct-1";
    public static final Instant AS_OF = Instant.parse("2023-03-15T18:20:30Z");

    private static final List<String> MAJORS = List.of("BTC", "ETH", "BNB", "SOL", "XRP", "ADA", "AVAX", "DOT",
            "LINK", "LTC");
    private static final List<String> ALTS = List.of("ATOM", "NEAR", "ALGO", "FIL", "APT", "ARB", "OP", "INJ",
            "AAVE", "UNI", "MKR", "SNX", "CRV", "LDO", "RUNE", "SUI", "SEI", "TIA", "IMX", "GRT", "SAND", "MANA",
            "AXS", "EGLD", "XTZ");
    private static final List<String> MEMES = List.of("DOGE", "SHIB", "PEPE", "FLOKI", "BONK", "WIF", "BOME",
            "MEME", "TURBO", "BRETT", "MOG", "POPCAT", "NEIRO", "DEGEN", "MYRO");
    /** Mean |5-minute log return| the synthetic predictions scale their edge by to an expected return. */
    private static final double MEAN_ABS_RETURN = 0.002;
    private static final BigDecimal ETH_CLOSE = new BigDecimal("1629.52");

    public PreTradeBook {
        facts = List.copyOf(facts);
    }

    /** The facts a rule session sees for these intents: the book, then the intents. */
    public List<Object> factsWith(List<OrderIntent> intents) {
        List<Object> all = new ArrayList<>(facts.size() + intents.size());
        all.addAll(facts);
        all.addAll(intents);
        return all;
    }

    /**
     * The book after {@code order} was approved and sent: it works now, adds to its instrument's exposure and to the
     * account's order count, and the portfolio's sums follow; every other fact stays where it was.
     */
    public PreTradeBook withWorkingOrder(OpenOrder order) {
        List<Object> changed = new ArrayList<>(facts.size() + 1);
        int lastOrder = -1;
        for (Object fact : facts) {
            switch (fact) {
                case Portfolio p -> { } // summed again below
                case ClusterExposure c -> { }
                case VenueExposure v -> { }
                case Exposure e when e.accountId().equals(order.accountId()) && e.symbol().equals(order.symbol()) ->
                        changed.add(new Exposure(e.accountId(), e.symbol(), e.positionQuantity(), e.markPrice(),
                                e.positionNotional(), e.openOrderNotional().add(order.notional()), e.unrealisedPnl(),
                                e.initialMargin(), e.maintenanceMargin(), e.liquidationPrice(),
                                e.liquidationDistance()));
                case OrderActivity a when a.accountId().equals(order.accountId()) ->
                        changed.add(new OrderActivity(a.accountId(), a.windowSeconds(), a.ordersInWindow() + 1,
                                a.messagesInWindow() + 1));
                default -> {
                    changed.add(fact);
                    if (fact instanceof OpenOrder) {
                        lastOrder = changed.size() - 1;
                    }
                }
            }
        }
        changed.add(lastOrder + 1, order);
        return new PreTradeBook(BookFacts.complete(changed), passingIntent);
    }

    /** Builds the book; the same generator state gives the same book, fact for fact. */
    public static PreTradeBook generate(RandomGenerator random) {
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        Map<String, BigDecimal> closes = new LinkedHashMap<>();
        addCluster(random, "majors", MAJORS, 5, 70_000, instruments, closes);
        addCluster(random, "alts", ALTS, 0.2, 400, instruments, closes);
        addCluster(random, "memes", MEMES, 0.000_005, 0.5, instruments, closes);

        List<Position> positions = new ArrayList<>();
        for (Instrument instrument : instruments.values()) {
            BigDecimal close = closes.get(instrument.symbol());
            boolean shortBook = random.nextDouble() < 0.2;
            for (int lot = 0; lot < 2; lot++) {
                BigDecimal quantity = quantityFor(random.nextDouble(40, 130), close, instrument.lotSize());
                BigDecimal averagePrice = onTick(close.doubleValue() * random.nextDouble(0.95, 1.05),
                        instrument.tickSize());
                positions.add(new Position(ACCOUNT, instrument.symbol(), shortBook ? quantity.negate() : quantity,
                        averagePrice));
            }
        }

        List<OpenOrder> openOrders = new ArrayList<>();
        List<Instrument> tradable = instruments.values().stream().filter(i -> !i.symbol().equals("ETH-USD")).toList();
        for (int i = 0; i < 20; i++) {
            Instrument instrument = tradable.get((i * 7 + random.nextInt(3)) % tradable.size());
            BigDecimal close = closes.get(instrument.symbol());
            Side side = random.nextDouble() < 0.7 ? Side.BUY : Side.SELL;
            double away = side == Side.BUY ? random.nextDouble(0.97, 0.995) : random.nextDouble(1.005, 1.03);
            openOrders.add(new OpenOrder("o-" + (100 + i), ACCOUNT, instrument.symbol(), side,
                    quantityFor(random.nextDouble(50, 200), close, instrument.lotSize()),
                    onTick(close.doubleValue() * away, instrument.tickSize())));
        }

        List<Object> facts = new ArrayList<>(LimitSet.shippedDefault().facts());
        facts.addAll(ParameterSet.shippedDefault().facts());
        facts.add(new Account(ACCOUNT, new BigDecimal("100000"), new BigDecimal("60000"), new BigDecimal("104000"),
                new BigDecimal("-350"), TradingState.ACTIVE));
        facts.addAll(instruments.values());
        facts.addAll(positions);
        facts.addAll(openOrders);
        List<Object> exposures = new ArrayList<>();
        List<Object> predictions = new ArrayList<>();
        List<Object> regimes = new ArrayList<>();
        for (Instrument instrument : instruments.values()) {
            String symbol = instrument.symbol();
            BigDecimal close = closes.get(symbol);
            double c = close.doubleValue();
            long age = symbol.equals("ETH-USD") ? 30 : 5 + random.nextInt(115);
            Instant barEnd = AS_OF.minusSeconds(age);
            facts.add(new FeedStatus(symbol, barEnd, close, age, 580));
            double sma50 = c * random.nextDouble(1.004, 1.01);
            facts.add(new IndicatorValue(symbol, "sma_20", barEnd, c * random.nextDouble(0.995, 1.005)));
            facts.add(new IndicatorValue(symbol, "sma_50", barEnd, sma50));
            facts.add(new IndicatorValue(symbol, "ema_20", barEnd, sma50 * random.nextDouble(0.985, 0.995)));
            facts.add(new IndicatorValue(symbol, "rsi_14", barEnd, random.nextDouble(40, 50)));
            facts.add(new IndicatorValue(symbol, "atr_14", barEnd, c * random.nextDouble(0.002, 0.006)));
            facts.add(new IndicatorValue(symbol, "highest_20", barEnd, c * random.nextDouble(1.005, 1.02)));
            BigDecimal quantity = positions.stream().filter(p -> p.symbol().equals(symbol)).map(Position::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal working = openOrders.stream().filter(o -> o.symbol().equals(symbol)).map(OpenOrder::notional)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            exposures.add(new Exposure(ACCOUNT, symbol, quantity, close, quantity.abs().multiply(close), working));
            double up = random.nextDouble(0.45, 0.65);
            predictions.add(new Prediction(symbol, "gbm-direction", "2023-03-01", barEnd, up,
                    (2 * up - 1) * MEAN_ABS_RETURN, random.nextDouble(0.58, 0.75)));
            if (instrument.cluster().equals("majors")) {
                predictions.add(new Prediction(symbol, "logit-direction", "2023-02-15", barEnd,
                        up + random.nextDouble(-0.1, 0.1), 0.0, random.nextDouble(0.58, 0.75)));
            }
            regimes.add(new Regime(symbol, random.nextDouble() < 0.7 ? RegimeKind.RANGING : RegimeKind.TRENDING_UP,
                    barEnd, "ADX and ATR within their usual range"));
        }
        facts.addAll(exposures);
        facts.addAll(predictions);
        facts.addAll(regimes);
        facts.add(new ModelHealth("gbm-direction", "2023-03-01", false, false, "PSI 0.04, last trained 14 days ago"));
        facts.add(new ModelHealth("logit-direction", "2023-02-15", false, false, "PSI 0.07, last trained 28 days ago"));
        facts.add(new OrderActivity(ACCOUNT, 60, 12, 40));
        facts.add(new LossHistory(ACCOUNT, 1, 7_200, new BigDecimal("800"), 20_000));
        facts.add(new Margin(ACCOUNT, new BigDecimal("20000"), new BigDecimal("100000")));
        facts.add(new KillSwitch(false, "risk-desk", AS_OF.minusSeconds(86_400), "released after the drill"));
        facts.add(new Restriction(RestrictionKind.INSTRUMENT, "LUNA-USD", "issuer under investigation"));
        facts.add(new Restriction(RestrictionKind.VENUE, "ftx", "venue insolvent"));
        facts.add(new Anomaly("MYRO-USD", AnomalyKind.DATA_GAP, AS_OF.minusSeconds(3_600),
                "2 bars missing before 2023-03-15T17:20:00Z"));

        OrderIntent intent = new OrderIntent("i-1", ACCOUNT, "ETH-USD", Side.BUY, new BigDecimal("2"),
                new BigDecimal("1630.00"), new BigDecimal("1600.00"), "client-breakout", 0.7);
        return new PreTradeBook(BookFacts.complete(facts), intent);
    }

    private static void addCluster(RandomGenerator random, String cluster, List<String> coins, double lowPrice,
                                   double highPrice, Map<String, Instrument> instruments, Map<String, BigDecimal> closes) {
        for (String coin : coins) {
            String symbol = coin + "-USD";
            double price = coin.equals("ETH") ? ETH_CLOSE.doubleValue()
                    : Math.exp(random.nextDouble(Math.log(lowPrice), Math.log(highPrice)));
            int magnitude = (int) Math.floor(Math.log10(price));
            // Five significant digits of price; one lot is worth 10 to 100 (ETH: tick 0.01, lot 0.01).
            BigDecimal tick = BigDecimal.ONE.movePointLeft(5 - magnitude);
            BigDecimal lot = BigDecimal.ONE.movePointLeft(magnitude - 1);
            BigDecimal close = coin.equals("ETH") ? ETH_CLOSE : onTick(price, tick);
            String venue = cluster.equals("memes") ? "bybit" : "binance-us";
            instruments.put(symbol, new Instrument(symbol, venue, cluster, tick, lot.stripTrailingZeros(),
                    BigDecimal.TEN, new BigDecimal("1000000")));
            closes.put(symbol, close);
        }
    }

    private static BigDecimal onTick(double price, BigDecimal tick) {
        return BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick);
    }

    private static BigDecimal quantityFor(double notional, BigDecimal price, BigDecimal lot) {
        BigDecimal quantity = Outcomes.floorToStep(BigDecimal.valueOf(notional).divide(price, 12, RoundingMode.DOWN), lot);
        return quantity.signum() > 0 ? quantity : lot;
    }
}
