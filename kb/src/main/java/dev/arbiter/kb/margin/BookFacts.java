package dev.arbiter.kb.margin;

import dev.arbiter.kb.fact.Account;
import dev.arbiter.kb.fact.ClusterExposure;
import dev.arbiter.kb.fact.Exposure;
import dev.arbiter.kb.fact.Instrument;
import dev.arbiter.kb.fact.OpenOrder;
import dev.arbiter.kb.fact.Portfolio;
import dev.arbiter.kb.fact.Side;
import dev.arbiter.kb.fact.VenueExposure;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The account-wide facts rules read instead of summing positions themselves: one {@link Portfolio} per account
 * and one {@link ClusterExposure} per cluster and one {@link VenueExposure} per venue it is exposed to, summed from
 * the {@link Exposure} facts, the {@link Instrument} facts (for the clusters and venues) and the {@link OpenOrder}
 * facts (for the reservations). The engine
 * and the rule tests both complete a session's facts here, so a rule test states a book the way the engine sees
 * one.
 */
public final class BookFacts {

    private BookFacts() {
    }

    /**
     * The facts with, for every account that has an {@link Account} fact and no {@link Portfolio} fact yet, its
     * portfolio, cluster and venue exposures added.
     */
    public static List<Object> complete(List<Object> facts) {
        Set<String> summed = new HashSet<>();
        for (Object fact : facts) {
            if (fact instanceof Portfolio p) {
                summed.add(p.accountId());
            }
        }
        List<Object> completed = new ArrayList<>(facts);
        for (Object fact : facts) {
            if (fact instanceof Account account && summed.add(account.accountId())) {
                completed.addAll(summarise(account, facts));
            }
        }
        return completed;
    }

    /** The portfolio, cluster and venue exposures of one account. */
    public static List<Object> summarise(Account account, List<Object> facts) {
        String id = account.accountId();
        Map<String, Instrument> instruments = new TreeMap<>();
        for (Object fact : facts) {
            if (fact instanceof Instrument i) {
                instruments.put(i.symbol(), i);
            }
        }
        BigDecimal gross = BigDecimal.ZERO;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal maintenance = BigDecimal.ZERO;
        BigDecimal reserved = BigDecimal.ZERO;
        Map<String, BigDecimal> clusters = new TreeMap<>();
        Map<String, BigDecimal> venues = new TreeMap<>();
        for (Object fact : facts) {
            if (fact instanceof Exposure e && e.accountId().equals(id)) {
                gross = gross.add(e.grossExposure());
                net = net.add(e.netNotional());
                initial = initial.add(e.initialMargin());
                maintenance = maintenance.add(e.maintenanceMargin());
                Instrument instrument = instruments.get(e.symbol());
                if (instrument != null) {
                    clusters.merge(instrument.cluster(), e.grossExposure(), BigDecimal::add);
                    venues.merge(instrument.venue(), e.grossExposure(), BigDecimal::add);
                }
            } else if (fact instanceof OpenOrder o && o.accountId().equals(id)) {
                // net exposure as it will be once every working order fills
                net = o.side() == Side.BUY ? net.add(o.notional()) : net.subtract(o.notional());
                Instrument instrument = instruments.get(o.symbol());
                reserved = reserved.add(instrument != null ? instrument.balanceNeeded(o.notional(), o.side(), BigDecimal.ONE)
                        : OrderMargin.balanceNeeded(dev.arbiter.kb.fact.InstrumentKind.SPOT, BigDecimal.ONE, o.side(),
                                o.notional(), BigDecimal.ONE));
            }
        }
        BigDecimal ratio = maintenance.signum() == 0 ? BigDecimal.ZERO
                : account.equity().signum() <= 0 ? BigDecimal.ONE
                : maintenance.divide(account.equity(), MathContext.DECIMAL64);
        List<Object> summary = new ArrayList<>();
        summary.add(new Portfolio(id, gross, net, reserved, initial, maintenance, ratio));
        clusters.forEach((cluster, exposure) -> summary.add(new ClusterExposure(id, cluster, exposure)));
        venues.forEach((venue, exposure) -> summary.add(new VenueExposure(id, venue, exposure)));
        return summary;
    }
}
