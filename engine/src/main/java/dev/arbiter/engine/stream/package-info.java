/**
 * What the engine reads and writes when it runs as a stream job beside the service: the inputs of an account's stream
 * ({@link dev.arbiter.engine.stream.StreamInput}), the answers chained per account
 * ({@link dev.arbiter.engine.stream.AccountRecord}) and the topics they travel on. One definition, shared by the
 * service's gateway mode, which publishes requests and reads answers, and by the job that decides them.
 */
package dev.arbiter.engine.stream;
