/**
 * The trading state of an account as the engine owns it: immutable records, moved only by the events of the
 * account's journal. Rules never see these records directly; the engine derives their facts from them.
 */
package dev.arbiter.kb.state;
