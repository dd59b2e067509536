package dev.arbiter.reasoning.analysis;

import java.util.List;

/**
 * The ranges the analysis assumes for fact fields: exactly what the fact records of
 * {@code dev.arbiter.kb.fact} accept when they are built, so that a rule found dead is dead for every
 * fact Arbiter can create, and a counterexample is always a set of facts the records accept. Kept in
 * one place; when a record's validation changes, this list changes with it.
 */
final class FieldRanges {

    /** How a numeric field is bounded. */
    enum Bound {
        /** {@code > 0} */
        POSITIVE,
        /** {@code >= 0} */
        NON_NEGATIVE,
        /** {@code 0 <= x <= 1} */
        UNIT_INTERVAL
    }

    record Range(String type, String field, Bound bound) {
        String name() {
            return type + "." + field + switch (bound) {
                case POSITIVE -> " > 0";
                case NON_NEGATIVE -> " >= 0";
                case UNIT_INTERVAL -> " in [0, 1]";
            };
        }
    }

    /** Two fields of one fact where the first may not be below the second. */
    record AtLeast(String type, String field, String other) {
        String name() {
            return type + "." + field + " >= " + type + "." + other;
        }
    }

    static final List<Range> RANGES = List.of(
            new Range("Proposal", "quantity", Bound.POSITIVE),
            new Range("Proposal", "price", Bound.POSITIVE),
            new Range("Proposal", "conviction", Bound.UNIT_INTERVAL),
            new Range("OrderIntent", "quantity", Bound.POSITIVE),
            new Range("OrderIntent", "limitPrice", Bound.POSITIVE),
            new Range("OrderIntent", "stopLoss", Bound.POSITIVE),
            new Range("OrderIntent", "conviction", Bound.UNIT_INTERVAL),
            new Range("Account", "equity", Bound.NON_NEGATIVE),
            new Range("Account", "freeBalance", Bound.NON_NEGATIVE),
            new Range("Account", "highWaterMark", Bound.NON_NEGATIVE),
            new Range("Instrument", "tickSize", Bound.POSITIVE),
            new Range("Instrument", "lotSize", Bound.POSITIVE),
            new Range("Instrument", "minNotional", Bound.NON_NEGATIVE),
            new Range("Instrument", "maxNotional", Bound.POSITIVE),
            new Range("Instrument", "leverage", Bound.POSITIVE),
            new Range("Exposure", "markPrice", Bound.POSITIVE),
            new Range("Exposure", "positionNotional", Bound.NON_NEGATIVE),
            new Range("Exposure", "openOrderNotional", Bound.NON_NEGATIVE),
            new Range("Exposure", "initialMargin", Bound.NON_NEGATIVE),
            new Range("Exposure", "maintenanceMargin", Bound.NON_NEGATIVE),
            new Range("Exposure", "liquidationPrice", Bound.POSITIVE),
            new Range("Exposure", "liquidationDistance", Bound.NON_NEGATIVE),
            new Range("MarkPrice", "price", Bound.POSITIVE),
            new Range("Portfolio", "grossExposure", Bound.NON_NEGATIVE),
            new Range("Portfolio", "reserved", Bound.NON_NEGATIVE),
            new Range("Portfolio", "initialMargin", Bound.NON_NEGATIVE),
            new Range("Portfolio", "maintenanceMargin", Bound.NON_NEGATIVE),
            new Range("Portfolio", "marginRatio", Bound.NON_NEGATIVE),
            new Range("ClusterExposure", "grossExposure", Bound.NON_NEGATIVE),
            new Range("VenueExposure", "grossExposure", Bound.NON_NEGATIVE),
            new Range("Prediction", "probabilityUp", Bound.UNIT_INTERVAL),
            new Range("Prediction", "confidence", Bound.UNIT_INTERVAL),
            new Range("EnsembleSpread", "spread", Bound.UNIT_INTERVAL),
            new Range("Margin", "used", Bound.NON_NEGATIVE),
            new Range("Margin", "capacity", Bound.POSITIVE),
            new Range("ProtectiveStop", "price", Bound.POSITIVE),
            new Range("OpenOrder", "quantity", Bound.POSITIVE),
            new Range("OpenOrder", "price", Bound.POSITIVE));

    static final List<AtLeast> ORDERINGS = List.of(
            new AtLeast("Account", "highWaterMark", "equity"),
            new AtLeast("Instrument", "maxNotional", "minNotional"));

    private FieldRanges() {
    }
}
