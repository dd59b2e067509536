package dev.arbiter.engine.decision;

import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.InstrumentKind;
import dev.arbiter.kb.fact.MarkPrice;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.margin.BookFacts;
import dev.arbiter.kb.margin.BookRisk;
import dev.arbiter.kb.margin.ContractTerms;
import dev.arbiter.kb.margin.Holding;
import dev.arbiter.kb.margin.Listing;
import dev.arbiter.kb.margin.PendingOrder;
import dev.arbiter.kb.margin.PositionRisk;
import dev.arbiter.rules.pack.InstrumentSet;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's book measured the way its decision measures it: each instrument at its valuation price, the margin
 * model over the positions and working orders, the {@link Exposure} facts the rules read, and the account's
 * {@link Portfolio}. The decision's facts and the service's risk view and gauges all come from here.
 */
public final class BookMeasure {

    private BookMeasure() {
    }

    /** An account's book: the exposure per instrument and their sum, as the rules read them. */
    public record Measured(List<Exposure> exposures, Portfolio portfolio) {
    }

    /** The account's book as a decision on {@code request} would see it (its market views as the engine's). */
    public static Measured measure(DecisionRequest request, InstrumentSet listed) {
        Map<String, MarketView> views = new LinkedHashMap<>();
        request.market().forEach(v -> views.put(v.symbol(), v));
        Map<String, BigDecimal> marks = marks(request, views);
        List<Exposure> exposures = exposures(request, marks, book(request, marks, listed));
        List<Object> facts = new ArrayList<>(exposures);
        facts.addAll(request.instruments());
        facts.addAll(request.openOrders());
        Portfolio portfolio = BookFacts.summarise(request.account(), facts).stream()
                .filter(Portfolio.class::isInstance).map(Portfolio.class::cast).findFirst().orElseThrow();
        return new Measured(exposures, portfolio);
    }

    /**
     * Each instrument's valuation price ({@link MarkPrice#valuation}); one held without market data yet is valued at
     * its entry price until a bar arrives.
     */
    static Map<String, BigDecimal> marks(DecisionRequest request, Map<String, MarketView> views) {
        Map<String, MarkPrice> venueMarks = new LinkedHashMap<>();
        request.markPrices().forEach(m -> venueMarks.put(m.symbol(), m));
        Map<String, BigDecimal> marks = new LinkedHashMap<>();
        for (Instrument instrument : request.instruments()) {
            MarketView view = views.get(instrument.symbol());
            if (view != null) {
                marks.put(instrument.symbol(), MarkPrice.valuation(view.lastBar(), venueMarks.get(instrument.symbol())));
            } else {
                request.positions().stream().filter(p -> p.symbol().equals(instrument.symbol())).findFirst()
                        .ifPresent(p -> marks.put(instrument.symbol(), p.averagePrice()));
            }
        }
        return marks;
    }

    /**
     * The account's book measured by the margin model, at the marks the rules see. An instrument the request
     * describes but the release does not list is measured as spot.
     */
    static BookRisk book(DecisionRequest request, Map<String, BigDecimal> marks, InstrumentSet listed) {
        Map<String, Listing> listings = new LinkedHashMap<>();
        for (Instrument i : request.instruments()) {
            Listing listing = listed.listingOf(i.symbol());
            listings.put(i.symbol(), listing != null && listing.terms().kind() == i.kind() ? listing
                    : new Listing(ContractTerms.spot(i.symbol()), i.cluster(), listed.sectorOf(i.symbol()).orElse(null)));
        }
        List<Holding> holdings = request.positions().stream().filter(p -> marks.containsKey(p.symbol()))
                .map(p -> new Holding(p.symbol(), p.quantity(), p.averagePrice(),
                        request.context().marginMode(p.symbol()))).toList();
        List<PendingOrder> pending = request.openOrders().stream().filter(o -> marks.containsKey(o.symbol()))
                .map(o -> new PendingOrder(o.symbol(), o.side(), o.quantity(), o.price())).toList();
        return BookRisk.measure(request.account().freeBalance(), holdings, pending, marks, listings::get);
    }

    /** The {@link Exposure} fact of every request instrument with a mark. */
    static List<Exposure> exposures(DecisionRequest request, Map<String, BigDecimal> marks, BookRisk book) {
        List<Exposure> exposures = new ArrayList<>();
        for (Instrument instrument : request.instruments()) {
            BigDecimal mark = marks.get(instrument.symbol());
            if (mark != null) {
                exposures.add(exposure(request.account().accountId(),
                        book.position(instrument.symbol(), instrument.kind(), mark)));
            }
        }
        return exposures;
    }

    /** The rules' view of one instrument's figures: margin figures only where the instrument is on margin. */
    private static Exposure exposure(String accountId, PositionRisk p) {
        boolean margined = p.kind() != InstrumentKind.SPOT;
        return new Exposure(accountId, p.symbol(), p.quantity(), p.mark(), p.notional(),
                p.workingBuyNotional().add(p.workingSellNotional()), p.unrealisedPnl(),
                margined ? p.initialMargin() : BigDecimal.ZERO, p.maintenanceMargin(),
                p.liquidationPrice() == null ? null : p.liquidationPrice().setScale(8, RoundingMode.HALF_EVEN),
                p.liquidationDistance() == null ? null : p.liquidationDistance().setScale(8, RoundingMode.HALF_EVEN));
    }
}
