package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.MarginMode;
import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * An account's instruments measured by the one exposure and margin model: every instrument it holds or has working
 * orders in, each with its margin figures and liquidation price. The account-wide sums the limits are about (gross
 * and net exposure, reservations, cluster exposure, margin ratio) are taken from these figures once, as facts, by
 * {@link BookFacts}.
 *
 * @param cash      the account's wallet in its quote currency (spot purchases already paid from it)
 * @param equity    cash + spot holdings at mark + unrealised P&amp;L of the perpetuals
 * @param positions by symbol
 */
public record BookRisk(BigDecimal cash, BigDecimal equity, Map<String, PositionRisk> positions) {

    public BookRisk {
        positions = Collections.unmodifiableMap(new TreeMap<>(positions));
    }

    /**
     * Measures a book. Every held or working symbol needs a mark and a listing.
     *
     * @param marks    symbol &rarr; mark price
     * @param listings symbol &rarr; its contract and groups
     */
    public static BookRisk measure(BigDecimal cash, List<Holding> holdings, List<PendingOrder> pending,
                                   Map<String, BigDecimal> marks, Function<String, Listing> listings) {
        TreeSet<String> symbols = new TreeSet<>();
        holdings.forEach(h -> symbols.add(h.symbol()));
        pending.forEach(o -> symbols.add(o.symbol()));

        // First pass: everything but the liquidation prices, which need the other positions' figures.
        List<Draft> drafts = new ArrayList<>();
        for (String symbol : symbols) {
            Listing listing = listing(listings, symbol);
            ContractTerms terms = listing.terms();
            BigDecimal mark = mark(marks, symbol);
            Holding held = holdings.stream().filter(h -> h.symbol().equals(symbol)).findFirst().orElse(null);
            BigDecimal quantity = held == null ? BigDecimal.ZERO : held.quantity();
            BigDecimal entry = held == null ? mark : held.entryPrice();
            MarginMode mode = held == null || held.mode() == null ? MarginMode.CROSS : held.mode();
            BigDecimal buys = BigDecimal.ZERO;
            BigDecimal sells = BigDecimal.ZERO;
            for (PendingOrder o : pending) {
                if (o.symbol().equals(symbol)) {
                    BigDecimal n = terms.notional(o.quantity(), o.price());
                    if (o.side() == Side.BUY) {
                        buys = buys.add(n);
                    } else {
                        sells = sells.add(n);
                    }
                }
            }
            BigDecimal notional = terms.notional(quantity, mark);
            boolean perpetual = terms.kind() != InstrumentKind.SPOT;
            BigDecimal pnl = mark.subtract(entry).multiply(quantity).multiply(terms.contractSize());
            BigDecimal initial = perpetual ? terms.initialMargin(notional) : notional;
            BigDecimal maintenance = perpetual ? terms.maintenanceMargin(notional) : BigDecimal.ZERO;
            BigDecimal isolated = perpetual && mode == MarginMode.ISOLATED
                    ? terms.initialMargin(terms.notional(quantity, entry)) : BigDecimal.ZERO;
            drafts.add(new Draft(symbol, listing, quantity, entry, mark, mode, notional, buys, sells, pnl, initial,
                    maintenance, isolated));
        }

        BigDecimal equity = cash;
        BigDecimal isolatedMargins = BigDecimal.ZERO;
        for (Draft d : drafts) {
            ContractTerms terms = d.listing.terms();
            equity = equity.add(terms.kind() == InstrumentKind.SPOT
                    ? d.quantity.multiply(d.mark).multiply(terms.contractSize()) : d.pnl);
            isolatedMargins = isolatedMargins.add(d.isolated);
        }

        BigDecimal crossWallet = cash.subtract(isolatedMargins);
        Map<String, PositionRisk> positions = new TreeMap<>();
        for (Draft d : drafts) {
            BigDecimal liquidation = liquidation(d, drafts, crossWallet).orElse(null);
            BigDecimal distance = liquidation == null ? null
                    : d.mark.subtract(liquidation).abs().divide(d.mark, Decimals.CONTEXT);
            positions.put(d.symbol, new PositionRisk(d.symbol, d.listing.terms().kind(), d.mode, d.quantity, d.entry,
                    d.mark, d.notional, d.buys, d.sells, d.pnl, d.initial, d.maintenance, liquidation, distance));
        }
        return new BookRisk(cash, equity, positions);
    }

    /**
     * The wallet of an account whose fills were booked as if paid in full (a buy took quantity &times; price from
     * cash, a sell gave it): a perpetual's fill moves no cash but its fees and realised P&amp;L, so the open
     * perpetual positions' cost is given back. Equity is the same either way; the wallet is what backs margin.
     *
     * @param kindOf symbol &rarr; its kind
     */
    public static BigDecimal wallet(BigDecimal bookedCash, List<Holding> holdings,
                                    Function<String, InstrumentKind> kindOf) {
        BigDecimal wallet = bookedCash;
        for (Holding h : holdings) {
            if (kindOf.apply(h.symbol()) == InstrumentKind.LINEAR_PERPETUAL) {
                wallet = wallet.add(h.quantity().multiply(h.entryPrice()));
            }
        }
        return wallet;
    }

    private static Optional<BigDecimal> liquidation(Draft d, List<Draft> all, BigDecimal crossWallet) {
        if (d.mode == MarginMode.ISOLATED) {
            return LiquidationPrice.of(d.listing.terms(), d.quantity, d.entry, d.isolated, BigDecimal.ZERO,
                    BigDecimal.ZERO);
        }
        BigDecimal otherMaintenance = BigDecimal.ZERO;
        BigDecimal otherPnl = BigDecimal.ZERO;
        for (Draft other : all) {
            if (other != d && other.mode == MarginMode.CROSS && other.listing.terms().kind() != InstrumentKind.SPOT) {
                otherMaintenance = otherMaintenance.add(other.maintenance);
                otherPnl = otherPnl.add(other.pnl);
            }
        }
        return LiquidationPrice.of(d.listing.terms(), d.quantity, d.entry, crossWallet, otherMaintenance, otherPnl);
    }

    private static Listing listing(Function<String, Listing> listings, String symbol) {
        Listing listing = listings.apply(symbol);
        if (listing == null) {
            throw new IllegalArgumentException("instrument '" + symbol + "' is held or worked but not listed; "
                    + "expected a listing with its contract terms");
        }
        return listing;
    }

    private static BigDecimal mark(Map<String, BigDecimal> marks, String symbol) {
        BigDecimal mark = marks.get(symbol);
        if (mark == null || mark.signum() <= 0) {
            throw new IllegalArgumentException("instrument '" + symbol + "' has no mark price (" + mark
                    + "); expected a price > 0 for every instrument held or worked");
        }
        return mark;
    }

    /** The instrument's figures; a flat instrument with no working orders measures zero at its mark. */
    public PositionRisk position(String symbol, InstrumentKind kind, BigDecimal mark) {
        PositionRisk p = positions.get(symbol);
        return p != null ? p : new PositionRisk(symbol, kind, MarginMode.CROSS, BigDecimal.ZERO, mark, mark,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                null, null);
    }

    private record Draft(String symbol, Listing listing, BigDecimal quantity, BigDecimal entry, BigDecimal mark,
                         MarginMode mode, BigDecimal notional, BigDecimal buys, BigDecimal sells, BigDecimal pnl,
                         BigDecimal initial, BigDecimal maintenance, BigDecimal isolated) {
    }
}
