/**
 * The HTTP service: Spring Boot wiring around the plain-Java decision pipeline, and the only package
 * (with its sub-packages) that knows Spring. {@code store} keeps decisions, traces, releases, trading
 * states, fills and bars in the database with the audit chain; {@code security} authenticates users
 * and admits each endpoint's roles. Decisions are answered once stored and proven; {@code DeferredExplanations}
 * words their explanations after the answer and completes every read with them.
 */
package dev.arbiter.engine.service;
