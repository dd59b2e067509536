/**
 * The HTTP service: Spring Boot wiring around the plain-Java decision pipeline, and the only package
 * (with its sub-packages) that knows Spring. {@code store} keeps decisions, traces, releases, trading
 * states, fills and bars in the database with the audit chain; {@code security} authenticates users
 * and admits each endpoint's roles.
 */
package dev.arbiter.engine.service;
