package dev.arbiter.scenarios.run;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.LossHistory;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.TradingState;
import dev.arbiter.scenarios.spec.FillSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated account between decisions: cash, open entries (lots), closed trades, marks, the
 * high-water mark, the day's starting equity and the recent stop-losses. This is the state the service
 * would keep across decisions; the runner hands it to every request as account, positions and context.
 * Long only, spot: a buy spends cash, a sell returns it.
 */
final class Book {

    /** One open entry with its own stop and age. */
    static final class Lot {
        final String symbol;
        final String origin;
        double quantity;
        final double entryPrice;
        final Instant entryTime;
        final int entryStep;
        final Double stop;
        double entryFee;

        Lot(String symbol, String origin, double quantity, double entryPrice, Instant entryTime, int entryStep,
            Double stop, double entryFee) {
            this.symbol = symbol;
            this.origin = origin;
            this.quantity = quantity;
            this.entryPrice = entryPrice;
            this.entryTime = entryTime;
            this.entryStep = entryStep;
            this.stop = stop;
            this.entryFee = entryFee;
        }
    }

    private static final Duration LOSS_LOOKBACK = Duration.ofDays(1);

    private final String accountId;
    private final FillSpec fills;
    private double cash;
    private final List<Lot> lots = new ArrayList<>();
    private final List<Trade> trades = new ArrayList<>();
    private final List<Fill> fillLog = new ArrayList<>();
    private final Map<String, Double> marks = new HashMap<>();
    private double highWaterMark;
    private LocalDate day;
    private double dayStartEquity;
    private int consecutiveStops;
    private Instant lastStop;

    Book(String accountId, double cash, FillSpec fills) {
        this.accountId = accountId;
        this.cash = cash;
        this.fills = fills;
        this.highWaterMark = cash;
        this.dayStartEquity = cash;
    }

    void buy(String symbol, String origin, double quantity, double open, Instant time, int step, Double stop) {
        double price = open * (1 + fills.slippageRate());
        double fee = quantity * price * fills.feeRate();
        cash -= quantity * price + fee;
        lots.add(new Lot(symbol, origin, quantity, price, time, step, stop, fee));
        fillLog.add(new Fill(time, symbol, Side.BUY, quantity, price, fee, "entry"));
    }

    /** Sells {@code quantity} of {@code symbol}, oldest entries first. */
    void sell(String symbol, double quantity, double open, Instant time, String reason) {
        double left = quantity;
        for (Iterator<Lot> it = lots.iterator(); it.hasNext() && left > 0; ) {
            Lot lot = it.next();
            if (lot.symbol.equals(symbol)) {
                double part = Math.min(left, lot.quantity);
                close(lot, part, open, time, reason);
                left -= part;
                if (lot.quantity <= 0) {
                    it.remove();
                }
            }
        }
    }

    /** Closes time-expired entries at the open and stopped ones at their stop (or the open, if it gapped through). */
    void exits(String symbol, double open, double low, Instant time, int step, int maxHoldingBars, boolean useStops) {
        for (Iterator<Lot> it = lots.iterator(); it.hasNext(); ) {
            Lot lot = it.next();
            if (!lot.symbol.equals(symbol)) {
                continue;
            }
            if (step - lot.entryStep >= maxHoldingBars) {
                close(lot, lot.quantity, open, time, "time");
                it.remove();
            } else if (useStops && lot.stop != null && low <= lot.stop) {
                close(lot, lot.quantity, Math.min(open, lot.stop), time, "stop");
                it.remove();
            }
        }
    }

    /** Closes everything at the last marks, so open entries count in the trade statistics. */
    void closeAll(Instant time) {
        for (Lot lot : List.copyOf(lots)) {
            close(lot, lot.quantity, marks.getOrDefault(lot.symbol, lot.entryPrice), time, "end");
        }
        lots.clear();
    }

    private void close(Lot lot, double quantity, double rawPrice, Instant time, String reason) {
        double price = rawPrice * (1 - fills.slippageRate());
        double fee = quantity * price * fills.feeRate();
        double entryFee = lot.entryFee * quantity / lot.quantity;
        cash += quantity * price - fee;
        double pnl = quantity * (price - lot.entryPrice) - fee - entryFee;
        trades.add(new Trade(lot.symbol, lot.origin, lot.entryTime, time, quantity, lot.entryPrice, price,
                fee + entryFee, pnl, reason));
        fillLog.add(new Fill(time, lot.symbol, Side.SELL, quantity, price, fee, reason));
        lot.entryFee -= entryFee;
        lot.quantity -= quantity;
        if (reason.equals("stop") && pnl < 0) {
            consecutiveStops++;
            lastStop = time;
        } else if (pnl > 0) {
            consecutiveStops = 0;
        }
    }

    void mark(String symbol, double close) {
        marks.put(symbol, close);
    }

    double equity() {
        double value = cash;
        for (Lot lot : lots) {
            value += lot.quantity * marks.getOrDefault(lot.symbol, lot.entryPrice);
        }
        return value;
    }

    double grossExposure() {
        double value = 0;
        for (Lot lot : lots) {
            value += lot.quantity * marks.getOrDefault(lot.symbol, lot.entryPrice);
        }
        return value;
    }

    /** Rolls the trading day (UTC) and the high-water mark forward to {@code time}. */
    void settle(Instant time) {
        double equity = equity();
        LocalDate today = time.atZone(ZoneOffset.UTC).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            dayStartEquity = equity;
        }
        highWaterMark = Math.max(highWaterMark, equity);
    }

    Account account() {
        BigDecimal equity = money(Math.max(0, equity()));
        BigDecimal hwm = money(Math.max(highWaterMark, equity.doubleValue())).max(equity);
        return new Account(accountId, equity, money(Math.max(0, cash)), hwm, money(equity() - dayStartEquity),
                TradingState.ACTIVE);
    }

    List<Position> positions() {
        Map<String, double[]> bySymbol = new LinkedHashMap<>();
        for (Lot lot : lots) {
            double[] sums = bySymbol.computeIfAbsent(lot.symbol, s -> new double[2]);
            sums[0] += lot.quantity;
            sums[1] += lot.quantity * lot.entryPrice;
        }
        List<Position> positions = new ArrayList<>();
        bySymbol.forEach((symbol, sums) -> {
            if (sums[0] > 0) {
                positions.add(new Position(accountId, symbol, quantity(sums[0]), money(sums[1] / sums[0])));
            }
        });
        return positions;
    }

    LossHistory lossHistory(Instant now) {
        long sinceStop = lastStop == null ? -1 : Duration.between(lastStop, now).toSeconds();
        Trade largest = null;
        for (int i = trades.size() - 1; i >= 0; i--) {
            Trade trade = trades.get(i);
            if (trade.exitTime().isBefore(now.minus(LOSS_LOOKBACK))) {
                break;
            }
            if (trade.pnl() < 0 && (largest == null || trade.pnl() < largest.pnl())) {
                largest = trade;
            }
        }
        return new LossHistory(accountId, consecutiveStops, sinceStop,
                largest == null ? BigDecimal.ZERO : money(-largest.pnl()),
                largest == null ? -1 : Duration.between(largest.exitTime(), now).toSeconds());
    }

    double cash() {
        return cash;
    }

    List<Trade> trades() {
        return trades;
    }

    List<Fill> fills() {
        return fillLog;
    }

    static BigDecimal money(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN);
    }

    static BigDecimal quantity(double value) {
        return BigDecimal.valueOf(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }
}
