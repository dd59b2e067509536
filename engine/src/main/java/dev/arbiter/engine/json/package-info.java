/** The JSON form of requests, decisions and traces: one mapper configuration for the CLI, the service and tests. */
package dev.arbiter.engine.json;
