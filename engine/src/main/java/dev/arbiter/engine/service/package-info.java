/**
 * The HTTP service: Spring Boot wiring around the plain-Java decision pipeline. The only package
 * that knows Spring. Decisions are kept in memory for now (the most recent ones, bounded).
 */
package dev.arbiter.engine.service;
