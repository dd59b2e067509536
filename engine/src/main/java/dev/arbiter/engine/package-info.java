/**
 * The engine: the decision pipeline in plain Java ({@code decision}), its JSON form ({@code json}),
 * the command-line interface ({@code cli}) and the HTTP service ({@code service}, the only package
 * that knows Spring).
 */
package dev.arbiter.engine;
