package dev.arbiter.engine.stream;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.arbiter.engine.state.AccountEvent;
import dev.arbiter.kb.fact.Bar;
import dev.arbiter.kb.fact.MarkPrice;

/**
 * One input of an account's stream, as the inputs topic carries it (keyed by {@link #accountId()}): everything that
 * reaches the engine for that account, in the order the engine takes it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "input")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StreamInput.Decide.class, name = "DECIDE"),
        @JsonSubTypes.Type(value = StreamInput.Event.class, name = "EVENT"),
        @JsonSubTypes.Type(value = StreamInput.MarketBar.class, name = "BAR"),
        @JsonSubTypes.Type(value = StreamInput.MarkUpdate.class, name = "MARK")})
public sealed interface StreamInput {

    String accountId();

    /**
     * What the answer to this input names as its subject ({@link AccountRecord#subject()}), so that whoever published
     * it finds its answer: a decision's id, an event's key (or, without one, its type and time).
     */
    String subject();

    /**
     * A decision request, as a client sends it to {@code POST /v1/decisions}.
     *
     * @param decisionId the id the decision gets (the gateway's, or a replay's): chosen before, so the same inputs
     *                   give the same decision
     * @param request    the client's JSON body, read by the engine exactly as the service reads it
     */
    record Decide(String accountId, String decisionId, String request) implements StreamInput {

        @Override
        public String subject() {
            return decisionId;
        }
    }

    /**
     * An account event (a fill, a transfer, an order report, an officer's action on the account).
     *
     * @param key its idempotency key (a fill id, a transfer id), or null
     */
    record Event(String accountId, String key, AccountEvent event) implements StreamInput {

        @Override
        public String subject() {
            return key != null ? key : event.getClass().getSimpleName() + " " + event.at();
        }
    }

    /** A bar of an instrument the account trades. */
    record MarketBar(String accountId, Bar bar) implements StreamInput {

        @Override
        public String subject() {
            return "bar " + bar.symbol() + " " + bar.openTime();
        }
    }

    /** A perpetual's mark price and funding rate, as its venue published them. */
    record MarkUpdate(String accountId, MarkPrice mark) implements StreamInput {

        @Override
        public String subject() {
            return "mark " + mark.symbol() + " " + mark.time();
        }
    }
}
