package dev.arbiter.engine.state;

import dev.arbiter.engine.decision.ClientRequest;
import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.Position;
import dev.arbiter.kb.fact.ReconciliationBreak;
import dev.arbiter.kb.state.AccountState;
import dev.arbiter.kb.state.PositionState;
import dev.arbiter.kb.text.Figures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares what a client claims about an account with the engine's figures. Amounts within the tolerance (relative
 * to the engine's figure, at least 1 unit of it) agree; everything else is a break, recorded and never obeyed.
 */
public final class Reconciliation {

    private final BigDecimal tolerance;

    public Reconciliation(BigDecimal tolerance) {
        this.tolerance = tolerance;
    }

    /** The breaks between a request's claims and the engine's state. */
    public List<ReconciliationBreak> breaks(ClientRequest request, AccountState state, Account engine,
                                            List<Instrument> listed) {
        String id = state.accountId();
        List<ReconciliationBreak> breaks = new ArrayList<>();
        ClientRequest.ClaimedAccount claimed = request.account();
        amount(breaks, id, "account.equity", claimed.equity(), engine.equity());
        amount(breaks, id, "account.freeBalance", claimed.freeBalance(), engine.freeBalance());
        amount(breaks, id, "account.highWaterMark", claimed.highWaterMark(), engine.highWaterMark());
        amount(breaks, id, "account.dailyPnl", claimed.dailyPnl(), engine.dailyPnl());
        if (claimed.state() != null && claimed.state() != engine.state()) {
            breaks.add(new ReconciliationBreak(id, "account.state", claimed.state().name(), engine.state().name()));
        }
        if (!request.positions().isEmpty()) {
            breaks.addAll(positions(id, request.positions(), state));
        }
        for (OpenOrder order : request.openOrders()) {
            if (state.workingOrder(order.orderId()).isEmpty()) {
                breaks.add(new ReconciliationBreak(id, "openOrders[" + order.orderId() + "]", "working",
                        "not an order the engine approved that is still working"));
            }
        }
        for (Instrument instrument : request.instruments()) {
            Optional<Instrument> known = listed.stream().filter(i -> i.symbol().equals(instrument.symbol())).findFirst();
            if (known.isPresent() && !same(known.get(), instrument)) {
                breaks.add(new ReconciliationBreak(id, "instruments[" + instrument.symbol() + "]",
                        terms(instrument), terms(known.get())));
            }
        }
        return breaks;
    }

    /** Breaks between a venue's positions (a reconciliation snapshot) and the engine's. */
    public List<ReconciliationBreak> positions(String accountId, List<Position> claimed, AccountState state) {
        List<ReconciliationBreak> breaks = new ArrayList<>();
        Map<String, BigDecimal> theirs = new TreeMap<>();
        claimed.forEach(p -> theirs.merge(p.symbol(), p.quantity(), BigDecimal::add));
        TreeSet<String> symbols = new TreeSet<>(theirs.keySet());
        state.positions().forEach(p -> symbols.add(p.symbol()));
        for (String symbol : symbols) {
            BigDecimal ours = state.position(symbol).map(PositionState::quantity).orElse(BigDecimal.ZERO);
            BigDecimal their = theirs.getOrDefault(symbol, BigDecimal.ZERO);
            if (ours.compareTo(their) != 0) {
                breaks.add(new ReconciliationBreak(accountId, "positions[" + symbol + "].quantity",
                        Figures.plain(their), Figures.plain(ours)));
            }
        }
        return breaks;
    }

    /** A break when a claimed amount differs from the engine's beyond the tolerance. */
    public void amount(List<ReconciliationBreak> breaks, String accountId, String field, BigDecimal claimed,
                       BigDecimal engine) {
        if (claimed == null) {
            return;
        }
        BigDecimal allowed = engine.abs().max(BigDecimal.ONE).multiply(tolerance);
        if (claimed.subtract(engine).abs().compareTo(allowed) > 0) {
            breaks.add(new ReconciliationBreak(accountId, field, Figures.money(claimed),
                    Figures.money(engine)));
        }
    }

    private static boolean same(Instrument a, Instrument b) {
        return a.venue().equals(b.venue()) && a.cluster().equals(b.cluster()) && a.tickSize().compareTo(b.tickSize()) == 0
                && a.lotSize().compareTo(b.lotSize()) == 0 && a.minNotional().compareTo(b.minNotional()) == 0
                && a.maxNotional().compareTo(b.maxNotional()) == 0;
    }

    private static String terms(Instrument i) {
        return i.venue() + " " + i.cluster() + " tick " + i.tickSize().toPlainString() + " lot "
                + i.lotSize().toPlainString() + " notional " + i.minNotional().toPlainString() + ".."
                + i.maxNotional().toPlainString();
    }
}
