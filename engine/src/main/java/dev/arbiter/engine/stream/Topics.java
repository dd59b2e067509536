package dev.arbiter.engine.stream;

import java.io.Serializable;
import java.util.Objects;

/**
 * Where the job reads and writes.
 *
 * @param bootstrap         the Kafka bootstrap servers
 * @param inputs            account inputs, keyed by account id ({@code StreamInput} as JSON)
 * @param desk              officers' desk-wide actions ({@code DeskEvent} as JSON), read by every worker
 * @param market            bars and marks for every account ({@code MarketEvent} as JSON, keyed by symbol, in time
 *                          order), read by every worker
 * @param decisions         the answers, keyed by account id ({@code AccountRecord} as JSON), written in transactions
 * @param transactionPrefix the prefix of the sink's transactional ids: one per job on a cluster
 */
public record Topics(String bootstrap, String inputs, String desk, String market, String decisions,
                     String transactionPrefix) implements Serializable {

    public Topics {
        Objects.requireNonNull(bootstrap, "bootstrap");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(desk, "desk");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(decisions, "decisions");
        Objects.requireNonNull(transactionPrefix, "transactionPrefix");
    }

    /** The topic names the gateway and the job agree on by default. */
    public static Topics defaults(String bootstrap) {
        return new Topics(bootstrap, "arbiter.inputs", "arbiter.desk", "arbiter.market", "arbiter.decisions",
                "arbiter-decisions");
    }
}
