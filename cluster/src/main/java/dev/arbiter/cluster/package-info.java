/**
 * The engine's decision core as an Apache Flink job: inputs arrive on Kafka keyed by account, each account's inputs
 * are decided in order by the same {@link dev.arbiter.engine.state.TradingCore} and
 * {@link dev.arbiter.engine.state.EngineDecisions} the service runs, the account's state is Flink keyed state, and
 * every answer leaves, chained per account, through an exactly-once Kafka sink.
 */
package dev.arbiter.cluster;
