package dev.arbiter.kb.margin;

import static dev.arbiter.kb.Require.identifier;
import static dev.arbiter.kb.Require.positive;
import static dev.arbiter.kb.Require.present;

import dev.arbiter.kb.InvalidFactException;
import dev.arbiter.kb.fact.InstrumentKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What one unit of an instrument is and how it is margined: its kind, the contract size (base units per unit of
 * quantity), the venue's margin tiers by notional, the funding interval of a perpetual and the leverage the desk
 * trades it at (the venue setting that decides a position's initial margin).
 *
 * @param tiers           contiguous from notional 0, the last one open-ended
 * @param fundingInterval how often a perpetual's funding is exchanged; null for spot
 * @param leverage        the leverage setting on the venue, &le; the first tier's maximum; 1 for spot
 */
public record ContractTerms(String symbol, InstrumentKind kind, BigDecimal contractSize, List<MarginTier> tiers,
                            Duration fundingInterval, BigDecimal leverage) {

    private static final String FACT = "ContractTerms";

    public ContractTerms {
        identifier(FACT, "symbol", symbol);
        present(FACT, "kind", kind);
        positive(FACT, "contractSize", contractSize);
        tiers = List.copyOf(present(FACT, "tiers", tiers));
        if (tiers.isEmpty() || tiers.get(0).notionalFloor().signum() != 0) {
            throw new InvalidFactException(FACT, "tiers", tiers, "brackets starting at notional 0");
        }
        for (int i = 1; i < tiers.size(); i++) {
            BigDecimal cap = tiers.get(i - 1).notionalCap();
            if (cap == null || cap.compareTo(tiers.get(i).notionalFloor()) != 0) {
                throw new InvalidFactException(FACT, "tiers[" + i + "].notionalFloor", tiers.get(i).notionalFloor(),
                        "the previous bracket's cap (" + cap + "): brackets must be contiguous");
            }
        }
        if (tiers.get(tiers.size() - 1).notionalCap() != null) {
            throw new InvalidFactException(FACT, "tiers[" + (tiers.size() - 1) + "].notionalCap",
                    tiers.get(tiers.size() - 1).notionalCap(), "none: the last bracket is open-ended");
        }
        if (kind == InstrumentKind.SPOT ? fundingInterval != null
                : fundingInterval == null || fundingInterval.isNegative() || fundingInterval.isZero()) {
            throw new InvalidFactException(FACT, "fundingInterval", fundingInterval,
                    kind == InstrumentKind.SPOT ? "none for spot" : "a positive duration for a perpetual");
        }
        positive(FACT, "leverage", leverage);
        if (leverage.compareTo(tiers.get(0).maxLeverage()) > 0) {
            throw new InvalidFactException(FACT, "leverage", leverage,
                    "at most the venue's maximum " + tiers.get(0).maxLeverage().toPlainString());
        }
    }

    /** Spot: paid in full, never liquidated. */
    public static ContractTerms spot(String symbol) {
        return new ContractTerms(symbol, InstrumentKind.SPOT, BigDecimal.ONE,
                List.of(new MarginTier(BigDecimal.ZERO, null, BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ZERO)),
                null, BigDecimal.ONE);
    }

    /**
     * A perpetual's terms from the venue's bracket table as published (floor, cap, maximum leverage, maintenance
     * rate), with each bracket's maintenance amount derived the venue's way: floor &times; (rate &minus; the previous
     * bracket's rate) + the previous bracket's amount.
     */
    public static ContractTerms tiered(String symbol, BigDecimal contractSize, List<Bracket> brackets,
                                       Duration fundingInterval, BigDecimal leverage) {
        List<MarginTier> tiers = new ArrayList<>();
        BigDecimal previousRate = BigDecimal.ZERO;
        BigDecimal amount = BigDecimal.ZERO;
        for (Bracket b : brackets) {
            amount = b.floor().multiply(b.maintenanceRate().subtract(previousRate)).add(amount);
            tiers.add(new MarginTier(b.floor(), b.cap(), b.maxLeverage(), b.maintenanceRate(), amount));
            previousRate = b.maintenanceRate();
        }
        return new ContractTerms(symbol, InstrumentKind.LINEAR_PERPETUAL, contractSize, tiers, fundingInterval,
                leverage);
    }

    /** One row of a venue's published bracket table. */
    public record Bracket(BigDecimal floor, BigDecimal cap, BigDecimal maxLeverage, BigDecimal maintenanceRate) {
    }

    /** The bracket a position of this notional falls in. */
    public MarginTier tier(BigDecimal notional) {
        BigDecimal n = notional.abs();
        for (MarginTier t : tiers) {
            if (t.holds(n)) {
                return t;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    /** Quantity &times; price &times; contract size, unsigned: what a position or order is worth. */
    public BigDecimal notional(BigDecimal quantity, BigDecimal price) {
        return quantity.abs().multiply(price).multiply(contractSize);
    }

    /** The maintenance margin a position of this notional must keep; zero for spot. */
    public BigDecimal maintenanceMargin(BigDecimal notional) {
        return tier(notional).maintenanceMargin(notional.abs());
    }

    /** The margin a position of this notional ties up: notional / leverage (spot: the notional itself). */
    public BigDecimal initialMargin(BigDecimal notional) {
        return OrderMargin.initialMargin(notional, leverage);
    }

}
