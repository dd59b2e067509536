package dev.arbiter.cluster.job;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.arbiter.engine.state.DeskEvent;
import dev.arbiter.engine.state.MarketEvent;

/** What every worker of the job reads: the officers' desk-wide actions and the market data for every account. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "broadcast")
@JsonSubTypes({
        @JsonSubTypes.Type(value = Broadcast.Desk.class, name = "DESK"),
        @JsonSubTypes.Type(value = Broadcast.Market.class, name = "MARKET")})
public sealed interface Broadcast {

    /** An officer's action on an instrument or on everything. */
    record Desk(DeskEvent action) implements Broadcast {
    }

    /** A bar or a mark, for every account that trades its instrument. */
    record Market(MarketEvent event) implements Broadcast {
    }
}
