/**
 * Explanations of decisions, reasoned in Prolog. {@link dev.arbiter.reasoning.explain.PrologExplainer}
 * hands one decision's facts (proposals, rule firings, outcomes, the allocation and the limit proof) to a
 * tuProlog engine that has loaded the shipped theory {@code dev/arbiter/reasoning/explain.pl}. Each
 * proposal's status is decided once, in Java, by {@link dev.arbiter.reasoning.explain.StatusPrecedence} with
 * a fixed precedence (proof, halt, rejection, allocation); the theory receives it as a fact and says why, as
 * sentences. Raw goals can be asked too, for "why" and "why not" questions.
 *
 * <p>The package owns the Prolog engine and the theory: nothing else in Arbiter talks to tuProlog.
 * Decision facts reach the engine as terms built in Java, never as program text, so no message, however
 * it is quoted, can change the theory.
 */
package dev.arbiter.reasoning.explain;
