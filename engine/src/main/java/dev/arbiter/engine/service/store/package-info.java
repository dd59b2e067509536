/**
 * Storage in the database (H2 embedded by default, PostgreSQL by configuration, schema by Flyway):
 * decisions with their traces, rule releases, trading-state changes, fills and positions, bars; and
 * the audit chain that vouches for every decision, release activation and trading-state change; and the
 * engine's event journal ({@link dev.arbiter.engine.service.store.DatabaseJournal}), the events every account's,
 * instrument's and the desk's state is the fold of.
 */
package dev.arbiter.engine.service.store;
