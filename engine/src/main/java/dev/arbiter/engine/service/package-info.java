/**
 * The HTTP service: Spring Boot wiring around the plain-Java decision pipeline, and the only package
 * (with its sub-packages) that knows Spring. {@code store} keeps decisions, traces, releases, trading
 * states, fills and bars in the database with the audit chain; {@code security} authenticates users
 * and admits each endpoint's roles. Decisions are answered once stored and proven; {@code DeferredExplanations}
 * words their explanations after the answer and completes every read with them. In gateway mode
 * ({@code arbiter.cluster.bootstrap}) {@code ClusterGateway} publishes decisions and account events to the decision job
 * over Kafka and takes its answers, which are stored here as the service's own; endpoints marked {@code EmbeddedOnly}
 * work on state only the job keeps and answer 409.
 */
package dev.arbiter.engine.service;
