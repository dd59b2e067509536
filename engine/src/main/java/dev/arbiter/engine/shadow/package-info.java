/**
 * Champion and challengers in shadow: after a decision is stored and acknowledged, every challenger in shadow decides
 * the same request off the request thread; what it decided, and how that differs from the champion, is stored and
 * reported, never acted on. Generic over what a challenger swaps (a rule release, a model), so rule-set candidates and
 * model challengers are run, compared and reported by the same code.
 */
package dev.arbiter.engine.shadow;
