package dev.arbiter.engine.state;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What an instrument's market journal keeps, in arrival order: its bars and, for a perpetual, the venue's mark prices
 * and funding rates. Each kind is told apart by its fields, so journals written before marks existed read unchanged.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.DEDUCTION)
@JsonSubTypes({@JsonSubTypes.Type(BarEvent.class), @JsonSubTypes.Type(MarkPriceEvent.class)})
public sealed interface MarketEvent permits BarEvent, MarkPriceEvent {
}
