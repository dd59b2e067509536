package dev.arbiter.reasoning.proof;

import static dev.arbiter.kb.text.Figures.money;
import static dev.arbiter.kb.text.Figures.plain;

import dev.arbiter.kb.fact.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The hard limits one set of orders is held to, named, with the exact numbers behind each. The prover
 * states these limits to Z3; the sentences explaining a violation are computed here, with
 * {@code BigDecimal}, so that the numbers a risk officer reads are the numbers that were proved.
 *
 * <p>The portfolio limits read as the allocator's constraints do: exposure counts gross value (|position|,
 * working orders and new orders of either side); a limit the holdings already break lets the orders shrink
 * what they break but not grow it (net exposure, margin utilisation, instrument, cluster and sector share,
 * venue exposure, position quantity), except leverage, which the existing exposure may not exceed at all.
 */
final class LimitFigures {

    static final String GROSS_EXPOSURE = "gross-exposure";
    static final String FREE_BALANCE = "free-balance";
    static final String NET_EXPOSURE = "net-exposure";
    static final String LEVERAGE = "leverage";
    static final String STRESSED_LEVERAGE = "stressed-leverage";
    static final String MARGIN_UTILISATION = "margin-utilisation";
    static final String INSTRUMENT_SHARE = "instrument-share:";
    static final String CLUSTER_SHARE = "cluster-share:";
    static final String SECTOR_SHARE = "sector-share:";
    static final String VENUE_EXPOSURE = "venue-exposure:";
    static final String POSITION_QUANTITY = "position-quantity:";
    static final String MAX_QUANTITY = "max-quantity:";
    static final String NON_NEGATIVE = "non-negative:";
    static final String MIN_NOTIONAL = "min-notional:";

    private final List<OrderToProve> orders;
    private final HardLimits limits;
    private final PortfolioState portfolio;
    private final PortfolioCaps caps;
    private final Map<String, List<Integer>> symbolToIndexes;
    private final Map<String, List<Integer>> clusterToIndexes;
    private final Map<String, List<Integer>> sectorToIndexes;
    private final Map<String, List<Integer>> venueToIndexes;

    LimitFigures(List<OrderToProve> orders, HardLimits limits) {
        Set<String> seen = new HashSet<>();
        for (OrderToProve order : orders) {
            if (!seen.add(order.proposalId())) {
                throw new IllegalArgumentException("orders: proposalId '" + order.proposalId()
                        + "' appears twice; expected one order per proposal, since limits are named after it");
            }
        }
        this.orders = List.copyOf(orders);
        this.limits = limits;
        this.portfolio = limits.portfolio();
        this.caps = limits.caps();
        this.symbolToIndexes = group(OrderToProve::symbol);
        this.clusterToIndexes = portfolio == null ? Map.of()
                : group(order -> portfolio.instrument(order.symbol()).cluster());
        this.sectorToIndexes = portfolio == null ? Map.of()
                : group(order -> portfolio.instrument(order.symbol()).sector());
        this.venueToIndexes = portfolio == null ? Map.of()
                : group(order -> portfolio.instrument(order.symbol()).venue());
    }

    private Map<String, List<Integer>> group(Function<OrderToProve, String> key) {
        Map<String, List<Integer>> keyToIndexes = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            String k = key.apply(orders.get(i));
            if (k != null) {
                keyToIndexes.computeIfAbsent(k, unused -> new ArrayList<>()).add(i);
            }
        }
        return keyToIndexes;
    }

    /**
     * Every limit's name, in the order they are stated: the account limits, then the per-instrument and
     * per-group limits, then the limits of each order.
     */
    List<String> names() {
        List<String> names = new ArrayList<>();
        names.add(GROSS_EXPOSURE);
        names.add(FREE_BALANCE);
        if (portfolio != null) {
            if (caps.maxNetExposure() != null) {
                names.add(NET_EXPOSURE);
            }
            if (leverageLimit() != null) {
                names.add(leverageLimit());
            }
            if (checksMarginUtilisation()) {
                names.add(MARGIN_UTILISATION);
            }
            if (caps.maxInstrumentShare() != null) {
                symbolToIndexes.keySet().forEach(symbol -> names.add(INSTRUMENT_SHARE + symbol));
            }
            clusterToIndexes.keySet().stream().filter(cluster -> clusterCap(cluster) != null)
                    .forEach(cluster -> names.add(CLUSTER_SHARE + cluster));
            sectorToIndexes.keySet().stream().filter(sector -> sectorCap(sector) != null)
                    .forEach(sector -> names.add(SECTOR_SHARE + sector));
            if (caps.maxVenueExposure() != null) {
                venueToIndexes.keySet().forEach(venue -> names.add(VENUE_EXPOSURE + venue));
            }
            if (caps.maxPositionQuantity() != null) {
                symbolToIndexes.keySet().forEach(symbol -> names.add(POSITION_QUANTITY + symbol));
            }
        }
        for (OrderToProve order : orders) {
            names.add(MAX_QUANTITY + order.proposalId());
            names.add(NON_NEGATIVE + order.proposalId());
            if (portfolio != null) {
                names.add(MIN_NOTIONAL + order.proposalId());
            }
        }
        return names;
    }

    Map<String, List<Integer>> symbolToIndexes() {
        return symbolToIndexes;
    }

    Map<String, List<Integer>> clusterToIndexes() {
        return clusterToIndexes;
    }

    Map<String, List<Integer>> sectorToIndexes() {
        return sectorToIndexes;
    }

    Map<String, List<Integer>> venueToIndexes() {
        return venueToIndexes;
    }

    // ---- account-wide figures

    BigDecimal ordersNotional() {
        return notional(orders);
    }

    BigDecimal grossExposure() {
        return limits.currentGrossExposure().add(ordersNotional());
    }

    BigDecimal buyNotional() {
        return notional(orders.stream().filter(order -> order.side() == Side.BUY).toList());
    }

    BigDecimal marginRate() {
        return caps == null ? BigDecimal.ONE : caps.effectiveMarginRate();
    }

    /** What one unit of the order's value takes from the free balance (kb {@code OrderMargin}). */
    BigDecimal balanceShare(OrderToProve order) {
        InstrumentTerms terms = portfolio == null ? InstrumentTerms.undescribed(order.symbol())
                : portfolio.instrument(order.symbol());
        return terms.balanceShare(order.side(), marginRate());
    }

    /** What the orders take from the free balance together. */
    BigDecimal balanceNeeded() {
        return orders.stream().map(order -> order.quantity().multiply(order.price()).multiply(balanceShare(order)))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private boolean onlySpot() {
        return portfolio == null || orders.stream()
                .allMatch(order -> portfolio.instrument(order.symbol()).kind() == dev.arbiter.kb.fact.InstrumentKind.SPOT);
    }

    /** Σ holdings' net (position + working buys − working sells). */
    BigDecimal netBefore() {
        return portfolio.holdings().stream().map(HeldPosition::net).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal signedOrdersNotional() {
        return orders.stream().map(o -> o.side() == Side.BUY ? o.notional() : o.notional().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * {@code stressed-leverage} when an order's instrument is in a stressed regime and that limit is set,
     * else {@code leverage} when set, else {@code null}: the stressed limit replaces the ordinary one.
     */
    String leverageLimit() {
        if (portfolio == null) {
            return null;
        }
        if (caps.maxLeverageStressed() != null && !stressedBy().isEmpty()) {
            return STRESSED_LEVERAGE;
        }
        return caps.maxLeverage() == null ? null : LEVERAGE;
    }

    /** The leverage that applies: stressed or ordinary, per {@link #leverageLimit()}. */
    BigDecimal leverage() {
        return STRESSED_LEVERAGE.equals(leverageLimit()) ? caps.maxLeverageStressed() : caps.maxLeverage();
    }

    /** Why the market counts as stressed, e.g. {@code "BTC-USD in HIGH_VOLATILITY"}; empty when calm. */
    String stressedBy() {
        Set<String> parts = new LinkedHashSet<>();
        for (OrderToProve order : orders) {
            String regime = portfolio.stressedRegimes().get(order.symbol());
            if (regime != null) {
                parts.add(order.symbol() + " in " + regime);
            }
        }
        return String.join(", ", parts);
    }

    boolean checksMarginUtilisation() {
        return portfolio != null && caps.maxMarginUtilisation() != null && portfolio.reportsMargin();
    }

    BigDecimal maxMarginUsed() {
        return caps.maxMarginUtilisation().multiply(portfolio.marginCapacity());
    }

    // ---- per instrument and per group

    BigDecimal symbolGrossBefore(String symbol) {
        HeldPosition holding = portfolio.holding(symbol);
        return holding == null ? BigDecimal.ZERO : holding.gross();
    }

    BigDecimal clusterGrossBefore(String cluster) {
        return grossBefore(InstrumentTerms::cluster, cluster);
    }

    BigDecimal sectorGrossBefore(String sector) {
        return grossBefore(InstrumentTerms::sector, sector);
    }

    BigDecimal venueGrossBefore(String venue) {
        return grossBefore(InstrumentTerms::venue, venue);
    }

    /** What the holdings whose instrument is in {@code group} carry, gross. */
    private BigDecimal grossBefore(Function<InstrumentTerms, String> groupOf, String group) {
        return portfolio.holdings().stream().filter(h -> group.equals(groupOf.apply(portfolio.instrument(h.symbol()))))
                .map(HeldPosition::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    BigDecimal instrumentCap() {
        return caps.maxInstrumentShare().multiply(portfolio.equity());
    }

    /** The cluster's cap in money, or {@code null} when the cluster has none. */
    BigDecimal clusterCap(String cluster) {
        BigDecimal share = caps.maxClusterShare().get(cluster);
        return share == null ? null : share.multiply(portfolio.equity());
    }

    /** The sector's cap in money, or {@code null} when the sector has none. */
    BigDecimal sectorCap(String sector) {
        BigDecimal share = caps.maxSectorShare().get(sector);
        return share == null ? null : share.multiply(portfolio.equity());
    }

    /** The signed position quantity before the orders: 0 without a holding, {@code null} when held but unknown. */
    BigDecimal positionBefore(String symbol) {
        HeldPosition holding = portfolio.holding(symbol);
        return holding == null ? BigDecimal.ZERO : holding.positionQuantity();
    }

    BigDecimal minNotional(OrderToProve order) {
        return portfolio.instrument(order.symbol()).minNotional();
    }

    List<OrderToProve> at(List<Integer> indexes) {
        return indexes.stream().map(orders::get).toList();
    }

    static BigDecimal notional(List<OrderToProve> some) {
        return some.stream().map(OrderToProve::notional).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal signedQuantity(List<OrderToProve> some) {
        return some.stream().map(o -> o.side() == Side.BUY ? o.quantity() : o.quantity().negate())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // ---- sentences

    /** One sentence saying, with the numbers, how the named limit is broken. */
    String violationDetail(String limit) {
        if (limit.equals(GROSS_EXPOSURE)) {
            return "gross exposure " + money(grossExposure()) + " exceeds the limit " + money(limits.maxGrossExposure())
                    + " (current " + money(limits.currentGrossExposure()) + " plus " + money(ordersNotional())
                    + " from " + count(orders.size()) + ")";
        }
        if (limit.equals(FREE_BALANCE)) {
            String needed = !onlySpot() ? "the orders need " + money(balanceNeeded()) + " of balance (spot buys at "
                    + "margin rate " + plain(marginRate()) + ", perpetual orders value / leverage), which"
                    : marginRate().compareTo(BigDecimal.ONE) == 0 ? "buy notional " + money(buyNotional())
                    : "buy notional " + money(buyNotional()) + " at margin rate " + plain(marginRate()) + " needs "
                            + money(buyNotional().multiply(marginRate())) + ", which";
            return needed + " exceeds the available balance "
                    + money(limits.availableForBuys()) + " (free " + money(limits.freeBalance()) + " minus "
                    + money(limits.reservedByOpenOrders()) + " reserved by open orders)";
        }
        if (limit.equals(NET_EXPOSURE)) {
            BigDecimal before = netBefore();
            BigDecimal after = before.add(signedOrdersNotional());
            return "net exposure " + money(after.abs()) + " exceeds the limit " + money(caps.maxNetExposure())
                    + " (current net " + money(before) + " plus " + money(signedOrdersNotional()) + " signed from "
                    + count(orders.size()) + ")" + alreadyAbove(before.abs(), caps.maxNetExposure(), money(before.abs()));
        }
        if (limit.equals(LEVERAGE) || limit.equals(STRESSED_LEVERAGE)) {
            boolean stressed = limit.equals(STRESSED_LEVERAGE);
            return "gross exposure " + money(grossExposure()) + " exceeds " + (stressed ? "stressed " : "")
                    + "leverage " + plain(leverage()) + " x equity " + money(portfolio.equity()) + " = "
                    + money(leverage().multiply(portfolio.equity())) + " (current "
                    + money(limits.currentGrossExposure()) + " plus " + money(ordersNotional()) + " from "
                    + count(orders.size()) + ")" + (stressed ? ", stressed by " + stressedBy() : "");
        }
        if (limit.equals(MARGIN_UTILISATION)) {
            BigDecimal added = buyNotional().multiply(marginRate());
            return "margin used " + money(portfolio.marginUsed().add(added)) + " exceeds "
                    + plain(caps.maxMarginUtilisation()) + " x capacity " + money(portfolio.marginCapacity()) + " = "
                    + money(maxMarginUsed()) + " (used " + money(portfolio.marginUsed()) + " plus buys "
                    + money(buyNotional()) + " at margin rate " + plain(marginRate()) + ")"
                    + alreadyAbove(portfolio.marginUsed(), maxMarginUsed(), money(portfolio.marginUsed()));
        }
        if (limit.startsWith(INSTRUMENT_SHARE)) {
            String symbol = limit.substring(INSTRUMENT_SHARE.length());
            return share("instrument " + symbol, symbolGrossBefore(symbol), at(indexes(symbolToIndexes, symbol, limit)),
                    caps.maxInstrumentShare(), instrumentCap());
        }
        if (limit.startsWith(CLUSTER_SHARE)) {
            String cluster = limit.substring(CLUSTER_SHARE.length());
            return share("cluster " + cluster, clusterGrossBefore(cluster),
                    at(indexes(clusterToIndexes, cluster, limit)), caps.maxClusterShare().get(cluster), clusterCap(cluster));
        }
        if (limit.startsWith(SECTOR_SHARE)) {
            String sector = limit.substring(SECTOR_SHARE.length());
            return share("sector " + sector, sectorGrossBefore(sector), at(indexes(sectorToIndexes, sector, limit)),
                    caps.maxSectorShare().get(sector), sectorCap(sector));
        }
        if (limit.startsWith(VENUE_EXPOSURE)) {
            String venue = limit.substring(VENUE_EXPOSURE.length());
            BigDecimal before = venueGrossBefore(venue);
            List<OrderToProve> some = at(indexes(venueToIndexes, venue, limit));
            BigDecimal cap = caps.maxVenueExposure();
            return "venue " + venue + " exposure " + money(before.add(notional(some))) + " exceeds its cap "
                    + money(cap) + " (max-venue-exposure; held " + money(before) + " plus " + money(notional(some))
                    + " from " + count(some.size()) + ")" + alreadyAbove(before, cap, money(before));
        }
        if (limit.startsWith(POSITION_QUANTITY)) {
            String symbol = limit.substring(POSITION_QUANTITY.length());
            List<OrderToProve> some = at(indexes(symbolToIndexes, symbol, limit));
            BigDecimal before = positionBefore(symbol);
            if (before == null) {
                return "position quantity in " + symbol + " is not known, so the orders in it cannot be proved "
                        + "against the limit " + plain(caps.maxPositionQuantity()) + " and are refused (fail closed)";
            }
            BigDecimal after = before.add(signedQuantity(some));
            return "position quantity in " + symbol + " would be " + plain(after) + " (held " + plain(before) + " plus "
                    + plain(signedQuantity(some)) + " signed from " + count(some.size()) + "), above the limit "
                    + plain(caps.maxPositionQuantity()) + alreadyAbove(before.abs(), caps.maxPositionQuantity(), plain(before.abs()));
        }
        if (limit.startsWith(MAX_QUANTITY)) {
            OrderToProve order = order(limit.substring(MAX_QUANTITY.length()));
            BigDecimal cap = limits.maxQuantityByProposal().get(order.proposalId());
            if (cap == null) {
                return "proposal " + order.proposalId() + " has no maximum quantity in the hard limits, so its size "
                        + plain(order.quantity()) + " cannot be proved and is refused (fail closed)";
            }
            return "quantity " + plain(order.quantity()) + " of proposal " + order.proposalId()
                    + " exceeds its maximum quantity " + plain(cap);
        }
        if (limit.startsWith(NON_NEGATIVE)) {
            OrderToProve order = order(limit.substring(NON_NEGATIVE.length()));
            return "quantity " + plain(order.quantity()) + " of proposal " + order.proposalId() + " is negative";
        }
        if (limit.startsWith(MIN_NOTIONAL)) {
            OrderToProve order = order(limit.substring(MIN_NOTIONAL.length()));
            return "order " + order.proposalId() + " is worth " + money(order.notional()) + " (" + plain(order.quantity())
                    + " x " + plain(order.price()) + "), below the minimum notional " + money(minNotional(order))
                    + " of " + order.symbol();
        }
        throw new IllegalArgumentException("limit '" + limit + "' is not one of " + names());
    }

    private String share(String what, BigDecimal before, List<OrderToProve> some, BigDecimal share, BigDecimal cap) {
        return what + " exposure " + money(before.add(notional(some))) + " exceeds its cap " + money(cap) + " ("
                + plain(share) + " x equity " + money(portfolio.equity()) + "; held " + money(before) + " plus "
                + money(notional(some)) + " from " + count(some.size()) + ")" + alreadyAbove(before, cap, money(before));
    }

    private static String alreadyAbove(BigDecimal before, BigDecimal cap, String beforeWritten) {
        return before.compareTo(cap) > 0 ? "; already above it at " + beforeWritten + ", so it may shrink but not grow"
                : "";
    }

    private static String count(int n) {
        return n + (n == 1 ? " order" : " orders");
    }

    private List<Integer> indexes(Map<String, List<Integer>> keyToIndexes, String key, String limit) {
        List<Integer> indexes = keyToIndexes.get(key);
        if (indexes == null) {
            throw new IllegalArgumentException("limit '" + limit + "' is not one of " + names());
        }
        return indexes;
    }

    private OrderToProve order(String proposalId) {
        return orders.stream().filter(order -> order.proposalId().equals(proposalId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("proposalId '" + proposalId
                        + "' is not among the orders; expected one of "
                        + orders.stream().map(OrderToProve::proposalId).toList()));
    }
}
